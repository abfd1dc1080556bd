import PSLanguage

/// Decides whether the session may run a command. The engine asks it after binding and before
/// a command does anything; the deployment layer provides the role-based implementation.
public protocol Authorizer: AnyObject {
    /// Throws a terminating error (category PermissionDenied) to refuse.
    func authorize(commandName: String, context: ExecutionContext, extent: SourceExtent?) throws
}

extension ExecutionContext {
    /// The single check every command passes before it runs.
    func authorize(commandName: String, extent: SourceExtent?) throws {
        try authorizer?.authorize(commandName: commandName, context: self, extent: extent)
    }
}
