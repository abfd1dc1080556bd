import PSLanguage

/// What is about to run, as the role check sees it: after binding, before the command does
/// anything.
public struct CommandAuthorizationRequest {
    public enum Kind: Sendable { case cmdlet, function, script, application }

    public let commandName: String
    public let kind: Kind
    /// The deployment area a cmdlet's declaration names; nil for the language's own commands.
    public let securityArea: String?
    /// The parameters bound from the command line (pipeline input binds later). Built only when
    /// asked for: most commands pass the check without it.
    public var boundParameters: [(name: String, value: PSValue)] { boundParametersProvider() }
    private let boundParametersProvider: () -> [(name: String, value: PSValue)]
    public let whatIf: Bool
    public let extent: SourceExtent?

    public init(commandName: String, kind: Kind, securityArea: String?,
                boundParameters: @escaping () -> [(name: String, value: PSValue)], whatIf: Bool, extent: SourceExtent?) {
        self.commandName = commandName
        self.kind = kind
        self.securityArea = securityArea
        self.boundParametersProvider = boundParameters
        self.whatIf = whatIf
        self.extent = extent
    }

    /// `Get` for `Get-CsPool`; empty for names without a verb.
    public var verb: String {
        guard let dash = commandName.firstIndex(of: "-") else { return "" }
        return String(commandName[..<dash])
    }
}

/// The record an authorizer keeps of one allowed command, told how the command ended.
public protocol CommandAuditRecord: AnyObject {
    func finish(succeeded: Bool, error: ErrorRecord?, inputCount: Int)
}

/// Decides whether the session may run a command. The engine asks it in the one place every
/// command passes (after binding, before any command of the pipeline begins); the deployment
/// layer provides the role-based implementation.
public protocol Authorizer: AnyObject {
    /// Throws a terminating error (category PermissionDenied) to refuse. May return a record that
    /// is finished when the command ends (for auditing).
    func authorize(_ request: CommandAuthorizationRequest, context: ExecutionContext) throws -> CommandAuditRecord?
    /// Asked before the engine itself writes a file (redirection `>`/`>>`).
    func authorizeFileWrite(path: String, context: ExecutionContext) throws
    /// Whether listings (Get-Command, tab completion) show a cmdlet: a session limited to a
    /// role sees only what it may run.
    func isVisible(commandName: String, securityArea: String?, context: ExecutionContext) -> Bool
}

extension ExecutionContext {
    /// Whether Get-Command and completion list this cmdlet in this session.
    public func isCommandVisible(_ declaration: CmdletDeclaration) -> Bool {
        authorizer?.isVisible(commandName: declaration.name, securityArea: declaration.securityArea, context: self) ?? true
    }
}
