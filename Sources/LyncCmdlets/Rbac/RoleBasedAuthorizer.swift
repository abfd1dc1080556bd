import Foundation
import LyncDeployment
import PSLanguage
import PSRuntime

/// The role check in front of every command (the engine calls it after binding, before any
/// command of a pipeline begins; again at each pipeline object; and wherever a file is touched).
///
/// - Role-checked cmdlets (their declaration names a security area) run when one of the user's
///   roles lists them, or when the user is an unrestricted member of RTCUniversalServerAdmins
///   (in RTCUniversalServerAdmins, the session not limited by `-Role`, the account enabled).
/// - Limited sessions (every endpoint session of any other user, and every `-Role` session) are
///   deny-by-default: their roles' cmdlets plus `LimitedSessionCommands`, no outside programs,
///   constrained language.
/// - Files (see RoleBasedAuthorizer+Files): on the local console no one but an unrestricted
///   administrator writes into the deployment home; in a limited endpoint session every file
///   must lie inside the folders the endpoint's configuration grants the session's roles.
/// - Endpoint sessions re-authenticate their Unix login (disabled or deleted users are
///   refused) whenever users, groups, roles or login mappings change, which the store's security
///   generation tells in one small query.
///
/// State-changing cmdlets and every refusal are written to the audit log under the session's
/// authenticated SamAccountName.
final class RoleBasedAuthorizer: Authorizer {
    let deployment: DeploymentSession
    /// Built on first use: sessions that never touch the deployment don't pay for it.
    private(set) lazy var catalog = Self.catalog(of: commands)
    private(set) lazy var roles = RoleRepository(catalog: catalog)
    /// The protected parts of the home, links resolved.
    private(set) lazy var homeAreas = DeploymentHomeAreas(home: deployment.home)
    private let commands: [CmdletDeclaration]
    /// The session user's identity and the security generation it was read at.
    private var cachedIdentity: (version: String, identity: SessionIdentity)?

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
        let refusal = Refusal(request, context: context)
        let limited = try isLimited(refusal)
        // An administrator's endpoint session that lost its rights loses full language too.
        if limited { context.languageMode = .constrainedLanguage }
        if request.securityArea != nil {
            let identity = try requireRole(request.commandName, refusal: refusal)
            try authorizeFileArguments(request, context: context)
            return try startAudit(request, identity: identity, context: context)
        }
        if limited {
            try authorizeLimited(request, refusal: refusal)
        } else if request.kind == .application {
            try requireUnrestrictedAdministrator(refusal, reason: "Outside programs act behind the role check, so only members of \(BuiltinRoles.serverAdmins) may run them, in a session not limited by -Role.")
        }
        try authorizeFileArguments(request, context: context)
        return nil
    }

    func authorizePipelineObject(_ request: CommandAuthorizationRequest, context: ExecutionContext) throws {
        // The identity is reused while the security generation stays put, so this is one small
        // query per object; a revoked role or disabled user stops the pipeline here.
        if request.securityArea != nil {
            _ = try requireRole(request.commandName, refusal: Refusal(request, context: context))
        }
        try authorizeFileArguments(request, context: context)
    }

    func isVisible(commandName: String, securityArea: String?, context: ExecutionContext) -> Bool {
        guard deployment.restrictedRole != nil || deployment.isEndpointSession else { return true }
        // Fails closed: without a store (or a valid user) an endpoint session sees nothing.
        guard let identity = try? cachedOrResolvedIdentity() else { return false }
        if !isLimited(identity) { return true }
        guard securityArea != nil else { return LimitedSessionCommands.allows(commandName) }
        return effectiveRoles(identity).contains { $0.cmdlets.contains { $0.caseInsensitiveCompare(commandName) == .orderedSame } }
    }

    // MARK: Decisions

    /// True when the session starts deny-by-default (and so in constrained language): `-Role`,
    /// and an endpoint session unless its user is an unrestricted administrator right now (an
    /// endpoint without a store counts as limited).
    var startsLimited: Bool {
        if deployment.restrictedRole != nil { return true }
        guard deployment.isEndpointSession else { return false }
        guard let identity = try? cachedOrResolvedIdentity() else { return true }
        return isLimited(identity)
    }

    /// True for a deny-by-default session. An endpoint session learns it from the identity,
    /// which re-authenticates the user (at every command).
    private func isLimited(_ refusal: Refusal) throws -> Bool {
        if deployment.restrictedRole != nil { return true }
        guard deployment.isEndpointSession else { return false }
        return isLimited(try identity(refusal))
    }

    private func isLimited(_ identity: SessionIdentity) -> Bool {
        deployment.restrictedRole != nil || (deployment.isEndpointSession && !isUnrestrictedAdministrator(identity))
    }

    func isUnrestrictedAdministrator(_ identity: SessionIdentity) -> Bool {
        deployment.restrictedRole == nil && identity.isServerAdministrator && !identity.isDisabled
    }

    /// A language command in a deny-by-default session.
    private func authorizeLimited(_ request: CommandAuthorizationRequest, refusal: Refusal) throws {
        switch request.kind {
        case .application:
            try deny(refusal, reason: "Outside programs act behind the role check, so a session limited to roles cannot run them.")
        case .function, .script:
            return  // their commands meet this check one by one; a script file's reading is checked as a file
        case .cmdlet:
            if let why = LimitedSessionCommands.refused[request.commandName.lowercased()] {
                try deny(refusal, reason: "A session limited to roles cannot run \(request.commandName): \(why)")
            }
            guard LimitedSessionCommands.allows(request.commandName) else {
                try deny(refusal, reason: "A session limited to roles runs only its roles' commands and a fixed set of read-only and utility commands (Get-Command lists what this session may run); \(request.commandName) is not among them.")
            }
        }
    }

    /// The role check of a role-checked cmdlet; returns the identity it was made for.
    @discardableResult
    private func requireRole(_ commandName: String, refusal: Refusal) throws -> SessionIdentity {
        let identity = try self.identity(refusal)
        let held = effectiveRoles(identity)
        if isUnrestrictedAdministrator(identity)
            || held.contains(where: { $0.cmdlets.contains { $0.caseInsensitiveCompare(commandName) == .orderedSame } }) {
            return identity
        }
        let able = (try? rolesAbleToRun(commandName)) ?? []
        let holding = identity.isDisabled ? "is disabled, so holds no role" : held.isEmpty ? "holds no role" : "holds only \(held.map(\.identity).joined(separator: ", "))"
        let limited = deployment.restrictedRole.map { " (this session is limited to \($0))" } ?? ""
        try deny(refusal, identity: identity,
                 reason: "The user \(holding)\(limited); the command needs one of the roles \(able.joined(separator: ", ")) (members of \(BuiltinRoles.serverAdmins) may run everything). Ask an administrator to add the user to the group of one of those roles.")
    }

    private func startAudit(_ request: CommandAuthorizationRequest, identity: SessionIdentity, context: ExecutionContext) throws -> CommandAuditRecord? {
        guard catalog.command(named: request.commandName)?.isReadOnly == false else { return nil }
        do {
            let store = try deployment.store()
            let parameters = auditParameters(Self.parameterText(request, context: context))
            let id = try store.write { db in
                try AuditLog.append(user: deployment.userName, roles: roleNames(identity), command: request.commandName,
                                    parameters: parameters, whatIf: request.whatIf, outcome: .started, in: db)
            }
            return AuditTrailRecord(store: store, entry: id)
        } catch let error as DeploymentError {
            // A busy, read-only or full store: an ordinary error of this command, which a script
            // can catch and retry (the command has not started).
            throw Self.commandError(error, commandName: request.commandName, extent: request.extent)
        }
    }

    func requireUnrestrictedAdministrator(_ refusal: Refusal, reason: String) throws {
        // A local home without a store has no deployment yet: its first user would be its
        // administrator. An endpoint session never creates one, so it falls through and fails.
        if deployment.restrictedRole == nil, !deployment.isEndpointSession,
           !FileManager.default.fileExists(atPath: deployment.home.storeFile.path) { return }
        let identity = try self.identity(refusal)
        if isUnrestrictedAdministrator(identity) { return }
        try deny(refusal, identity: identity, reason: reason)
    }

    /// Records the refusal and throws the PermissionDenied error.
    func deny(_ refusal: Refusal, identity: SessionIdentity? = nil, reason: String) throws -> Never {
        let message = "Access denied: '\(deployment.userName)' may not run \(refusal.commandName). \(reason)"
        let who = identity ?? cachedIdentity?.identity
        audit(refusal, roles: who.map(roleNames) ?? [], detail: reason)
        let record = ErrorRecord(message, id: "RoleBasedAccessDenied", category: .PermissionDenied,
                                 exceptionType: "System.UnauthorizedAccessException", target: refusal.target ?? .string(refusal.commandName))
        record.invocationInfo.commandName = refusal.commandName
        record.invocationInfo.extent = refusal.extent
        throw RuntimeError(record)
    }

    /// The constrained language refused a .NET member, type or cast: audited as a denial of that type.
    func recordLanguageRefusal(_ record: ErrorRecord, context: ExecutionContext) {
        let type = record.targetObject.map { LanguagePrimitives.toString($0, context: context) } ?? "(language)"
        let refusal = Refusal(commandName: type, whatIf: false, extent: record.invocationInfo.extent, target: nil, parameters: { [] })
        audit(refusal, roles: cachedIdentity.map { roleNames($0.identity) } ?? [], detail: record.message)
    }

    private func audit(_ refusal: Refusal, roles: [String], detail: String) {
        guard let store = try? deployment.store() else { return }
        let parameters = auditParameters(refusal.parameters())
        _ = try? store.write { db in
            try AuditLog.append(user: deployment.userName, roles: roles, command: refusal.commandName, parameters: parameters,
                                whatIf: refusal.whatIf, outcome: .denied, detail: detail, in: db)
        }
    }

    /// Parameters for an audit entry; an endpoint session adds the Unix login it was opened by.
    private func auditParameters(_ parameters: [(String, String)]) -> [(String, String)] {
        guard case .endpoint(let login, _) = deployment.kind else { return parameters }
        return parameters + [("EndpointLogin", login)]
    }

    // MARK: Identity and roles

    /// The session user's identity, re-read whenever the security generation moves; an endpoint
    /// session then also re-authenticates its login. A refusal is audited and thrown as
    /// PermissionDenied; a missing or broken store as that command's error.
    func identity(_ refusal: Refusal) throws -> SessionIdentity {
        do {
            return try cachedOrResolvedIdentity()
        } catch let error as DeploymentError where error.kind == .permissionDenied {
            cachedIdentity = nil
            audit(refusal, roles: [], detail: error.message)
            let record = ErrorRecord("Access denied: '\(deployment.userName)' may not run \(refusal.commandName). \(error.message)",
                                     id: "RoleBasedAccessDenied", category: .PermissionDenied,
                                     exceptionType: "System.UnauthorizedAccessException", target: .string(refusal.commandName))
            record.invocationInfo.commandName = refusal.commandName
            record.invocationInfo.extent = refusal.extent
            throw RuntimeError(record)
        } catch let error as DeploymentError {
            throw Self.commandError(error, commandName: refusal.commandName, extent: refusal.extent)
        }
    }

    private func cachedOrResolvedIdentity() throws -> SessionIdentity {
        let store = try deployment.store()
        return try store.read { db in
            // The identity only changes with users, groups, memberships, roles and login
            // mappings: reuse it until their generation moves (audit entries do not count).
            let version = try CentralManagementStore.securityGeneration(in: db)
            if let cached = cachedIdentity, cached.version == version { return cached.identity }
            if case .endpoint(let login, _) = deployment.kind {
                let name = try ManagementLoginRepository.authenticate(login: login, in: db)
                guard name.caseInsensitiveCompare(deployment.userName) == .orderedSame else {
                    throw DeploymentError(.permissionDenied, id: "ManagementLoginChanged",
                                          "The login '\(login)' now acts as '\(name)', not as this session's user; connect again to work as '\(name)'.",
                                          target: login)
                }
            }
            let identity = try SessionIdentity.resolve(userName: deployment.userName, roles: roles, in: db)
            cachedIdentity = (version, identity)
            return identity
        }
    }

    /// A store failure met while checking or auditing a command, as that command's error.
    static func commandError(_ error: DeploymentError, commandName: String?, extent: SourceExtent?) -> RuntimeError {
        let record = ErrorRecord(error.message, id: error.id, category: error.kind.category, target: error.target.map(PSValue.string))
        record.invocationInfo.commandName = commandName
        record.invocationInfo.extent = extent
        return RuntimeError(record)
    }

    /// The roles that count in this session: the user's, or only the one `-Role` names.
    func effectiveRoles(_ identity: SessionIdentity) -> [AdminRole] {
        identity.effectiveRoles(limitedTo: deployment.restrictedRole, roles: roles, store: try? deployment.store())
    }

    private func roleNames(_ identity: SessionIdentity) -> [String] {
        (isUnrestrictedAdministrator(identity) ? [BuiltinRoles.serverAdmins] : []) + effectiveRoles(identity).map(\.identity)
    }

    private func rolesAbleToRun(_ command: String) throws -> [String] {
        try deployment.store().read { db in
            try roles.all(in: db).filter { $0.cmdlets.contains { $0.caseInsensitiveCompare(command) == .orderedSame } }.map(\.identity)
        }
    }

    /// Bound parameters as text for the audit log.
    static func parameterText(_ request: CommandAuthorizationRequest, context: ExecutionContext) -> [(String, String)] {
        request.boundParameters.map { ($0.name, text(of: $0.value, context: context)) }
    }

    static func text(of value: PSValue, context: ExecutionContext) -> String {
        if let table = value.baseValue.asHashtable {
            return "@{" + table.pairs.map { "\(LanguagePrimitives.toString($0.0, context: context))=\(text(of: $0.1, context: context))" }
                .joined(separator: "; ") + "}"
        }
        if let items = value.enumerated { return items.map { text(of: $0, context: context) }.joined(separator: ", ") }
        return LanguagePrimitives.toString(value, context: context)
    }
}

