import PSRuntime

/// Runs a script block in this session (pcsh has no remoting): its arguments come from
/// -ArgumentList, its `$input` from the pipeline.
final class InvokeCommandCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        InvokeCommandCommand.self, name: "Invoke-Command", aliases: ["icm"],
        synopsis: "Runs a script block in the current session.",
        description: "The block runs once, in a child scope unless -NoNewScope is given. Each -ArgumentList element becomes one of $args (or binds to the block's parameters); objects piped in are collected and given to the block as $input. Remote computers and sessions are not supported by pcsh.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "InProcess",
        examples: [HelpExample("Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 1, 2", "Passes two arguments; outputs 3."),
                   HelpExample("Invoke-Command { $args.Count } -ArgumentList (, @(1, 2))", "Passes one array as a single argument; outputs 1."),
                   HelpExample("1..3 | Invoke-Command { $input | Measure-Object -Sum }", "Gives the piped objects to the block.")],
        parameters: [
            Parameter("ScriptBlock", \.scriptBlock, position: 0, mandatory: true, aliases: ["Command"],
                      help: "The script block to run."),
            Parameter("ArgumentList", \.argumentList, aliases: ["Args"],
                      help: "The arguments for the block, one per element ($args, or its parameters by position)."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "Objects the block reads as $input."),
            .switchParameter("NoNewScope", \.noNewScope, help: "Runs the block in the current scope."),
        ])

    var scriptBlock: ScriptBlock?
    var argumentList: [PSValue] = []
    var inputObject: PSValue = .null
    var noNewScope = false

    private var collected: [PSValue] = []

    func process(_ context: CommandContext) throws {
        if context.expectingInput { collected.append(inputObject) }
    }

    func end(_ context: CommandContext) throws {
        guard let scriptBlock else { return }
        try context.session.invokeScriptBlock(scriptBlock, dollarUnder: nil, arguments: argumentList, newScope: !noNewScope,
                                              input: collected) { try context.write($0) }
    }
}
