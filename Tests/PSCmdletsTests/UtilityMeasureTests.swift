import Foundation
import PSRuntime
import Testing

@Suite("Utility: Measure-Object")
struct UtilityMeasureTests {
    @Test func countsOnlyByDefault() throws {
        let lines = try outputStrings("$m = 1..5 | Measure-Object; $m.Count; $null -eq $m.Sum; $null -eq $m.Property; $m.pstypenames[0]")
        #expect(lines == ["5", "True", "True", "Microsoft.PowerShell.Commands.GenericMeasureInfo"])
    }

    @Test func emptyAndNullInput() throws {
        #expect(try outputStrings("(@() | Measure-Object).Count") == ["0"])
        #expect(try outputStrings("(1, $null, 2 | Measure-Object).Count") == ["2"])
        #expect(try outputStrings("(Measure-Object).Count") == ["0"])
    }

    @Test func statistics() throws {
        let lines = try outputStrings("$m = 1..4 | Measure-Object -Sum -Average -Maximum -Minimum; $m.Sum; $m.Average; $m.Maximum; $m.Minimum")
        #expect(lines == ["10", "2.5", "4", "1"])
        let deviation = try outputStrings("[math]::Round((2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -StandardDeviation).StandardDeviation, 4)")
        #expect(deviation == ["2.1381"])
        #expect(try outputStrings("(1, 2, 3 | Measure-Object -AllStats).Average") == ["2"])
    }

    @Test func propertyStatistics() throws {
        let script = "$o = [pscustomobject]@{Size=10; Name='a'}, [pscustomobject]@{Size=5; Name='b'}; $m = $o | Measure-Object Size -Sum -Maximum; $m.Sum; $m.Maximum; $m.Property; $m.Count"
        #expect(try outputStrings(script) == ["15", "10", "Size", "2"])
    }

    @Test func wildcardPropertiesGiveOneResultEach() throws {
        let script = "[pscustomobject]@{A1=1; A2=5; B=9}, [pscustomobject]@{A1=3; A2=7; B=9} | Measure-Object A* -Sum | % { \"$($_.Property)=$($_.Sum)\" }"
        #expect(try outputStrings(script) == ["A1=4", "A2=12"])
    }

    @Test func missingPropertyIsAnError() throws {
        let script = "[pscustomobject]@{A=1} | Measure-Object Nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId"
        #expect(try outputStrings(script).first?.hasPrefix("GenericMeasurePropertyNotFound") == true)
    }

    @Test func nonNumericInputWritesErrorAndDropsSum() throws {
        let lines = try outputStrings("$m = 1, 'x', 2 | Measure-Object -Sum -ErrorAction SilentlyContinue; $m.Count; $null -eq $m.Sum; $Error[0].FullyQualifiedErrorId")
        #expect(lines.count == 3)
        #expect(lines.prefix(2) == ["3", "True"])
        #expect(lines.last?.hasPrefix("NonNumericInputObject") == true)
    }

    @Test func textExtremesKeepStrings() throws {
        let lines = try outputStrings("$m = 'pear', 'apple', 'zoo' | Measure-Object -Maximum -Minimum; $m.Maximum; $m.Minimum; $m.pstypenames[0]")
        #expect(lines == ["zoo", "apple", "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"])
    }

    @Test func textMeasure() throws {
        let lines = try outputStrings("$t = \"one two\nthree\", 'four' | Measure-Object -Line -Word -Character; $t.Lines; $t.Words; $t.Characters; $t.pstypenames[0]")
        #expect(lines == ["3", "4", "17", "Microsoft.PowerShell.Commands.TextMeasureInfo"])
        #expect(try outputStrings("('a b' | Measure-Object -Character -IgnoreWhiteSpace).Characters") == ["2"])
        #expect(try outputStrings("$null -eq ('a b' | Measure-Object -Word).Lines") == ["True"])
    }

    @Test func countOfFilteredNumbersIsExact() throws {
        #expect(try outputStrings("(1..3000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object).Count") == ["1000"])
    }

    /// A long pipeline takes the binder's fast path after the first object; every object must
    /// still be seen exactly once. (Speed is measured by Scripts/bench.sh, not here.)
    @Test func longPipelinesCountEveryObject() throws {
        #expect(try outputStrings("(1..100000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object).Count") == ["33333"])
        #expect(try outputStrings("(1..50000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum") == ["2500050000"])
    }
}
