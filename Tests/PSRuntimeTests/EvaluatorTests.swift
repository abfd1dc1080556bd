import Foundation
import Testing
@testable import PSRuntime

@Suite("Evaluator")
struct EvaluatorTests: SnippetRunning {
    @Test("statements and expressions", arguments: [
        ("$x = 2; $x * 3", ["6"]),
        ("$i = 0; while ($i -lt 3) { $i++ }; $i", ["3"]),
        ("$s = 0; for ($i = 1; $i -le 4; $i++) { $s += $i }; $s", ["10"]),
        ("foreach ($n in 1..3) { $n }", ["1", "2", "3"]),
        ("foreach ($n in 3..1) { $n }", ["3", "2", "1"]),
        ("$i = 0; do { $i++ } while ($i -lt 5); $i", ["5"]),
        ("$i = 0; do { $i++ } until ($i -ge 2); $i", ["2"]),
        ("if ($false) { 'a' } elseif ($true) { 'b' } else { 'c' }", ["b"]),
        (":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; \"$a$b\" } }", ["11", "21", "31"]),
        (":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($a -eq 2) { break outer }; \"$a$b\" } }", ["11", "12", "13"]),
        ("switch (1, 2, 3) { 2 { 'two' } default { 'other' } }", ["other", "two", "other"]),
        ("switch ('abc') { 'a*' { 'no' } default { 'default' } }", ["default"]),
        ("switch -Wildcard ('abc') { 'a*' { 'wild' } }", ["wild"]),
        ("switch (5) { { $_ -gt 3 } { 'big'; break } 5 { 'five' } }", ["big"]),
        ("$a, $b = 1, 2, 3; $b.Count", ["2"]),
        ("$x = $null; $x ??= 'set'; $x", ["set"]),
        ("$t = $true ? 'yes' : 'no'; $t", ["yes"]),
        ("function f { 1; return 2; 3 }; f", ["1", "2"]),
        ("function f { param($n) if ($n -le 1) { return 1 }; $n * (f ($n - 1)) }; f 5", ["120"]),
        ("$x = 1; function g { $x = 2; $x }; g; $x", ["2", "1"]),
        ("$x = 1; function g { $script:x = 5 }; g; $x", ["5"]),
        ("$sb = { param($a) $a + 1 }; & $sb 41", ["42"]),
        ("$v = 1; . { $v = 7 }; $v", ["7"]),
        ("$v = 1; & { $v = 7 }; $v", ["1"]),
        ("filter double { $_ * 2 }; 1..3 | double", ["2", "4", "6"]),
        ("function p { process { $_ + 1 } }; 1, 2 | p", ["2", "3"]),
        ("function q { foreach ($i in $input) { $i } }; @() | q", []),
        ("function q { foreach ($i in $input) { $i * 10 } }; 1, 2 | q", ["10", "20"]),
        ("\"a$(1 + 1)b\"", ["a2b"]),
        ("$h = @{ k = 'v' }; \"$($h.k)\"", ["v"]),
        ("$(1; 2).Count", ["2"]),
        ("@(1).Count", ["1"]),
        ("@().Count", ["0"]),
        ("$h = [ordered]@{ b = 1; a = 2 }; $h.Keys -join ','", ["b,a"]),
        ("$o = [pscustomobject]@{ Name = 'n'; Size = 3 }; $o.Name", ["n"]),
        ("1 && 2", ["1", "2"]),
        // "No output" is not $null: nothing flows down a pipeline, and @() of it is empty.
        ("function none {}; filter ran { 'ran' }; (none) | ran; 'done'", ["done"]),
        ("function none {}; filter ran { 'ran' }; $(none) | ran; 'done'", ["done"]),
        ("function none {}; @((none)).Count", ["0"]),
        ("filter ran { 'ran' }; $null | ran", ["ran"]),
        ("function none {}; $v = none; $null -eq $v", ["True"]),
        ("filter count { $_.Count }; (,(1, 2)) | count", ["2"]),
        ("($x = 5)", ["5"]),
        ("$x = 5; $x--; $x", ["4"]),
        ("[int]$c = '12'; $c = '13'; $c + 1", ["14"]),
        // .NET enumerations: names, numbers, comparisons, -is.
        ("[DayOfWeek]'friday'", ["Friday"]),
        ("[int][DayOfWeek]::Friday", ["5"]),
        ("([datetime]'2024-01-15').DayOfWeek -eq 'MONDAY'", ["True"]),
        ("[DayOfWeek]::Monday -lt [DayOfWeek]::Friday", ["True"]),
        ("[DayOfWeek]::Sunday -is [System.Enum]", ["True"]),
        ("try { [DayOfWeek]'nope' } catch { $_.FullyQualifiedErrorId }", ["InvalidCastFromStringToEnum"]),
        // Decimals keep their scale, as .NET's do.
        ("1.50d", ["1.50"]),
        ("1.50d + 1", ["2.50"]),
        ("1.5d * 1.10d", ["1.650"]),
        // A string converts through PowerShell's literal syntax: '2.10' is the Double 2.1.
        ("[decimal]'2.10' - 0.1d", ["2.0"]),
        ("[decimal]'2.10d' - 0.1d", ["2.00"]),
    ])
    func scripts(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("errors", arguments: [
        ("try { throw 'boom' } catch { $_.FullyQualifiedErrorId }", ["boom"]),
        ("try { 1/0 } catch [System.DivideByZeroException] { 'div' } catch { 'other' }", ["div"]),
        ("try { 1/0 } catch [System.IO.IOException] { 'io' } catch { 'other' }", ["other"]),
        ("try { try { throw 'in' } finally { 'fin' } } catch { 'out' }", ["fin", "out"]),
        ("trap { 'trapped'; continue }; throw 'x'; 'after'", ["trapped", "after"]),
        ("1/0; 'next'", ["next"]),
        ("$ErrorActionPreference = 'Stop'; try { 1/0; 'no' } catch { 'stopped' }", ["stopped"]),
        ("Get-Nope; $?", ["False"]),
        ("function f { f }; try { f } catch { $_.FullyQualifiedErrorId }", ["CallDepthOverflow"]),
        ("$sb = { & $sb }; try { & $sb } catch { $_.Exception.GetType().Name }", ["ScriptCallDepthException"]),
        ("function h($n) { if ($n -gt 0) { h ($n - 1) } else { 'bottom' } }; h 20", ["bottom"]),
        ("try { Get-Nope } catch { $_.FullyQualifiedErrorId }", ["CommandNotFoundException"]),
    ])
    func errors(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func uncaughtThrowEndsTheScript() {
        #expect(throws: RuntimeError.self) { _ = try run("throw 'stop'; 'never'") }
    }

    @Test func exitPropagatesItsCode() {
        do {
            _ = try run("exit 3")
            Issue.record("exit did not propagate")
        } catch ControlFlow.exit(let code) {
            #expect(code == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nonTerminatingErrorsAreDisplayedAndRecorded() throws {
        let host = RecordingHostUI()
        let context = ExecutionContext(host: host, commands: CommandTable())
        _ = try context.evaluate("1/0")
        #expect(host.text(of: .error).contains("Attempted to divide by zero"))
        #expect(context.errorList.count == 1)
        #expect(context.lastStatus == false)
    }

    @Test func foreachOverARangeCountsWithoutBuildingIt() throws {
        // A range feeding a loop that stops early must not build ten million values.
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        let start = ContinuousClock.now
        let values = try context.evaluate("$n = 0; foreach ($i in 1..10000000) { $n++; if ($n -ge 3) { break } }; $n")
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["3"])
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func scriptBlockParametersStartTheSameWhicheverWayTheBlockRuns() throws {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        let values = try context.evaluate("""
            $b = { param([int]$x, [int]$y = "5") ($null -eq $x), $x, $y.GetType().Name }
            & $b; $b.Invoke()
            """)
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["False", "0", "Int32", "False", "0", "Int32"])
    }

    @Test func foreachOverACharacterRange() throws {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        let values = try context.evaluate("foreach ($c in 'a'..'c') { $c }; foreach ($i in 3..1) { $i }")
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["a", "b", "c", "3", "2", "1"])
    }
}

@Suite("Script files")
struct ScriptFileTests {
    @Test("A script file is parsed once per text: the same text reuses its compiled code, new text is read and run")
    func scriptFilesParsedOncePerText() throws {
        let path = NSTemporaryDirectory() + "pcsh-script-\(UUID().uuidString).ps1"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        try "'one'".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try context.loadScriptFile(path)
        let second = try context.loadScriptFile(path)
        #expect(first !== second)
        #expect(first.compiled != nil && first.compiled === second.compiled)
        #expect(try context.evaluate("& '\(path)'").map { LanguagePrimitives.toString($0, context: context) } == ["one"])
        // Same size, rewritten in place: the text is what counts, not the file's size or time.
        try "'two'".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try context.evaluate("& '\(path)'; & '\(path)'").map { LanguagePrimitives.toString($0, context: context) } == ["two", "two"])
        #expect(try context.loadScriptFile(path).compiled !== first.compiled)
    }

    @Test("Parsed script text is kept per source: parsed again only when the text changes")
    func parsedScriptCacheParsesOncePerText() throws {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        var parses = 0
        let parse: (String) throws -> ScriptBlock = { parses += 1; return try context.createScriptBlock($0) }
        let cache = ParsedScriptCache.of(context)
        _ = try cache.block(key: "a", text: "$_ -gt 1", parse: parse)
        _ = try cache.block(key: "a", text: "$_ -gt 1", parse: parse)
        #expect(parses == 1)
        _ = try cache.block(key: "a", text: "$_ -gt 2", parse: parse)
        _ = try cache.block(key: "b", text: "$_ -gt 2", parse: parse)
        #expect(parses == 3)
        // A ValidateScript body still runs per argument when its parse is reused.
        let output = try context.evaluate("""
            function f { param([ValidateScript({ $_ -gt 1 })] $n) $n }
            f 2; f 3; try { f 0 } catch { 'refused' }
            """).map { LanguagePrimitives.toString($0, context: context) }
        #expect(output == ["2", "3", "refused"])
    }
}
