/// A failure of a deployment operation, as data: what kind of failure, a PowerShell-style error
/// id, a message that says what went wrong and what to do, and the object it concerns. The cmdlet
/// layer turns the kind into an error category.
public struct DeploymentError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case objectNotFound, resourceExists, invalidArgument, invalidOperation, invalidData,
             permissionDenied, resourceUnavailable, writeError, resourceBusy
    }

    public let kind: Kind
    public let id: String
    public let message: String
    public let target: String?

    public init(_ kind: Kind, id: String, _ message: String, target: String? = nil) {
        self.kind = kind
        self.id = id
        self.message = message
        self.target = target
    }

    public var description: String { message }

    static func notFound(_ what: String, _ identity: String, id: String, hint: String = "") -> DeploymentError {
        DeploymentError(.objectNotFound, id: id,
                        "Cannot find \(what) '\(identity)'." + (hint.isEmpty ? "" : " " + hint), target: identity)
    }

    static func exists(_ what: String, _ identity: String, id: String, hint: String = "") -> DeploymentError {
        DeploymentError(.resourceExists, id: id,
                        "\(what.prefix(1).uppercased() + what.dropFirst()) '\(identity)' already exists." + (hint.isEmpty ? "" : " " + hint),
                        target: identity)
    }
}
