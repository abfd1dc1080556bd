import Foundation
import PSRuntime

/// Times a script block: runs it (once per input object, with `$_` set) and returns the total
/// time as a TimeSpan. What the block writes to the output is thrown away.
final class MeasureCommandCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        MeasureCommandCommand.self, name: "Measure-Command",
        synopsis: "Measures how long a script block takes to run.",
        description: "Runs the script block in the current scope, once for each object piped in (available as $_) or once when nothing is piped, and returns one TimeSpan: the total time spent in the block. The block's output is discarded; its errors, warnings and host text still appear.",
        outputTypes: ["System.TimeSpan"],
        examples: [
            HelpExample("Measure-Command { Get-ChildItem -Recurse }", "How long a recursive listing takes."),
            HelpExample("(Measure-Command { Start-Sleep -Milliseconds 200 }).TotalMilliseconds", "About 200 (milliseconds), as a number."),
            HelpExample("1..3 | Measure-Command { $_ * 2 }", "Runs the block once per number, and times all three runs together."),
        ],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "Objects to run the block for, each as $_."),
            Parameter("Expression", \.expression, position: 0, mandatory: true, help: "The script block to time."),
        ])

    var inputObject: PSValue = .null
    var expression: ScriptBlock?
    private var elapsed: Duration = .zero

    func process(_ context: CommandContext) throws {
        guard let expression else { return }
        let clock = ContinuousClock()
        let started = clock.now
        defer { elapsed += clock.now - started }
        try context.invokeInCurrentScope(expression, dollarUnder: inputObject, output: { _ in })
    }

    func end(_ context: CommandContext) throws {
        let (seconds, attoseconds) = elapsed.components
        try context.write(.timeSpan(ticks: seconds * 10_000_000 + attoseconds / 100_000_000_000))
    }
}
