import PSRuntime

/// Runs a script block in this session, or in PSSessions of a management endpoint: its arguments
/// come from -ArgumentList, its `$input` (locally) from the pipeline.
final class InvokeCommandCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        InvokeCommandCommand.self, name: "Invoke-Command", aliases: ["icm"],
        synopsis: "Runs a script block in the current session or in sessions of a management endpoint.",
        description: "The block runs once, in a child scope unless -NoNewScope is given. Each -ArgumentList element becomes one of $args (or binds to the block's parameters); objects piped in are collected and given to the block as $input. With -Session (from New-PSSession) or -HostName (over ssh) the block runs in the management endpoint instead, once per session, with the arguments as $args; its output comes back deserialized, each object marked with PSComputerName, and its errors, warnings and prompts arrive here.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "InProcess",
        examples: [HelpExample("Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 1, 2", "Passes two arguments; outputs 3."),
                   HelpExample("Invoke-Command { $args.Count } -ArgumentList (, @(1, 2))", "Passes one array as a single argument; outputs 1."),
                   HelpExample("1..3 | Invoke-Command { $input | Measure-Object -Sum }", "Gives the piped objects to the block."),
                   HelpExample("$s = New-PSSession; Invoke-Command -Session $s -ScriptBlock { param($pool) Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn $pool } -ArgumentList atl-pcpool-001.litwareinc.com",
                               "Runs a command in the local management endpoint as the login's directory user.")],
        parameters: [
            Parameter("ScriptBlock", \.scriptBlock, position: 0, mandatory: true, aliases: ["Command"],
                      help: "The script block to run."),
            Parameter("ArgumentList", \.argumentList, aliases: ["Args"],
                      help: "The arguments for the block, one per element ($args, or its parameters by position)."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "Objects the block reads as $input."),
            .switchParameter("NoNewScope", \.noNewScope, sets: ["InProcess"], help: "Runs the block in the current scope."),
            Parameter("Session", \.session, mandatory: true, sets: ["Session"],
                      help: "Sessions of a management endpoint (New-PSSession) to run the block in."),
            Parameter("HostName", \.hostName, mandatory: true, sets: ["SSHHost"],
                      help: "Runs the block in that machine's management endpoint, reached over ssh."),
            Parameter("UserName", \.userName, sets: ["SSHHost"], help: "The ssh login for -HostName."),
        ])

    var scriptBlock: ScriptBlock?
    var argumentList: [PSValue] = []
    var inputObject: PSValue = .null
    var noNewScope = false
    var session: [PSValue] = []
    var hostName: String?
    var userName: String?

    private var collected: [PSValue] = []

    func process(_ context: CommandContext) throws {
        if context.expectingInput { collected.append(inputObject) }
    }

    func end(_ context: CommandContext) throws {
        guard let scriptBlock else { return }
        if !session.isEmpty {
            return try RemoteInvocation.run(scriptBlock, arguments: argumentList, in: RemotingCmdlets.sessions(session, context: context),
                                            context: context)
        }
        if let hostName {
            let table = RemoteSessionTable.of(context.session)
            let opened = try table.open(hostName: hostName, userName: userName, socketPath: nil, name: nil, context: context.session, keep: false)
            defer { opened.close() }
            return try RemoteInvocation.run(scriptBlock, arguments: argumentList, in: [opened], context: context)
        }
        try context.session.invokeScriptBlock(scriptBlock, dollarUnder: nil, arguments: argumentList, newScope: !noNewScope,
                                              input: collected) { try context.write($0) }
    }
}
