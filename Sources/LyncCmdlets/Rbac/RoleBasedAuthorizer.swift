import Foundation
import LyncDeployment
import PSRuntime

/// The role check in front of every command (the engine calls it after binding, before any
/// command of a pipeline begins).
///
/// - Role-checked cmdlets (their declaration names a security area) run when one of the user's
///   roles lists them, or when the user is in RTCUniversalServerAdmins and the session is not
///   limited by `-Role`.
/// - Everyone else is also kept from the ways around the check: outside programs (a shell or
///   `sqlite3` could change the store directly), and writes into the deployment home.
/// - A session limited to a role also cannot run Invoke-Expression (text the session built
///   itself), and runs in constrained language.
///
/// State-changing cmdlets and every denial are written to the audit log.
final class RoleBasedAuthorizer: Authorizer {
    let deployment: DeploymentSession
    /// Built on first use: sessions that never touch the deployment don't pay for it.
    private(set) lazy var catalog = Self.catalog(of: commands)
    private(set) lazy var roles = RoleRepository(catalog: catalog)
    /// The home and the store file with links resolved, as paths are compared with them.
    private lazy var resolvedHome = deployment.home.root.resolvingSymlinksInPath().path
    private lazy var resolvedStoreFile = deployment.home.storeFile.resolvingSymlinksInPath().path
    /// Per cmdlet name: whether it may write the files it names (a verb that writes and a path
    /// parameter). Only those need their arguments looked at; Where-Object and the like do not.
    private var writesFiles: [String: Bool] = [:]
    private let commands: [CmdletDeclaration]
    /// The session user's identity and the store version it was read at.
    private var cachedIdentity: (version: String, identity: SessionIdentity)?

    /// Commands a role-limited session may never run, whatever its role.
    static let deniedInRestrictedSessions: Set<String> = ["invoke-expression"]
    /// Parameters of the language's cmdlets that name files they write.
    static let pathParameters: Set<String> = ["path", "literalpath", "filepath", "destination", "destinationpath", "outfile"]
    /// Parameters of Lync cmdlets that name files they write.
    static let fileParameters: Set<String> = ["report", "filename", "database", "dbinstance", "backuppath"]
    /// New-Item's parameters that name a link's target.
    static let linkTargetParameters: Set<String> = ["value", "target"]
    /// Verbs of the language's cmdlets that never write the files they name.
    static let readingVerbs: Set<String> = ["get", "test", "resolve", "select", "import", "join", "split", "measure",
                                            "convertfrom", "convertto", "format", "compare"]

    init(deployment: DeploymentSession, commands: [CmdletDeclaration]) {
        self.deployment = deployment
        self.commands = commands
    }

    /// The role catalog of these cmdlets: each declaration's name and security area.
    static func catalog(of commands: [CmdletDeclaration]) -> RoleCatalog {
        RoleCatalog(commands: commands.compactMap { declaration in
            declaration.securityArea.map { RoleCatalog.ManagedCommand(name: declaration.name, areaList: $0) }
        })
    }

    // MARK: Authorizer

