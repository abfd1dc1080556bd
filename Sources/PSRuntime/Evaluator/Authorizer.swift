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
    /// The bound values of parameters whose declaration names a file (`files:`), with that use.
    public var fileArguments: [(name: String, use: FileUse, value: PSValue)] { fileArgumentsProvider() }
    private let fileArgumentsProvider: () -> [(name: String, use: FileUse, value: PSValue)]
    public let whatIf: Bool
    public let extent: SourceExtent?

    public init(commandName: String, kind: Kind, securityArea: String?,
                boundParameters: @escaping () -> [(name: String, value: PSValue)],
                fileArguments: @escaping () -> [(name: String, use: FileUse, value: PSValue)] = { [] },
                whatIf: Bool, extent: SourceExtent?) {
        self.commandName = commandName
        self.kind = kind
        self.securityArea = securityArea
        self.boundParametersProvider = boundParameters
        self.fileArgumentsProvider = fileArguments
        self.whatIf = whatIf
        self.extent = extent
    }

    /// `Get` for `Get-CsPool`; empty for names without a verb.
    public var verb: String {
        guard let dash = commandName.firstIndex(of: "-") else { return "" }
        return String(commandName[..<dash])
    }
}

/// One file about to be touched: the path as the command will open it (absolute, Windows paths
/// mapped, provider prefix and escapes removed), what is done with it, and by which command.
public struct FileAccessRequest {
    public let path: String
    public let use: FileUse
    public let commandName: String
    /// The security area of the command touching the file (nil for the language's own commands
    /// and for the engine itself: redirection, script files, .NET file members).
    public let securityArea: String?
    public let extent: SourceExtent?

    public init(path: String, use: FileUse, commandName: String, securityArea: String?, extent: SourceExtent?) {
        self.path = path
        self.use = use
        self.commandName = commandName
        self.securityArea = securityArea
        self.extent = extent
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
    /// Asked again after binding each pipeline object, for commands that name a security area
    /// or bind a file parameter from the pipeline (revocation takes effect at the next object;
    /// a path arriving through the pipeline is checked like one on the command line).
    func authorizePipelineObject(_ request: CommandAuthorizationRequest, context: ExecutionContext) throws
    /// Asked wherever a file is really opened, created, listed, deleted or moved, with the final
    /// path (after wildcard expansion, unescaping, `-Name` joining…). Throws PermissionDenied.
    func authorizeFileAccess(_ request: FileAccessRequest, context: ExecutionContext) throws
    /// Whether listings (Get-Command, tab completion) show a cmdlet: a session limited to a
    /// role sees only what it may run.
    func isVisible(commandName: String, securityArea: String?, context: ExecutionContext) -> Bool
    /// Told when the constrained language refused something (a .NET method, type or cast), so the
    /// refusal is recorded like the authorizer's own.
    func recordLanguageRefusal(_ record: ErrorRecord, context: ExecutionContext)
}

extension Authorizer {
    public func recordLanguageRefusal(_ record: ErrorRecord, context: ExecutionContext) {}
}

extension ExecutionContext {
    /// Checks one file access with the session's authorizer (nothing to check without one).
    /// `path` is what will be opened; relative paths, `~` and Windows paths resolve as
    /// `resolvePath` does.
    public func authorizeFile(_ path: String, _ use: FileUse, commandName: String, securityArea: String? = nil,
                              extent: SourceExtent? = nil) throws {
        guard let authorizer else { return }
        try authorizer.authorizeFileAccess(FileAccessRequest(path: resolvePath(path), use: use, commandName: commandName,
                                                             securityArea: securityArea, extent: extent), context: self)
    }

    /// Whether Get-Command and completion list this cmdlet in this session.
    public func isCommandVisible(_ declaration: CmdletDeclaration) -> Bool {
        authorizer?.isVisible(commandName: declaration.name, securityArea: declaration.securityArea, context: self) ?? true
    }
}