/// What a refusal names: the command, its parameters for the audit log, where it was written.
struct Refusal {
    let commandName: String
    let whatIf: Bool
    let extent: SourceExtent?
    let target: PSValue?
    let parameters: () -> [(String, String)]

    init(_ request: CommandAuthorizationRequest, context: ExecutionContext) {
        commandName = request.commandName
        whatIf = request.whatIf
        extent = request.extent
        target = nil
        parameters = { RoleBasedAuthorizer.parameterText(request, context: context) }
    }

    init(commandName: String, whatIf: Bool, extent: SourceExtent?, target: PSValue?, parameters: @escaping () -> [(String, String)]) {
        self.commandName = commandName
        self.whatIf = whatIf
        self.extent = extent
        self.target = target
        self.parameters = parameters
    }

    init(_ request: FileAccessRequest) {
        commandName = request.commandName
        whatIf = false
        extent = request.extent
        target = .string(request.path)
        parameters = { [(request.use.rawValue, request.path)] }
    }
}

extension SessionIdentity {
    /// The user's roles, or (in a session limited by `-Role`) only that one: held by the user,
    /// or any built-in or custom role for a server administrator limiting themselves.
    func effectiveRoles(limitedTo limited: String?, roles: RoleRepository, store: CentralManagementStore?) -> [AdminRole] {
        guard let limited else { return self.roles }
        if let held = role(named: limited) { return [held] }
        guard isServerAdministrator, !isDisabled, let store, let role = try? store.read({ try roles.role(limited, in: $0) }) else { return [] }
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
