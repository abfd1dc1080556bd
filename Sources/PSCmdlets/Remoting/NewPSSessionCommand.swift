import PSRuntime

/// New-PSSession: opens a session in this machine's management endpoint, or in another's over ssh.
final class NewPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewPSSessionCommand.self, name: "New-PSSession", aliases: ["nsn"],
        synopsis: "Opens a session in a management endpoint.",
        description: "Without -HostName the session is in this machine's endpoint (its socket is $PCSH_ENDPOINT, else /run/pcsh/endpoint.sock). With -HostName, ssh reaches the other machine (as -UserName) and runs 'pcsh -EndpointRelay' there: ssh authenticates you, and that machine's endpoint takes your identity from its kernel. The endpoint decides who you are; nothing in the session can change that.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "Local", outputTypes: [RemoteSession.typeName],
        examples: [HelpExample("$s = New-PSSession", "Opens a session in the local endpoint."),
                   HelpExample("$s = New-PSSession -HostName mgmt01.litwareinc.com -UserName kenmyer", "Opens a session in the endpoint of mgmt01 over ssh.")],
        parameters: [
            Parameter("HostName", \.hostName, position: 0, sets: ["SSHHost"], help: "The machine whose endpoint to reach over ssh."),
            Parameter("UserName", \.userName, sets: ["SSHHost"], help: "The ssh login on that machine."),
            Parameter("SocketPath", \.socketPath, sets: ["Local"], help: "The endpoint's socket on this machine."),
            Parameter("Name", \.name, help: "A name for the session (default RunspaceN)."),
        ])

    var hostName: String?
    var userName: String?
    var socketPath: String?
    var name: String?

    func end(_ context: CommandContext) throws {
        let table = RemoteSessionTable.of(context.session)
        let session = try table.open(hostName: hostName, userName: userName, socketPath: socketPath, name: name, context: context.session)
        try context.write(.object(session))
    }
}
