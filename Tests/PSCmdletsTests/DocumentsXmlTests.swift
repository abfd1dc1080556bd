import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

/// `[xml]` navigation and Select-Xml queries (the XPath subset).
@Suite("XML documents and Select-Xml")
struct DocumentsXmlTests {
    private func strings(_ script: String) throws -> [String] { try outputStrings(script) }

    static let pool = """
        <?xml version="1.0"?>
        <Pool>
          <AdUsers>
            <User principalId="u1" name="Ann" enabled="true"><Mail>ann@example.org</Mail></User>
            <User principalId="u2" name="Bob" enabled="false"/>
            <User principalId="u3" name="Cid" enabled="true"><Mail>cid@example.org</Mail></User>
          </AdUsers>
          <Groups><Group id="g1"><Member>u1</Member><Member>u3</Member></Group></Groups>
        </Pool>
        """

    private func names(_ xpath: String) throws -> [String] {
        let document = try XmlNodeValue.parse(Self.pool)
        return try XmlXPath(xpath).select(from: document).map { $0.kind == .text ? $0.text : $0.name }
    }

    @Test func xmlDotNavigationFeedsSelectObject() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("pool.xml", Self.pool)
        let out = try strings("""
            $rows = ([xml](Get-Content '\(dir.path)/pool.xml' -Raw)).Pool.AdUsers.User | Select-Object principalId
            $rows.principalId -join ','
            """)
        #expect(out == ["u1,u2,u3"])
    }

    @Test func absoluteAndDescendantPaths() throws {
        #expect(try names("/Pool/AdUsers/User").count == 3)
        #expect(try names("//Member").count == 2)
        #expect(try names("/Pool/*") == ["AdUsers", "Groups"])
        #expect(try names("/") == ["#document"])
        #expect(try names("//Group/Member/..") == ["Group"])
        #expect(try names("/Nope/User").isEmpty)
    }

    @Test func attributesAndText() throws {
        #expect(try names("//User/@principalId") == ["u1", "u2", "u3"])
        #expect(try names("//Mail/text()") == ["ann@example.org", "cid@example.org"])
        #expect(try names("//Group/@*") == ["g1"])
    }

    @Test func predicates() throws {
        let users = { (xpath: String) in try names(xpath + "/@name") }
        #expect(try users("//User[@enabled='true']") == ["Ann", "Cid"])
        #expect(try users("//User[@enabled!='true']") == ["Bob"])
        #expect(try users("//User[2]") == ["Bob"])
        #expect(try users("//User[last()]") == ["Cid"])
        #expect(try users("//User[Mail]") == ["Ann", "Cid"])
        #expect(try users("//User[not(Mail)]") == ["Bob"])
        #expect(try users("//User[Mail='cid@example.org']") == ["Cid"])
        #expect(try users("//User[contains(@name, 'o')]") == ["Bob"])
        #expect(try users("//User[starts-with(@principalId, 'u') and @enabled='true'][2]") == ["Cid"])
        #expect(try users("//User[@name='Ann' or @name='Bob']") == ["Ann", "Bob"])
        #expect(try names("//Member[text()='u3']").count == 1)
    }

    @Test func namespacesResolveThroughTheTable() throws {
        let document = try XmlNodeValue.parse("<r xmlns='urn:a' xmlns:b='urn:b'><i id='1'/><b:i id='2'/></r>")
        let a = try XmlXPath("//x:i/@id", namespaces: ["x": "urn:a"]).select(from: document).map(\.text)
        let b = try XmlXPath("//y:i/@id", namespaces: ["y": "urn:b"]).select(from: document).map(\.text)
        #expect(a == ["1"])
        #expect(b == ["2"])
    }

    @Test func malformedQueriesAreRejected() {
        for bad in ["", "//User[", "/a/", "//User[@a=unquoted]", "/a b", "//User[0]"] {
            #expect(throws: XmlXPath.SyntaxError.self, "\(bad)") { try XmlXPath(bad) }
        }
    }

    @Test func selectXmlOverDocumentsFilesAndContent() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("pool.xml", Self.pool)
        let out = try strings("""
            $doc = [xml](Get-Content '\(dir.path)/pool.xml' -Raw)
            ($doc | Select-Xml '//User[@enabled="true"]' | ForEach-Object { $_.Node.name }) -join ','
            $hit = Select-Xml -Path '\(dir.path)/*.xml' -XPath '/Pool/Groups/Group'
            $hit.Node.id; $hit.Path; $hit.Pattern; $hit.GetType().FullName
            (Select-Xml -Content '<a><b>1</b><b>2</b></a>' -XPath '/a/b[2]').Node.InnerText
            (Select-Xml -Content '<a><b>1</b></a>' -XPath '//b').Path
            (Select-Xml -Xml $doc -XPath '//User/@principalId').Node.Value -join ','
            Select-Xml -Content '<r xmlns="urn:t"><i id="7"/></r>' -XPath '//t:i' -Namespace @{ t = 'urn:t' } | ForEach-Object { $_.Node.id }
            try { Select-Xml -Xml $doc -XPath '//User[' } catch { $_.FullyQualifiedErrorId }
            (Get-ChildItem '\(dir.path)' -Filter *.xml | Select-Xml -XPath '//Member').Count
            """)
        #expect(out == ["Ann,Cid", "g1", dir.path + "/pool.xml", "/Pool/Groups/Group", "Microsoft.PowerShell.Commands.SelectXmlInfo",
                        "2", "InputStream", "u1,u2,u3", "7", "XPathException,Microsoft.PowerShell.Commands.SelectXmlCommand", "2"])
    }
}
