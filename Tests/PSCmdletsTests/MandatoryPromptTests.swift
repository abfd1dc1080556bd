import PSCmdlets
import PSRuntime
import Testing

/// Missing mandatory parameters are asked for in an interactive session, and stay an error in a
/// non-interactive one.
@Suite("Session: prompting for mandatory parameters")
struct MandatoryPromptTests {
    func run(_ script: String, answers: [String], interactive: Bool = true) throws -> (values: [String], host: RecordingHostUI) {
        let host = RecordingHostUI(inputLines: answers, isInteractive: interactive)
        let session = BuiltinCmdlets.makeSession(host: host)
        let values = try session.evaluate(script).map { LanguagePrimitives.toString($0, context: session) }
        return (values, host)
    }

    let function = """
        function Set-Thing {
            param([Parameter(Mandatory, HelpMessage = 'The thing')][string]$Name, [Parameter(Mandatory)][int[]]$Size)
            "$Name=" + ($Size -join ',') + ':' + $Size[0].GetType().Name
        }
        """

    @Test func functionParametersAreAskedForInOrderAndConverted() throws {
        let result = try run(function + "\nSet-Thing", answers: ["!?", "box", "3", "4", ""])
        #expect(result.values == ["box=3,4:Int32"])
        #expect(result.host.output.contains("cmdlet Set-Thing at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\n"))
        #expect(result.host.output.contains("Name: The thing\nName: Size[0]: Size[1]: Size[2]: "))
    }

    @Test func onlyTheMissingOnesAreAskedForAndBangBangIsALiteralBang() throws {
        let result = try run(function + "\nSet-Thing -Size 1", answers: ["!!x"])
        #expect(result.values == ["!x=1:Int32"])
        #expect(!result.host.output.contains("Size[0]"))
    }

    @Test func cmdletParametersAreAskedForToo() throws {
        let result = try run("Write-Output -InputObject 5 | ForEach-Object { $_ * 2 }; Join-Path -ChildPath b", answers: ["/a", ""])
        #expect(result.values == ["10", "/a/b"])
        #expect(result.host.output.contains("cmdlet Join-Path at command pipeline position 1"))
    }

    @Test func anEmptyAnswerOrANonInteractiveSessionIsAnError() throws {
        func errors(_ host: RecordingHostUI) -> String { host.diagnostics.map(\.1).joined(separator: "\n") }
        let empty = try run(function + "\nSet-Thing -Size 1; 'next'", answers: [""])
        #expect(empty.values == ["next"])
        #expect(errors(empty.host).contains("Cannot bind argument to parameter 'Name' because it is an empty string."))
        let batch = try run(function + "\nSet-Thing; 'next'", answers: ["x"], interactive: false)
        #expect(batch.values == ["next"])
        #expect(errors(batch.host).contains("missing mandatory parameters: Name Size."), "\(errors(batch.host))")
        #expect(!batch.host.output.contains("Supply values"))
    }
}
