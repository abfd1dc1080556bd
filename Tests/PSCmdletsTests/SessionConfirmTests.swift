import PSCmdlets
import PSRuntime
import Testing

/// `-Confirm` prompts answered through an interactive host.
@Suite("Session: -Confirm answers")
struct SessionConfirmTests {
    /// Runs the script with an interactive host that answers prompts with `answers`.
    func run(_ script: String, answers: [String]) throws -> (values: [String], host: RecordingHostUI) {
        let host = RecordingHostUI(inputLines: answers, isInteractive: true)
        let session = BuiltinCmdlets.makeSession(host: host)
        let values = try session.evaluate(script).map { LanguagePrimitives.toString($0, context: session) }
        return (values, host)
    }

    let script = """
        function Remove-Thing {
            [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
            param([Parameter(ValueFromPipeline)] $Name)
            process { if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" } }
        }
        'a', 'b', 'c' | Remove-Thing
        """

    @Test("answers decide each item", arguments: [
        (["y", "n", "y"], ["removed a", "removed c"]),
        (["", "", ""], ["removed a", "removed b", "removed c"]),
        (["a"], ["removed a", "removed b", "removed c"]),
        (["n", "l"], []),
        (["?", "y", "n", "n"], ["removed a"]),
    ])
    func answers(_ answers: [String], _ expected: [String]) throws {
        let result = try run(script, answers: answers)
        #expect(result.values == expected)
        #expect(result.host.output.contains("Are you sure you want to perform this action?"))
        #expect(result.host.output.contains("Performing the operation \"Remove thing\" on target \"a\"."))
    }

    @Test func suspendStopsThePipeline() {
        #expect(throws: RuntimeError.self) { _ = try run(script, answers: ["s"]) }
    }

    @Test func confirmFalseAndLowImpactDoNotAsk() throws {
        #expect(try run("'x' | Remove-Item -Path /nonexistent/x -Confirm:$false -ErrorAction SilentlyContinue; 'done'", answers: []).values == ["done"])
        let lowImpact = "function f { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Low')] param() if ($PSCmdlet.ShouldProcess('t')) { 'went ahead' } }; f"
        let result = try run(lowImpact, answers: [])
        #expect(result.values == ["went ahead"])
        #expect(!result.host.output.contains("Are you sure"))
    }

    @Test func confirmPreferenceLowAsksForMediumImpact() throws {
        let script = "$ConfirmPreference = 'Low'; function g { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('t')) { 'yes' } }; g"
        #expect(try run(script, answers: ["n"]).values == [])
        #expect(try run(script, answers: ["y"]).values == ["yes"])
    }
}
