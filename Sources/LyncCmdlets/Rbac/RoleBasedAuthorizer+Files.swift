import Foundation
import LyncDeployment
import PSRuntime

/// The file half of the role check. Every decision is made on the resolved path
/// (`ResolvedFilePath`: links followed, hard links to home files recognised):
///
/// - Local console (and an unrestricted administrator anywhere): reading is free; only an
///   unrestricted member of RTCUniversalServerAdmins writes the store or anything else in the
///   deployment home, deletes or moves a folder holding the home, or links to something in the
///   home. (Lync cmdlets reach the deployment's own databases by instance name, resolved by the
///   domain; a path the user names is checked like any other.) drives/ and shares/ are open to
///   everyone.
/// - Limited endpoint session: every read and write must lie inside the folders the endpoint's
///   configuration grants the session's roles, and never in the home itself.
extension RoleBasedAuthorizer {
    func authorizeFileAccess(_ request: FileAccessRequest, context: ExecutionContext) throws {
        let target = ResolvedFilePath.resolve(request.path)
        let refusal = Refusal(request)
        if deployment.isEndpointSession {
            // Also re-authenticates the login; without a store this fails closed.
            let identity = try identity(refusal)
            if !isUnrestrictedAdministrator(identity) {
                try requireGrantedFolder(target, request: request, refusal: refusal, identity: identity)
                return
            }
        }
        try authorizeOnConsole(target, request: request, refusal: refusal)
    }

    /// The values bound to parameters declared `files:`, checked before the command runs (and at
    /// each pipeline object): paths written out literally are refused before anything starts;
    /// wildcards are left to the command, which checks each item it expands to.
    func authorizeFileArguments(_ request: CommandAuthorizationRequest, context: ExecutionContext) throws {
        let arguments = request.fileArguments
        guard !arguments.isEmpty else { return }
        for (_, use, value) in arguments {
            for item in value.enumerated ?? [value] where !item.isNull {
                let text = Self.strippingProvider(LanguagePrimitives.toString(item, context: context))
                guard !text.isEmpty, !WildcardPattern.containsWildcard(text) else { continue }
                var candidates = [text]
                if text.contains("`") { candidates.append(WildcardPattern.unescape(text)) }
                for candidate in candidates {
                    try context.authorizeFile(candidate, use, commandName: request.commandName, securityArea: request.securityArea,
                                              extent: request.extent)
                }
            }
        }
    }

    private func requireGrantedFolder(_ target: ResolvedFilePath, request: FileAccessRequest, refusal: Refusal,
                                      identity: SessionIdentity) throws {
        let folders = grantedFolders(identity)
        if homeAreas.isProtected(target) || (request.use == .deletes && homeAreas.holdsHome(target)) {
            try deny(refusal, identity: identity,
                     reason: "'\(request.path)' is part of the deployment home, which an endpoint session never reads or changes directly. Use the cmdlets of your roles, and files inside \(Self.describe(folders)).")
        }
        guard folders.contains(where: { ResolvedFilePath.isInside(target.path, folder: $0) }) else {
            try deny(refusal, identity: identity,
                     reason: "'\(request.path)' is outside the folders this session's roles may use (\(Self.describe(folders))). Give \(refusal.commandName) a path inside one of them; an administrator grants folders per role in the endpoint's configuration (endpoint.json).")
        }
    }

    /// The folders the endpoint's configuration grants the roles this session holds; a folder in
    /// the protected part of the home is never granted.
    private func grantedFolders(_ identity: SessionIdentity) -> [String] {
        guard case .endpoint(_, let configuration) = deployment.kind else { return [] }
        return configuration.folders(forRoles: effectiveRoles(identity).map(\.identity))
            .map { ResolvedFilePath.resolve($0).path }
            .filter { !homeAreas.isProtectedPath($0) }
    }

    private func authorizeOnConsole(_ target: ResolvedFilePath, request: FileAccessRequest, refusal: Refusal) throws {
        switch request.use {
        case .reads:
            return
        case .writes, .deletes:
            if homeAreas.isStore(target) {
                try requireUnrestrictedAdministrator(refusal, reason: "'\(request.path)' is the Central Management Store inside the deployment home, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
            } else if request.use == .deletes, homeAreas.holdsHome(target) {
                try requireUnrestrictedAdministrator(refusal, reason: "'\(request.path)' holds the deployment home, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
            } else if homeAreas.isProtected(target) {
                try requireUnrestrictedAdministrator(refusal, reason: "'\(request.path)' is inside the deployment home, which only members of \(BuiltinRoles.serverAdmins) may change directly.")
            }
        case .linkTarget:
            if homeAreas.isProtected(target) {
                try requireUnrestrictedAdministrator(refusal, reason: "'\(request.path)' is inside the deployment home: a link to it would be a way around the role check, so only members of \(BuiltinRoles.serverAdmins) may make one.")
            }
        }
    }

    private static func describe(_ folders: [String]) -> String {
        folders.isEmpty ? "none is granted to them" : folders.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `FileSystem::/x` and `Microsoft.PowerShell.Core\FileSystem::/x` name `/x`.
    static func strippingProvider(_ path: String) -> String {
        guard let range = path.range(of: "::") else { return path }
        let provider = path[..<range.lowerBound].lowercased()
        return provider == "filesystem" || provider == "microsoft.powershell.core\\filesystem" ? String(path[range.upperBound...]) : path
    }
}
