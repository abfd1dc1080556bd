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
