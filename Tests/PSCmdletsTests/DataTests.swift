import Foundation
import PSRuntime
import Testing

/// Script-level tests of the JSON and CSV cmdlets.
@Suite("Data cmdlets")
struct DataTests {
    private func strings(_ script: String) throws -> [String] { try outputStrings(script) }

    @Test func convertToJsonPrettyAndCompressed() throws {
        #expect(try strings("[ordered]@{ a = 1; b = 'x'; c = $null; d = $true } | ConvertTo-Json")
                == ["{\n  \"a\": 1,\n  \"b\": \"x\",\n  \"c\": null,\n  \"d\": true\n}"])
        #expect(try strings("[pscustomobject]@{ a = 1, 2; b = @{} } | ConvertTo-Json -Compress") == ["{\"a\":[1,2],\"b\":{}}"])
        #expect(try strings("1, 2 | ConvertTo-Json -Compress") == ["[1,2]"])
        #expect(try strings("1 | ConvertTo-Json -AsArray -Compress") == ["[1]"])
        #expect(try strings("'a\"b' | ConvertTo-Json") == ["\"a\\\"b\""])
        #expect(try strings("1.5, 3.0 | ConvertTo-Json -Compress") == ["[1.5,3.0]"])
    }

    @Test("Enumeration values are numbers unless -EnumsAsStrings asks for names")
    func enumsAsNumbersOrNames() throws {
        #expect(try strings("[DayOfWeek]::Friday | ConvertTo-Json") == ["5"])
        #expect(try strings("@{ d = [DayOfWeek]::Monday } | ConvertTo-Json -Compress -EnumsAsStrings") == ["{\"d\":\"Monday\"}"])
    }

    @Test func depthTruncationWarns() throws {
        let (values, host) = try runScript("@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json -Compress")
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["{\"a\":{\"b\":{\"c\":\"System.Collections.Hashtable\"}}}"])
        #expect(host.text(of: .warning).contains("Resulting JSON is truncated as serialization has exceeded the set depth of 2."))
        #expect(try strings("@{ a = @{ b = @{ c = 1 } } } | ConvertTo-Json -Compress -Depth 5") == ["{\"a\":{\"b\":{\"c\":1}}}"])
    }

    @Test func jsonRoundTrip() throws {
        let script = """
            $o = [pscustomobject]@{ name = 'Zoë "Z"'; n = 42; list = 1, 'two', $null; inner = [pscustomobject]@{ ok = $true } }
            $back = $o | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            $back.name; $back.n; $back.n.GetType().FullName; $back.list.Count; $back.inner.ok
            """
        #expect(try strings(script) == ["Zoë \"Z\"", "42", "System.Int64", "3", "True"])
    }

    @Test func convertFromJsonShapes() throws {
        #expect(try strings("'[1,2,3]' | ConvertFrom-Json | ForEach-Object { $_ * 2 }") == ["2", "4", "6"])
        #expect(try strings("('[1,2,3]' | ConvertFrom-Json -NoEnumerate).Count") == ["3"])
        #expect(try strings("('{\"b\":1,\"a\":2}' | ConvertFrom-Json).psobject.Properties.Name") == ["b", "a"])
        #expect(try strings("('{\"a\":{\"b\":2}}' | ConvertFrom-Json -AsHashtable).a.b") == ["2"])
        #expect(try strings("('{', '\"a\": 1', '}' | ConvertFrom-Json).a") == ["1"])
    }

    @Test func invalidJsonError() throws {
        let result = try strings("try { '{\"a\": x}' | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }")
        #expect(result == ["System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand"])
    }

    @Test func convertToCsvQuotesByDefault() throws {
        #expect(try strings("[pscustomobject]@{ a = 1; b = 'x,y' } | ConvertTo-Csv") == ["\"a\",\"b\"", "\"1\",\"x,y\""])
        #expect(try strings("[pscustomobject]@{ a = 1; b = 'x,y' } | ConvertTo-Csv -UseQuotes AsNeeded") == ["a,b", "1,\"x,y\""])
        #expect(try strings("[pscustomobject]@{ a = 1 } | ConvertTo-Csv -IncludeTypeInformation -Delimiter ';'")
                == ["#TYPE System.Management.Automation.PSCustomObject", "\"a\"", "\"1\""])
    }

    @Test func convertFromCsv() throws {
        #expect(try strings("'a,b', '1,\"x,\"\"y\"\"\"' | ConvertFrom-Csv | ForEach-Object { $_.a; $_.b }") == ["1", "x,\"y\""])
        #expect(try strings("('1;2' | ConvertFrom-Csv -Delimiter ';' -Header p, q).q") == ["2"])
    }

    @Test func exportImportRoundTrip() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        let script = """
            $rows = [pscustomobject]@{ Name = 'a'; Note = "two`nlines" }, [pscustomobject]@{ Name = 'b,c'; Note = 'say "hi"' }
            $rows | Export-Csv '\(dir.path)/t.csv'
            [pscustomobject]@{ Name = 'd'; Note = 'e' } | Export-Csv '\(dir.path)/t.csv' -Append
            Import-Csv '\(dir.path)/t.csv' | ForEach-Object { $_.Name + '|' + $_.Note }
            """
        #expect(try strings(script) == ["a|two\nlines", "b,c|say \"hi\"", "d|e"])
        #expect(dir.read("t.csv")?.hasPrefix("\"Name\",\"Note\"\n") == true)
    }

    @Test func exportCsvNoClobber() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("t.csv", "x")
        let result = try strings("try { 1 | Export-Csv '\(dir.path)/t.csv' -NoClobber -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(result == ["NoClobber,Microsoft.PowerShell.Commands.ExportCsvCommand"])
        #expect(dir.read("t.csv") == "x")
    }
}
