import PSRuntime

/// PowerShell remoting, as pcsh has it: sessions in a management endpoint (this machine's, or
/// another's through ssh).
enum RemotingCmdlets {
    static let all: [CmdletDeclaration] = [
        NewPSSessionCommand.declaration, GetPSSessionCommand.declaration, RemovePSSessionCommand.declaration,
        EnterPSSessionCommand.declaration, ExitPSSessionCommand.declaration,
    ]

    /// The table pwsh shows for PSSession objects.
    static func registerViews(_ context: ExecutionContext) {
        DefaultFormatter.of(context).views.register(ViewDefinition(
            name: "PSSession", typeNames: [RemoteSession.typeName],
            control: .table([
                .property("Id", width: 3), .property("Name", width: 15), .property("Transport", width: 10),
                .property("ComputerName", width: 15), .property("ComputerType", width: 13), .property("State", width: 8),
                .property("ConfigurationName", width: 17), .property("Availability", width: 12),
            ])))
    }

    /// The sessions a `-Session` argument names.
    static func sessions(_ value: [PSValue], context: CommandContext) throws -> [RemoteSession] {
        try value.map { item in
            guard case .object(let object) = item.baseValue, let session = object as? RemoteSession else {
                throw context.terminatingError(
                    "Cannot bind parameter 'Session': '\(LanguagePrimitives.toString(item, context: context.session))' is not a PSSession. Create one with New-PSSession.",
                    id: "CannotConvertArgument", category: .InvalidArgument, target: item)
            }
            return session
        }
    }
}

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

/// Get-PSSession: the sessions this shell opened.
final class GetPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetPSSessionCommand.self, name: "Get-PSSession", aliases: ["gsn"],
        synopsis: "Lists the sessions this shell opened.",
        module: "Microsoft.PowerShell.Core", outputTypes: [RemoteSession.typeName],
        parameters: [
            Parameter("Name", \.names, position: 0, sets: ["Name"], help: "Sessions by name (wildcards allowed)."),
            Parameter("Id", \.ids, sets: ["Id"], help: "Sessions by id."),
        ])

    var names: [String] = []
    var ids: [Int] = []

    func end(_ context: CommandContext) throws {
        let patterns = names.map { WildcardPattern($0) }
        for session in RemoteSessionTable.of(context.session).sessions
        where (patterns.isEmpty || patterns.contains { $0.matches(session.name) }) && (ids.isEmpty || ids.contains(session.id)) {
            try context.write(.object(session))
        }
    }
}

/// Remove-PSSession: closes sessions (the endpoint's worker ends with them).
final class RemovePSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemovePSSessionCommand.self, name: "Remove-PSSession", aliases: ["rsn"],
        synopsis: "Closes sessions.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "Session", supportsShouldProcess: true,
        confirmImpact: .Low,
        parameters: [
            Parameter("Session", \.session, position: 0, sets: ["Session"], pipeline: .byValue, help: "The sessions to close."),
            Parameter("Name", \.names, sets: ["Name"], help: "Sessions by name."),
            Parameter("Id", \.ids, sets: ["Id"], help: "Sessions by id."),
        ])

    var session: [PSValue] = []
    var names: [String] = []
    var ids: [Int] = []

    func process(_ context: CommandContext) throws {
        let table = RemoteSessionTable.of(context.session)
        var chosen = try RemotingCmdlets.sessions(session, context: context)
        if !names.isEmpty { chosen += table.sessions.filter { s in names.contains { WildcardPattern($0).matches(s.name) } } }
        if !ids.isEmpty { chosen += table.sessions.filter { ids.contains($0.id) } }
        for item in chosen where try context.shouldProcess(target: item.name, action: "Remove-PSSession") {
            table.remove(item)
        }
    }
}

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

/// Exit-PSSession: leaves an entered session (the interactive loop does the leaving).
final class ExitPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExitPSSessionCommand.self, name: "Exit-PSSession", aliases: ["exsn"],
        synopsis: "Leaves the entered session.",
        module: "Microsoft.PowerShell.Core", parameters: [])

    func end(_ context: CommandContext) throws {}
}