    func authorize(_ request: CommandAuthorizationRequest, context: ExecutionContext) throws -> CommandAuditRecord? {
        if let area = request.securityArea {
            // A Lync cmdlet that writes files (-Report, -Path, -Database…) must not be pointed
            // at the store itself.
            if let path = storePathNamed(by: request, context: context) {
                try requireUnrestrictedAdministrator(request, context: context,
                                                     reason: "'\(path)' is the Central Management Store, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
            }
            return try authorizeManaged(request, area: area, context: context)
        }
        if deployment.restrictedRole != nil, Self.deniedInRestrictedSessions.contains(request.commandName.lowercased()) {
            try deny(request, context: context,
                     reason: "A session limited to a role cannot run \(request.commandName): it would run text built at run time. Write the commands out instead.")
        }
        if request.kind == .application {
            try requireUnrestrictedAdministrator(request, context: context,
                                                 reason: "Outside programs act behind the role check, so only members of \(BuiltinRoles.serverAdmins) may run them, in a session not limited by -Role.")
        } else if request.kind == .cmdlet, let path = homePathWritten(by: request, context: context) {
            try requireUnrestrictedAdministrator(request, context: context,
                                                 reason: "'\(path)' is inside the deployment home, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
        }
        return nil
    }

    func authorizeFileWrite(path: String, context: ExecutionContext) throws {
        guard isInsideHome(context.resolvePath(path)) else { return }
        let request = CommandAuthorizationRequest(commandName: "Out-File", kind: .cmdlet, securityArea: nil,
                                                  boundParameters: { [("FilePath", .string(path))] }, whatIf: false, extent: nil)
        try requireUnrestrictedAdministrator(request, context: context,
                                             reason: "'\(path)' is inside the deployment home, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
    }

    func isVisible(commandName: String, securityArea: String?, context: ExecutionContext) -> Bool {
        guard let limited = deployment.restrictedRole else { return true }
        if securityArea == nil { return !Self.deniedInRestrictedSessions.contains(commandName.lowercased()) }
        guard let identity = try? identity(),
              let role = identity.effectiveRoles(limitedTo: limited, roles: self.roles, store: try? deployment.store()).first else {
            return false
        }
        return role.cmdlets.contains { $0.caseInsensitiveCompare(commandName) == .orderedSame }
    }

    // MARK: Decisions

    private func authorizeManaged(_ request: CommandAuthorizationRequest, area: String, context: ExecutionContext) throws -> CommandAuditRecord? {
        let identity = try self.identity(request: request)
        let held = try effectiveRoles(identity)
        let allowed = (deployment.restrictedRole == nil && identity.isServerAdministrator)
            || held.contains { $0.cmdlets.contains { $0.caseInsensitiveCompare(request.commandName) == .orderedSame } }
        if !allowed {
            let able = try rolesAbleToRun(request.commandName)
            let holding = held.isEmpty ? "holds no role" : "holds only \(held.map(\.identity).joined(separator: ", "))"
            let limited = deployment.restrictedRole.map { " (this session is limited to \($0))" } ?? ""
            try deny(request, context: context, identity: identity,
                     reason: "The user \(holding)\(limited); the command needs one of the roles \(able.joined(separator: ", ")) (members of \(BuiltinRoles.serverAdmins) may run everything). Ask an administrator to add the user to the group of one of those roles.")
        }
        guard catalog.command(named: request.commandName)?.isReadOnly == false else { return nil }
        do {
            let store = try deployment.store()
            let id = try store.write { db in
                try AuditLog.append(user: identity.userName, roles: roleNames(identity, held), command: request.commandName,
                                    parameters: Self.parameterText(request, context: context), whatIf: request.whatIf,
                                    outcome: .started, in: db)
            }
            return AuditTrailRecord(store: store, entry: id)
        } catch let error as DeploymentError {
            // A busy, read-only or full store: an ordinary error of this command, which a script
            // can catch and retry (the command has not started).
            throw Self.commandError(error, request: request)
        }
    }

    private func requireUnrestrictedAdministrator(_ request: CommandAuthorizationRequest, context: ExecutionContext, reason: String) throws {
        // A home without a store has no deployment yet: its first user would be its administrator.
        if deployment.restrictedRole == nil, !FileManager.default.fileExists(atPath: deployment.home.storeFile.path) { return }
        let identity = try self.identity(request: request)
        if deployment.restrictedRole == nil && identity.isServerAdministrator { return }
        try deny(request, context: context, identity: identity, reason: reason)
    }

    /// Records the denial and throws the PermissionDenied error.
    private func deny(_ request: CommandAuthorizationRequest, context: ExecutionContext, identity: SessionIdentity? = nil,
                      reason: String) throws -> Never {
        let message = "Access denied: '\(deployment.userName)' may not run \(request.commandName). \(reason)"
        if let store = try? deployment.store() {
            let who = identity ?? (try? self.identity())
            let roles = who.map { roleNames($0, (try? effectiveRoles($0)) ?? []) } ?? []
            let parameters = Self.parameterText(request, context: context)
            _ = try? store.write { db in
                try AuditLog.append(user: deployment.userName, roles: roles, command: request.commandName, parameters: parameters,
                                    whatIf: request.whatIf, outcome: .denied, detail: reason, in: db)
            }
        }
        let record = ErrorRecord(message, id: "RoleBasedAccessDenied", category: .PermissionDenied,
                                 exceptionType: "System.UnauthorizedAccessException", target: .string(request.commandName))
        record.invocationInfo.commandName = request.commandName
        record.invocationInfo.extent = request.extent
        throw RuntimeError(record)
    }

    // MARK: Identity and roles

    private func identity(request: CommandAuthorizationRequest? = nil) throws -> SessionIdentity {
        do {
            let store = try deployment.store()
            return try store.read { db in
                // The identity only changes with users, groups, memberships and roles: reuse it
                // until their generation moves (audit entries do not count).
                let version = try CentralManagementStore.securityGeneration(in: db)
                if let cached = cachedIdentity, cached.version == version { return cached.identity }
                let identity = try SessionIdentity.resolve(userName: deployment.userName, roles: roles, in: db)
                cachedIdentity = (version, identity)
                return identity
            }
        } catch let error as DeploymentError {
            throw Self.commandError(error, request: request)
        }
    }

    /// A store failure met while checking or auditing a command, as that command's error.
    static func commandError(_ error: DeploymentError, request: CommandAuthorizationRequest?) -> RuntimeError {
        let record = ErrorRecord(error.message, id: error.id, category: error.kind.category, target: error.target.map(PSValue.string))
        record.invocationInfo.commandName = request?.commandName
        record.invocationInfo.extent = request?.extent
        return RuntimeError(record)
    }

    /// The roles that count in this session: the user's, or only the one `-Role` names.
    private func effectiveRoles(_ identity: SessionIdentity) throws -> [AdminRole] {
        identity.effectiveRoles(limitedTo: deployment.restrictedRole, roles: roles, store: try deployment.store())
    }

    private func roleNames(_ identity: SessionIdentity, _ held: [AdminRole]) -> [String] {
        (identity.isServerAdministrator && deployment.restrictedRole == nil ? [BuiltinRoles.serverAdmins] : []) + held.map(\.identity)
    }

    private func rolesAbleToRun(_ command: String) throws -> [String] {
        try deployment.store().read { db in
            try roles.all(in: db).filter { $0.cmdlets.contains { $0.caseInsensitiveCompare(command) == .orderedSame } }.map(\.identity)
        }
    }

    // MARK: Paths

    private func homePathWritten(by request: CommandAuthorizationRequest, context: ExecutionContext) -> String? {
        guard mayWriteFiles(request, context: context) else { return nil }
        for (name, value) in request.boundParameters where Self.pathParameters.contains(name.lowercased())
            || Self.linkTargetParameters.contains(name.lowercased()) && createsLink(request, context: context) {
            let texts = value.enumerated ?? [value]
            for text in texts.map({ LanguagePrimitives.toString($0, context: context) }) where isInsideHome(context.resolvePath(text)) {
                return text
            }
        }
        return nil
    }

    /// New-Item making a link: its target must not be part of the deployment either (a link in
    /// a mapped drive to the store would be a way around the check).
    private func createsLink(_ request: CommandAuthorizationRequest, context: ExecutionContext) -> Bool {
        guard request.commandName.caseInsensitiveCompare("New-Item") == .orderedSame else { return false }
        return request.boundParameters.contains { name, value in
            name.caseInsensitiveCompare("ItemType") == .orderedSame
                && ["symboliclink", "hardlink", "junction"].contains(LanguagePrimitives.toString(value, context: context).lowercased())
        }
    }

    private func mayWriteFiles(_ request: CommandAuthorizationRequest, context: ExecutionContext) -> Bool {
        let key = request.commandName.lowercased()
        if let known = writesFiles[key] { return known }
        let writes = !Self.readingVerbs.contains(request.verb.lowercased())
            && (context.commands.cmdlet(named: request.commandName)?.parameters.contains { Self.pathParameters.contains($0.name.lowercased()) } ?? false)
        writesFiles[key] = writes
        return writes
    }

    /// A file parameter of a Lync cmdlet that names the store database (or its journal files).
    private func storePathNamed(by request: CommandAuthorizationRequest, context: ExecutionContext) -> String? {
        let store = resolvedStoreFile
        for (name, value) in request.boundParameters where Self.pathParameters.contains(name.lowercased()) || Self.fileParameters.contains(name.lowercased()) {
            for text in (value.enumerated ?? [value]).map({ LanguagePrimitives.toString($0, context: context) }) {
                let target = URL(fileURLWithPath: context.resolvePath(text)).standardizedFileURL.resolvingSymlinksInPath().path
                if target == store || [store + "-wal", store + "-shm", store + "-journal"].contains(target) { return text }
            }
        }
        return nil
    }

    /// True when `path` (its links followed) is part of the deployment itself: inside the home but
    /// not under `drives/` or `shares/`, which stand for other machines' disks and file shares
    /// (`C:\…`, `\\server\share\…`) that every role may use as it would on Windows.
    private func isInsideHome(_ path: String) -> Bool {
        let home = resolvedHome
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard target == home || target.hasPrefix(home + "/") else { return false }
        return !["drives", "shares"].contains { target.hasPrefix(home + "/" + $0 + "/") }
    }

    /// Bound parameters as text for the audit log.
    static func parameterText(_ request: CommandAuthorizationRequest, context: ExecutionContext) -> [(String, String)] {
        request.boundParameters.map { ($0.name, text(of: $0.value, context: context)) }
    }

    private static func text(of value: PSValue, context: ExecutionContext) -> String {
        if let table = value.baseValue.asHashtable {
            return "@{" + table.pairs.map { "\(LanguagePrimitives.toString($0.0, context: context))=\(text(of: $0.1, context: context))" }
                .joined(separator: "; ") + "}"
        }
        if let items = value.enumerated { return items.map { text(of: $0, context: context) }.joined(separator: ", ") }
        return LanguagePrimitives.toString(value, context: context)
    }
}

extension SessionIdentity {
    /// The user's roles, or (in a session limited by `-Role`) only that one: held by the user,
    /// or any built-in or custom role for a server administrator limiting themselves.
    func effectiveRoles(limitedTo limited: String?, roles: RoleRepository, store: CentralManagementStore?) -> [AdminRole] {
        guard let limited else { return self.roles }
        if let held = role(named: limited) { return [held] }
        guard isServerAdministrator, let store, let role = try? store.read({ try roles.role(limited, in: $0) }) else { return [] }
        return [role]
    }
}

/// Finishes a command's audit entry with how it ended.
final class AuditTrailRecord: CommandAuditRecord {
    let store: CentralManagementStore
    let entry: Int64

    init(store: CentralManagementStore, entry: Int64) {
        self.store = store
        self.entry = entry
    }

    func finish(succeeded: Bool, error: ErrorRecord?, inputCount: Int) {
        var detail = error.map { $0.message } ?? ""
        if inputCount > 0 { detail += (detail.isEmpty ? "" : " ") + "(\(inputCount) pipeline object\(inputCount == 1 ? "" : "s"))" }
        _ = try? store.write { db in
            try AuditLog.finish(entry, outcome: succeeded ? .succeeded : .failed, detail: detail.isEmpty ? nil : detail, in: db)
        }
    }
}
