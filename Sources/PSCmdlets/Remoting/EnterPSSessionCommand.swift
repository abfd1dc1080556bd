import PSRuntime

/// Enter-PSSession: the interactive prompt runs each command line in the session until `exit`.
final class EnterPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        EnterPSSessionCommand.self, name: "Enter-PSSession", aliases: ["etsn"],
        synopsis: "Works interactively in a session.",
        description: "From the next prompt on, command lines run in the session; their output comes back and is shown here. 'exit' or Exit-PSSession returns to the local prompt. Without -Session or -HostName it enters this machine's endpoint.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "Local",
        parameters: [
            Parameter("Session", \.session, position: 0, sets: ["Session"], pipeline: .byValue, help: "The session to enter."),
            Parameter("HostName", \.hostName, sets: ["SSHHost"], help: "The machine whose endpoint to reach over ssh."),
            Parameter("UserName", \.userName, sets: ["SSHHost"], help: "The ssh login on that machine."),
            Parameter("Id", \.id, sets: ["Id"], help: "A session by id."),
            Parameter("Name", \.name, sets: ["Name"], help: "A session by name."),
        ])

    var session: PSValue = .null
    var hostName: String?
    var userName: String?
    var id: Int?
    var name: String?

    func end(_ context: CommandContext) throws {
        guard context.session.host.isInteractive else {
            throw context.terminatingError("Enter-PSSession works only at an interactive prompt. In a script, use Invoke-Command -Session.",
                                           id: "RemoteHostDoesNotSupportPushRunspace", category: .InvalidOperation)
        }
        let table = RemoteSessionTable.of(context.session)
        var target: RemoteSession?
        var opened = false
        if !session.isNull {
            target = try RemotingCmdlets.sessions([session], context: context).first
        } else if let id {
            target = table.sessions.first { $0.id == id }
        } else if let name {
            target = table.sessions.first { $0.name.equalsIgnoringCase(name) }
        } else {
            target = try table.open(hostName: hostName, userName: userName, socketPath: nil, name: nil, context: context.session, keep: false)
            opened = true
        }
        guard let target else {
            throw context.terminatingError("There is no such session; Get-PSSession lists them.", id: "RemoteRunspaceNotAvailable",
                                           category: .InvalidArgument)
        }
        guard target.state == "Opened" else {
            throw context.terminatingError("The session \(target.name) is \(target.state); open a new one with New-PSSession.",
                                           id: "RemoteRunspaceNotAvailable", category: .InvalidOperation)
        }
        table.pendingEnter = (target, opened)
    }
}
