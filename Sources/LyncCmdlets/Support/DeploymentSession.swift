import Foundation
import LyncDeployment
import PSRuntime

/// The deployment a pcsh session manages and who is managing it: the home folder, the session
/// user (SamAccountName) and, in a role-restricted session, the one role it is limited to. The
/// Central Management Store opens on first use, so sessions that never touch the deployment
/// start as fast as before.
public final class DeploymentSession {
    public let home: DeploymentHome
    public let userName: String
    public let restrictedRole: String?
    /// Where the session runs, which decides who it trusts.
    public let kind: Kind
    private var openedStore: CentralManagementStore?
    /// Persistent Chat databases opened in this session, by file path.
    private var openedChatDatabases: [String: PersistentChatDatabase] = [:]

    /// Where a session runs.
    public enum Kind: Sendable, Equatable {
        /// `pcsh` run by the account that owns the deployment home (or root): it works on the
        /// store directly, as the Lync Server Management Shell does on the server itself.
        case localConsole
        /// A session of the management endpoint: the user is the directory user the kernel-named
        /// Unix `login` maps to; it never creates a deployment, and everything it does not hold a
        /// role for is refused.
        case endpoint(login: String, configuration: EndpointConfiguration)
    }

    public init(home: DeploymentHome, userName: String, restrictedRole: String? = nil, kind: Kind = .localConsole) {
        self.home = home
        self.userName = userName
        self.restrictedRole = restrictedRole
        self.kind = kind
    }

    /// True for a management endpoint session.
    public var isEndpointSession: Bool { if case .endpoint = kind { true } else { false } }

    /// The store, opened on first use. The local console creates it when missing (with this
    /// session's user as its first administrator); an endpoint session never does.
    public func store() throws -> CentralManagementStore {
        if let openedStore { return openedStore }
        let store = try CentralManagementStore.open(home: home, creation: isEndpointSession ? .never : .onFirstUse(creator: userName))
        openedStore = store
        return store
    }

    /// A pool's Persistent Chat database, opened (and brought up to date) once per session.
    public func chatDatabase(file: URL) throws -> PersistentChatDatabase {
        if let open = openedChatDatabases[file.path] { return open }
        let database = try PersistentChatDatabase.open(file: file)
        openedChatDatabases[file.path] = database
        return database
    }

    /// The session user: `-User` wins, then `$PCSH_USER`, then the operating-system login name.
    public static func userName(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["PCSH_USER"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let login = environment["USER"], !login.isEmpty { return login }
        if let name = getlogin().map({ String(cString: $0) }), !name.isEmpty { return name }
        return NSUserName()
    }
}

extension ExecutionContext {
    /// The deployment this session manages (installed by `LyncCmdlets.install`).
    public var deployment: DeploymentSession? { service(DeploymentSession.self) }
}
