import Testing
@testable import PSRuntime

/// Function invocation details as PowerShell 7.4 has them: `return` inside a value being
/// assigned, `throw` under `$ErrorActionPreference`, pipeline binding without a process block,
/// remaining arguments and splatting.
@Suite("Invocation")
struct InvocationTests: SnippetRunning {
    @Test("return inside a value being collected writes to the function's output", arguments: [
        ("function f { $global:v = if ($true) { return 'one' } }; $global:v = 'old'; f; $global:v", ["one", "old"]),
        ("function f { $('1'; return '2') }; f", ["1", "2"]),
        ("function f { $x = foreach ($i in 1..3) { $i; if ($i -eq 2) { return } }; 'unreached' }; f", ["1", "2"]),
        ("function f { $x = & { return 5 }; \"x=$x\" }; f", ["x=5"]),
    ])
    func returnInsideAssignment(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("throw under $ErrorActionPreference", arguments: [
        ("$ErrorActionPreference = 'SilentlyContinue'; throw 'x'; 'after'; $Error[0].ToString()", ["after", "x"]),
        ("$ErrorActionPreference = 'Ignore'; throw 'x'; 'after'; $Error.Count", ["after", "1"]),
        ("$ErrorActionPreference = 'SilentlyContinue'; try { throw 'y' } catch { \"caught $_\" }", ["caught y"]),
        ("$ErrorActionPreference = 'SilentlyContinue'; function f { throw 'in f'; 'next in f' }; f; 'done'", ["next in f", "done"]),
    ])
    func throwAndPreference(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func throwStillEndsTheScriptUnderContinue() {
        #expect(snippetErrorId("throw 'stop'; 'after'") == "stop")
    }

    @Test func stopPreferenceCannotBeSilencedFurtherOut() throws {
        let script = "$ErrorActionPreference = 'SilentlyContinue'; function f { $ErrorActionPreference = 'Stop'; throw 'inner' }; try { f } catch { \"caught $_\" }"
        #expect(try run(script) == ["caught inner"])
    }

    @Test("a function without a process block binds each pipeline object in turn", arguments: [
        ("function f { param([Parameter(ValueFromPipeline)]$X) \"X=$X all=$($input -join ',')\" }; 1, 2, 3 | f", ["X=3 all=1,2,3"]),
        ("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$X) end { $X } }; 'a', 'b' | f", ["b"]),
    ])
    func endBlockSeesLastObject(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("remaining arguments and splatting", arguments: [
        ("function f { param([Parameter(ValueFromRemainingArguments)]$Rest, $Name) $Name; $Rest -join ',' }; f -Name n -Foo 1 -Bar:2",
         ["n", "-Foo,1,-Bar:,2"]),
        ("function f { param($A, $B) \"A=$A B=$B\" }; $p = @{ A = 1; B = 2 }; f @p -A 9", ["A=9 B=2"]),
        ("function f { param($A, $B) \"A=$A B=$B\" }; $p = @{ A = 1 }; f -A 9 @p -B 3", ["A=9 B=3"]),
    ])
    func remainingAndSplatting(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func pscustomobjectIsPSObject() throws {
        #expect(try run("[pscustomobject]@{} -is [pscustomobject]; [pscustomobject]@{ a = 1 } -is [psobject]; 1 -is [pscustomobject]")
                == ["True", "True", "False"])
    }
}
