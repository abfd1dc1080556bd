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
    private var openedStore: CentralManagementStore?
    /// Persistent Chat databases opened in this session, by file path.
    private var openedChatDatabases: [String: PersistentChatDatabase] = [:]

    public init(home: DeploymentHome, userName: String, restrictedRole: String? = nil) {
        self.home = home
        self.userName = userName
        self.restrictedRole = restrictedRole
    }

    /// The store, opened (and created, with this session's user as its first administrator) on
    /// first use.
    public func store() throws -> CentralManagementStore {
        if let openedStore { return openedStore }
        let store = try CentralManagementStore.open(home: home, creator: userName)
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
