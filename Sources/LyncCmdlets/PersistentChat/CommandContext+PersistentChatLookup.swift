import GRDB
import LyncDeployment
import PSRuntime

/// What a Persistent Chat item is, for finding it by a bare name.
enum PersistentChatItemKind: String {
    case category, room = "chat room", addin = "add-in"

    func exists(_ name: String, _ repository: PersistentChatRepository, in db: Database) throws -> Bool {
        switch self {
        case .category: try repository.category(named: name, in: db) != nil
        case .room: try repository.room(named: name, in: db) != nil
        case .addin: try repository.addin(named: name, in: db) != nil
        }
    }
}

extension CommandContext {
    /// The Persistent Chat pools of the topology: the one named, or all of them.
    func persistentChatPools(_ fqdn: String?) throws -> [PoolInfo] {
        if let fqdn { return [try persistentChatPool(fqdn)] }
        let store = try store()
        return try domain { try store.read { db in try TopologyRepository.persistentChatPools(in: db) } }
    }

    /// The pool and name of an item given as `pool\name`, or as a bare name: with one pool that
    /// pool, with several the one pool whose database has an item of that name (the how-to
    /// pages use bare names such as `testCat`).
    func locatePersistentChatItem(_ identity: String, kind: PersistentChatItemKind) throws -> (pool: PoolInfo, name: String) {
        let text = identity.trimmingCharacters(in: .whitespaces)
        let pools = try persistentChatPools(nil)
        if text.contains("\\") || pools.count <= 1 { return try persistentChatIdentity(text) }
        var holders: [PoolInfo] = []
        for pool in pools {
            let repository = PersistentChatRepository(pool: pool.fqdn)
            let database = try persistentChatDatabase(pool)
            if try domain({ try database.read { db in try kind.exists(text, repository, in: db) } }) { holders.append(pool) }
        }
        guard holders.count == 1, let only = holders.first else {
            let message = holders.isEmpty
                ? "No Persistent Chat pool has a \(kind.rawValue) named '\(text)'. Give the identity as <pool FQDN>\\<name>; Get-CsPersistentChat\(kind == .room ? "Room" : kind == .addin ? "Addin" : "Category") lists them."
                : "The pools \(holders.map(\.fqdn).joined(separator: ", ")) each have a \(kind.rawValue) named '\(text)'; give the identity as <pool FQDN>\\<name>."
            throw terminatingError(message, id: holders.isEmpty ? "PersistentChatItemNotFound" : "PersistentChatPoolRequired",
                                   category: holders.isEmpty ? .ObjectNotFound : .InvalidArgument, target: .string(text))
        }
        return (only, text)
    }

    /// The Identity of an object piped to an -Instance parameter.
    func instanceIdentity(_ instance: PSValue) throws -> String {
        let value = try Members.getMember(instance, "Identity", context: session)
        let text = LanguagePrimitives.toString(value.isNull ? instance : value, context: session)
        guard !text.isEmpty else {
            throw terminatingError("The object given to -Instance has no Identity; pipe an object from the matching Get- cmdlet.",
                                   id: "InstanceWithoutIdentity", category: .InvalidArgument)
        }
        return text
    }

    /// A principal list after a `@{Add=…; Remove=…; Replace=…}` change (nil when not given;
    /// `$null` clears). Removals match SIP URI, DN or display name; additions and replacements
    /// are resolved against the directory ("principal not provisioned" when unknown).
    func appliedPrincipals(_ change: ListModifier<String>?, to current: [ChatPrincipal]) throws -> [ChatPrincipal]? {
        guard let change else { return nil }
        func same(_ principal: ChatPrincipal, _ text: String) -> Bool {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return [principal.uri, principal.adPath, principal.displayName, principal.name].contains {
                $0?.caseInsensitiveCompare(trimmed) == .orderedSame
            }
        }
        if let replacement = change.replace { return unique(try chatPrincipals(replacement)) }
        var result = current.filter { principal in !change.remove.contains { same(principal, $0) } }
        for added in try chatPrincipals(change.add) where !result.contains(where: { $0.uri.caseInsensitiveCompare(added.uri) == .orderedSame }) {
            result.append(added)
        }
        return result
    }

    private func unique(_ principals: [ChatPrincipal]) -> [ChatPrincipal] {
        var seen = Set<String>()
        return principals.filter { seen.insert($0.uri.lowercased()).inserted }
    }
}
