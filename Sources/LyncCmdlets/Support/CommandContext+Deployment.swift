import LyncDeployment
import PSRuntime

extension CommandContext {
    /// The Central Management Store; a terminating error when no deployment is installed or the
    /// store cannot be opened.
    func store() throws -> CentralManagementStore {
        guard let deployment = session.deployment else {
            throw terminatingError("This session has no deployment; start pcsh normally to manage one.",
                                   id: "DeploymentNotAvailable", category: .ResourceUnavailable)
        }
        return try domain { try deployment.store() }
    }

    /// Runs a domain operation; a `DeploymentError` becomes a terminating error of this command.
    func domain<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DeploymentError {
            throw terminatingError(error.message, id: error.id, category: error.kind.category,
                                   target: error.target.map(PSValue.string))
        }
    }

    /// Runs a domain operation for one of several objects; a `DeploymentError` becomes a
    /// non-terminating error (the command goes on with the next object) and the result is nil.
    @discardableResult
    func reportingErrors<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as DeploymentError {
            try writeError(error.message, id: error.id, category: error.kind.category,
                           target: error.target.map(PSValue.string))
            return nil
        }
    }
}

extension DeploymentError.Kind {
    /// PowerShell's error category for this kind of failure.
    var category: ErrorCategory {
        switch self {
        case .objectNotFound: .ObjectNotFound
        case .resourceExists: .ResourceExists
        case .invalidArgument: .InvalidArgument
        case .invalidOperation: .InvalidOperation
        case .invalidData: .InvalidData
        case .permissionDenied: .PermissionDenied
        case .resourceUnavailable: .ResourceUnavailable
        case .writeError: .WriteError
        case .resourceBusy: .ResourceBusy
        }
    }
}
