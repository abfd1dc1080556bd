import Foundation
import PSRuntime
import Testing

/// A scratch folder with a test file of five lines (as in PowerShell's own Select-String tests).
private func makeTestFile() throws -> (folder: String, file: String) {
    let folder = NSTemporaryDirectory() + "pcsh-sls-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/testfile1.txt"
    let text = "This is a text string, and another string\nThis is the second line\nThis is the third line\nThis is the fourth line\nNo matches\n"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return (folder, file)
}

@Suite("Select-String")
struct SelectStringTests {
    @Test func pipedStrings() throws {
        #expect(try outputStrings("'hello','Hello' | Select-String -Pattern 'hello' -CaseSensitive") == ["hello"])
        #expect(try outputStrings("('hello','Hello','goodbye' | Select-String hello).Count") == ["2"])
        #expect(try outputStrings("'hello','Hello','goodbye' | Select-String -Pattern goodbye -NotMatch") == ["hello", "Hello"])
        #expect(try outputStrings("$m = 'a1','b2' | Select-String '\\d'; $m[1].Line; $m[1].LineNumber; $m[1].Path; $m[1].Filename; $m[1].Pattern; $m[1].Matches[0].Value; $m[1].pstypenames[0]") ==
                ["b2", "2", "InputStream", "InputStream", "\\d", "2", "Microsoft.PowerShell.Commands.MatchInfo"])
        #expect(try outputStrings("Select-String -InputObject 'some stuff', 'other stuff' -Pattern neither").isEmpty)
    }

    @Test func quietRawListAllMatches() throws {
        #expect(try outputStrings("('hello','Hello' | Select-String -Quiet hello -CaseSensitive).GetType().Name") == ["Boolean"])
        #expect(try outputStrings("'hello','Hello' | Select-String -Quiet goodbye").isEmpty)
        #expect(try outputStrings("('hello','Hello' | Select-String hello -Raw).GetType().Name") == ["Object[]"])
        #expect(try outputStrings("'a1','a2','b3' | Select-String a -List") == ["a1"])
        #expect(try outputStrings("('a1b2c3' | Select-String '\\d' -AllMatches).Matches.Value -join ','") == ["1,2,3"])
        #expect(try outputStrings("('a.b' | Select-String '.' -SimpleMatch).Line; ('axb' | Select-String '.' -SimpleMatch) -eq $null") == ["a.b", "True"])
        let both = try outputStrings("try { 'a' | Select-String a -Raw -Quiet } catch { $_.Exception.GetType().Name }")
        #expect(both == ["ParameterBindingException"])
    }

    @Test func defaultDisplay() throws {
        #expect(try outputStrings("'hello','Hello','goodbye' | Select-String -Pattern 'l' | Out-String") == ["\nhello\nHello\n\n"])
    }

    @Test func files() throws {
        let (folder, file) = try makeTestFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try outputStrings("Select-String '\(file)' -Pattern 'second' | ForEach-Object { $_.ToString() }") == ["\(file):2:This is the second line"])
        #expect(try outputStrings("(Select-String in '\(file)').Count; (Select-String is '\(file)' -CaseSensitive).Count") == ["4", "4"])
        #expect(try outputStrings("$m = Select-String matc* '\(file)' -CaseSensitive; $m.Filename; $m.LineNumber; $m.Path -eq '\(file)'") == ["testfile1.txt", "5", "True"])
        #expect(try outputStrings("Select-String second '\(file)' -Raw -Context 2,2") == ["This is the second line"])
        #expect(try outputStrings("Get-ChildItem '\(folder)' | Select-String fourth | ForEach-Object LineNumber") == ["4"])
        #expect(try outputStrings("(Select-String 'This' '\(folder)/*.txt' -List).LineNumber") == ["1"])
        // The console shows paths relative to the current location.
        #expect(try outputStrings("Set-Location '\(folder)'; Select-String third testfile1.txt -Context 1 | Out-String") == ["\n  testfile1.txt:2:This is the second line\n> testfile1.txt:3:This is the third line\n  testfile1.txt:4:This is the fourth line\n\n"])
    }

    @Test func contextProperties() throws {
        let script = "$m = 1..9 | ForEach-Object { \"line$_\" } | Select-String 'line5' -Context 2,1; $m.Context.PreContext -join ','; $m.Context.PostContext -join ','"
        #expect(try outputStrings(script) == ["line3,line4", "line6"])
    }

    @Test func missingFileIsAnError() throws {
        let lines = try outputStrings("Select-String x /no/such.txt -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
        #expect(lines == ["PathNotFound,Microsoft.PowerShell.Commands.SelectStringCommand"])
    }
}

