import PSRuntime
import Testing

@Suite("Utility: ForEach-Object and Where-Object")
struct UtilityForEachWhereTests {
    @Test func forEachRunsProcessPerObject() throws {
        #expect(try outputStrings("1..3 | ForEach-Object { $_ * 2 }") == ["2", "4", "6"])
        #expect(try outputStrings("1..3 | % { $_ + 1 }") == ["2", "3", "4"])
        #expect(try outputStrings("1, 2 | foreach { \"n$_\" }") == ["n1", "n2"])
    }

    @Test func forEachBeginProcessEnd() throws {
        let script = "1..4 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }"
        #expect(try outputStrings(script) == ["10"])
    }

    @Test func forEachPositionalBlocks() throws {
        #expect(try outputStrings("1..3 | % { 'start' } { $_ } { 'stop' }") == ["start", "1", "2", "3", "stop"])
        // Two blocks: begin and process.
        #expect(try outputStrings("1, 2 | % { 'b' } { $_ }") == ["b", "1", "2"])
    }

    @Test func forEachRunsInCurrentScope() throws {
        #expect(try outputStrings("$x = 1; 1..3 | % { $x = $x * 2 }; $x") == ["8"])
    }

    @Test func forEachWithoutInputRunsOnce() throws {
        #expect(try outputStrings("ForEach-Object { 'once' }") == ["once"])
    }

    @Test func forEachEmptyInputRunsBeginAndEndOnly() throws {
        #expect(try outputStrings("@() | ForEach-Object -Begin { 'b' } -Process { 'p' } -End { 'e' }") == ["b", "e"])
    }

    @Test func forEachMemberName() throws {
        #expect(try outputStrings("'ab', 'cd' | ForEach-Object ToUpper") == ["AB", "CD"])
        #expect(try outputStrings("'abc', 'de' | ForEach-Object Length") == ["3", "2"])
        #expect(try outputStrings("[pscustomobject]@{Name='x'}, [pscustomobject]@{Name='y'} | % Name") == ["x", "y"])
        #expect(try outputStrings("'a,b' | ForEach-Object Split ','") == ["a", "b"])
    }

    @Test func forEachParallelIsAClearError() throws {
        #expect(try outputStrings("try { 1 | ForEach-Object -Parallel { $_ } } catch { $_.FullyQualifiedErrorId }").first?
            .hasPrefix("ParallelNotSupported") == true)
    }

    @Test func whereFilterScript() throws {
        #expect(try outputStrings("1..10 | Where-Object { $_ % 3 -eq 0 }") == ["3", "6", "9"])
        #expect(try outputStrings("1..5 | ? { $_ -gt 3 }") == ["4", "5"])
        #expect(try outputStrings("'a', '', 'b' | where { $_ }") == ["a", "b"])
    }

    @Test func whereFilterTruthOfSeveralOutputs() throws {
        #expect(try outputStrings("1, 2 | Where-Object { 0, 0 }").count == 2)
        #expect(try outputStrings("1, 2 | Where-Object { }").isEmpty)
    }

    @Test func whereSimplifiedSyntax() throws {
        let setup = "$items = [pscustomobject]@{Name='apple'; Size=3}, [pscustomobject]@{Name='Banana'; Size=10}, [pscustomobject]@{Name='cherry'; Size=0}"
        #expect(try outputStrings("\(setup); ($items | Where-Object Size -gt 2).Name") == ["apple", "Banana"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Name -eq 'banana').Name") == ["Banana"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Name -ceq 'banana').Count") == ["0"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Name -Like '*an*').Name") == ["Banana"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Name -NotLike 'a*').Name") == ["Banana", "cherry"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Name -Match '^c').Name") == ["cherry"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Size -In 0, 3).Name") == ["apple", "cherry"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Size -le 3).Name") == ["apple", "cherry"])
        #expect(try outputStrings("\(setup); ($items | Where-Object Size).Name") == ["apple", "Banana"])
        #expect(try outputStrings("\(setup); ($items | Where-Object -Not Size).Name") == ["cherry"])
    }

    @Test func whereSimplifiedOnStrings() throws {
        #expect(try outputStrings("'abc', 'de', '' | Where-Object Length -ge 2") == ["abc", "de"])
        let objects = "$o = [pscustomobject]@{V=1}, [pscustomobject]@{V='a'}, [pscustomobject]@{V=2.5}"
        #expect(try outputStrings("\(objects); ($o | Where-Object V -Is [int]).V") == ["1"])
        #expect(try outputStrings("\(objects); ($o | Where-Object V -IsNot 'string').V") == ["1", "2.5"])
    }

    @Test func whereOperatorWithoutValueIsAnError() throws {
        let id = try outputStrings("try { 1 | Where-Object Length -GT } catch { $_.FullyQualifiedErrorId }").first
        #expect(id?.hasPrefix("ValueNotSpecifiedForWhereObject") == true)
    }

    @Test func whereNullInputIsTested() throws {
        #expect(try outputStrings("@($null | Where-Object { $true }).Count") == ["1"])
        #expect(try outputStrings("@(Where-Object { $true }).Count") == ["0"])
    }
}
