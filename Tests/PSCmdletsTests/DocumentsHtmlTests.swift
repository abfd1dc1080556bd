import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

/// ConvertTo-Html snapshots: page, fragment and list layouts, and HTML encoding.
@Suite("ConvertTo-Html")
struct DocumentsHtmlTests {
    private let rows = "$rows = @([pscustomobject]@{ Name = 'Ada <1>'; Age = 36 }, [pscustomobject]@{ Name = 'Bob & co'; Age = $null })\n"

    @Test func tablePage() throws {
        let out = try outputStrings(rows + "$rows | ConvertTo-Html")
        #expect(out == [
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<head>",
            "<title>HTML TABLE</title>",
            "</head><body>",
            "<table>",
            "<colgroup><col/><col/></colgroup>",
            "<tr><th>Name</th><th>Age</th></tr>",
            "<tr><td>Ada &lt;1&gt;</td><td>36</td></tr>",
            "<tr><td>Bob &amp; co</td><td></td></tr>",
            "</table>",
            "</body></html>",
        ])
    }

    @Test func fragmentWithCalculatedColumnAndContent() throws {
        let out = try outputStrings(rows + "$rows | ConvertTo-Html -Property Name, @{ Label = 'Next'; Expression = { $_.Age + 1 } } -Fragment -PreContent '<h2>People</h2>' -PostContent '<p>end</p>'")
        #expect(out == [
            "<h2>People</h2>",
            "<table>",
            "<colgroup><col/><col/></colgroup>",
            "<tr><th>Name</th><th>Next</th></tr>",
            "<tr><td>Ada &lt;1&gt;</td><td>37</td></tr>",
            "<tr><td>Bob &amp; co</td><td>1</td></tr>",
            "</table>",
            "<p>end</p>",
        ])
    }

    @Test func listLayout() throws {
        let out = try outputStrings(rows + "$rows | ConvertTo-Html -As List -Fragment")
        #expect(out == [
            "<table>",
            "<tr><td>Name:</td><td>Ada &lt;1&gt;</td></tr>",
            "<tr><td>Age:</td><td>36</td></tr>",
            "<tr><td><hr></td></tr>",
            "<tr><td>Name:</td><td>Bob &amp; co</td></tr>",
            "<tr><td>Age:</td><td></td></tr>",
            "</table>",
        ])
    }

    @Test func headTitleBodyAndCss() throws {
        let custom = try outputStrings(rows + "ConvertTo-Html -InputObject $rows[0] -Title 'People' -CssUri 'site.css' -Body '<p>hi</p>' -Property Na*")
        #expect(Array(custom[3...7]) == ["<title>People</title>", "<link rel=\"stylesheet\" type=\"text/css\" href=\"site.css\" />",
                                          "</head><body>", "<p>hi</p>", "<table>"])
        #expect(custom.contains("<tr><th>Name</th></tr>"))
        let head = try outputStrings("1 | ConvertTo-Html -Head '<meta name=\"x\">' -Property @{ n = 'V'; e = { $_ } }")
        #expect(head[3] == "<meta name=\"x\">")
        #expect(!head.contains { $0.contains("<title>") })
    }

    @Test func encodingAndCollections() throws {
        #expect(ConvertToHtmlCommand.htmlEncode("a<b>&\"'é") == "a&lt;b&gt;&amp;&quot;&#39;&#233;")
        let out = try outputStrings("[pscustomobject]@{ Tags = @('a', 'b') } | ConvertTo-Html -Fragment")
        #expect(out.contains("<tr><td>System.Object[]</td></tr>"))
    }
}
