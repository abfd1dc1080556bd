import Foundation
import PSRuntime
import Testing

@Suite("Utility: Select-Object")
struct UtilitySelectTests {
    static let people = "$p = [pscustomobject]@{Name='Ann'; Age=31; City='Oslo'}, [pscustomobject]@{Name='Bob'; Age=25; City='Rome'}"

    @Test func selectsNamedPropertiesInOrder() throws {
        let lines = try outputStrings("\(Self.people); $s = $p | Select-Object City, Name; $s[0].psobject.Properties.Name; $s[1].City")
        #expect(lines == ["City", "Name", "Rome"])
    }

    @Test func selectedObjectsAreTyped() throws {
        let lines = try outputStrings("\(Self.people); ($p | Select-Object Name)[0].pstypenames")
        #expect(lines.first == "Selected.System.Management.Automation.PSCustomObject")
        #expect(lines.contains("System.Management.Automation.PSCustomObject"))
    }

    @Test func wildcardsAndExclusions() throws {
        #expect(try outputStrings("\(Self.people); ($p | Select-Object *)[0].psobject.Properties.Name") == ["Name", "Age", "City"])
        #expect(try outputStrings("\(Self.people); ($p | Select-Object -Property *a* -ExcludeProperty Age)[0].psobject.Properties.Name") == ["Name"])
        #expect(try outputStrings("\(Self.people); ($p | Select-Object -ExcludeProperty Age)[1].psobject.Properties.Name") == ["Name", "City"])
    }

    @Test func missingPropertyIsNull() throws {
        #expect(try outputStrings("\(Self.people); $null -eq ($p | Select-Object Nope)[0].Nope") == ["True"])
    }

    @Test func calculatedProperties() throws {
        let script = "\(Self.people); $p | Select-Object Name, @{Name='Older'; Expression={ $_.Age + 1 }}, @{l='Town'; e='City'} | % { \"$($_.Name) $($_.Older) $($_.Town)\" }"
        #expect(try outputStrings(script) == ["Ann 32 Oslo", "Bob 26 Rome"])
        #expect(try outputStrings("(1 | Select-Object @{n='Double'; e={ $_ * 2 }}).Double") == ["2"])
    }

    @Test func badCalculatedPropertyKeyIsAnError() throws {
        let id = try outputStrings("try { 1 | Select-Object @{Foo='x'; Expression='y'} } catch { $_.FullyQualifiedErrorId }").first
        #expect(id?.hasPrefix("DictionaryKeyIllegal") == true)
    }

    @Test("Select-Object and Format-Table read property hashtables alike: unknown, repeated, empty and missing keys")
    func propertyHashtableErrors() throws {
        func id(_ command: String) throws -> String {
            try outputStrings("try { 1 | \(command) } catch { $_.FullyQualifiedErrorId.Split(',')[0] }").first ?? ""
        }
        #expect(try id("Select-Object @{e={1}; n='a'; l='b'}") == "DictionaryKeyDuplicate")
        #expect(try id("Format-Table @{e={1}; n='a'; l='b'}") == "DictionaryKeyDuplicate")
        #expect(try id("Sort-Object @{e={1}; Bogus=$true}") == "DictionaryKeyIllegal")
        #expect(try id("Select-Object @{n='a'}") == "DictionaryKeyMandatoryEntry")
        #expect(try id("Format-Table @{n='a'}") == "DictionaryKeyMandatoryEntry")
        #expect(try id("Select-Object @{n=$null; e={1}}") == "DictionaryKeyMissingValue")
        #expect(try id("Format-List @{e=5}") == "DictionaryKeyIllegalValue2")
    }

    @Test func expandProperty() throws {
        #expect(try outputStrings("\(Self.people); $p | Select-Object -ExpandProperty Name") == ["Ann", "Bob"])
        #expect(try outputStrings("[pscustomobject]@{L=1,2,3} | Select-Object -ExpandProperty L") == ["1", "2", "3"])
        let id = try outputStrings("\(Self.people); $p | Select-Object -ExpandProperty Nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId").first
        #expect(id?.hasPrefix("ExpandPropertyNotFound") == true)
    }

    @Test func expandPropertyWithPropertyDecoratesItems() throws {
        let script = "$o = [pscustomobject]@{Owner='me'; Items=[pscustomobject]@{N=1}, [pscustomobject]@{N=2}}; $o | Select-Object -Property Owner -ExpandProperty Items | % { \"$($_.N) $($_.Owner)\" }"
        #expect(try outputStrings(script) == ["1 me", "2 me"])
    }

    @Test func firstLastSkip() throws {
        #expect(try outputStrings("1..10 | Select-Object -First 3") == ["1", "2", "3"])
        #expect(try outputStrings("1..10 | Select-Object -Last 2") == ["9", "10"])
        #expect(try outputStrings("1..10 | Select-Object -Skip 8") == ["9", "10"])
        #expect(try outputStrings("1..10 | Select-Object -Skip 2 -First 2") == ["3", "4"])
        #expect(try outputStrings("1..10 | Select-Object -First 2 -Last 2") == ["1", "2", "9", "10"])
        #expect(try outputStrings("1..5 | Select-Object -SkipLast 3") == ["1", "2"])
        #expect(try outputStrings("1..5 | Select-Object -First 0").isEmpty)
        #expect(try outputStrings("@() | Select-Object -First 3").isEmpty)
    }

    @Test func firstStopsAnEndlessUpstream() throws {
        let start = Date()
        #expect(try outputStrings("1..10000000 | Select-Object -First 3") == ["1", "2", "3"])
        #expect(try outputStrings("1..10000000 | ForEach-Object { $_ * 10 } | Select-Object -First 2") == ["10", "20"])
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func firstInsideLaterCommandsStillRuns() throws {
        #expect(try outputStrings("(1..100 | Select-Object -First 5 | Measure-Object -Sum).Sum") == ["15"])
        #expect(try outputStrings("$x = 1..3 | Select-Object -First 1; 'next'; $x") == ["next", "1"])
    }

    @Test func indexAndSkipIndex() throws {
        #expect(try outputStrings("'a', 'b', 'c', 'd' | Select-Object -Index 1, 3") == ["b", "d"])
        #expect(try outputStrings("'a', 'b', 'c' | Select-Object -SkipIndex 0") == ["b", "c"])
    }

    @Test func uniqueIsCaseSensitiveUnlessAsked() throws {
        #expect(try outputStrings("1, 2, 1, 3, 2 | Select-Object -Unique") == ["1", "2", "3"])
        #expect(try outputStrings("'a', 'A', 'a' | Select-Object -Unique") == ["a", "A"])
        #expect(try outputStrings("'a', 'A', 'a' | Select-Object -Unique -CaseInsensitive") == ["a"])
        #expect(try outputStrings("\(Self.people); ($p + $p | Select-Object Name -Unique).Count") == ["2"])
    }

    @Test func inputObjectParameter() throws {
        #expect(try outputStrings("(Select-Object -InputObject ([pscustomobject]@{A=1; B=2}) -Property B).B") == ["2"])
    }
}