@Suite("Export-Clixml and Import-Clixml")
struct ClixmlTests {
    private static func scratchFile() -> String { NSTemporaryDirectory() + "pcsh-clixml-" + UUID().uuidString + ".xml" }

    @Test func primitivesRoundTrip() throws {
        let file = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            let script = """
            'text', 42, [long]5000000000, 2.5, $true, [char]'x', [datetime]'2024-05-06T07:08:09', (New-TimeSpan -Minutes 90), [guid]'0f8fad5b-d9cb-469f-a165-70867728950e', $null | Export-Clixml '\(file)'
            Import-Clixml '\(file)' | ForEach-Object { if ($null -eq $_) { 'null' } else { "$($_.GetType().Name)=$_" } }
            """
            #expect(try outputStrings(script) == ["String=text", "Int32=42", "Int64=5000000000", "Double=2.5", "Boolean=True", "Char=x",
                                                  "DateTime=05/06/2024 07:08:09", "TimeSpan=01:30:00",
                                                  "Guid=0f8fad5b-d9cb-469f-a165-70867728950e", "null"])
        }
    }

    @Test func documentFormat() throws {
        let file = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            _ = try outputStrings("[pscustomobject]@{Name='a<b'; Size=3} | Export-Clixml '\(file)'")
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.hasPrefix("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"))
            #expect(text.contains("<T>System.Management.Automation.PSCustomObject</T>"))
            #expect(text.contains("<MS>"))
            #expect(text.contains("<S N=\"Name\">a&lt;b</S>"))
            #expect(text.contains("<I32 N=\"Size\">3</I32>"))
        }
    }

    @Test func objectsCollectionsAndDeserializedNames() throws {
        let file = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            let script = """
            $o = [pscustomobject]@{ Name = 'web'; Ports = @(80, 443); Meta = @{ owner = 'ops' }; Note = "two`nlines" }
            Export-Clixml -Path '\(file)' -InputObject $o
            $i = Import-Clixml '\(file)'
            $i.pstypenames -join ','
            $i.Name; $i.Ports -join '+'; $i.Ports.GetType().Name; $i.Meta.owner; $i.Meta.GetType().Name; $i.Note.Split("`n").Count
            """
            #expect(try outputStrings(script) == [
                "Deserialized.System.Management.Automation.PSCustomObject,Deserialized.System.Object",
                "web", "80+443", "Object[]", "ops", "Hashtable", "2"])
        }
    }

    @Test func depthLimitsNesting() throws {
        let file = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            let script = """
            $o = [pscustomobject]@{ L1 = [pscustomobject]@{ L2 = [pscustomobject]@{ L3 = 1 } } }
            $o | Export-Clixml '\(file)' -Depth 1
            $i = Import-Clixml '\(file)'
            $i.L1.pstypenames[0]
            $i.L1.L2.GetType().Name
            $i.L1.L2
            """
            #expect(try outputStrings(script) == ["Deserialized.System.Management.Automation.PSCustomObject", "String", "@{L3=1}"])
        }
    }

    @Test func invalidFile() throws {
        let file = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            try "<notclixml/>".write(toFile: file, atomically: true, encoding: .utf8)
            let lines = try outputStrings("Import-Clixml '\(file)' -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
            #expect(lines == ["System.Xml.XmlException,Microsoft.PowerShell.Commands.ImportClixmlCommand"])
        }
    }
}
