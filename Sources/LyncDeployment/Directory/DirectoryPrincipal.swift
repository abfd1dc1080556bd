/// A user or a group: what a group's member list holds.
public enum DirectoryPrincipal: Sendable, Equatable {
    case user(DirectoryUser)
    case group(DirectoryGroup)

    public var samAccountName: String {
        switch self {
        case .user(let u): u.samAccountName
        case .group(let g): g.samAccountName
        }
    }

    public var name: String {
        switch self {
        case .user(let u): u.name
        case .group(let g): g.name
        }
    }

    public var objectGuid: String {
        switch self {
        case .user(let u): u.objectGuid
        case .group(let g): g.objectGuid
        }
    }

    public var sid: String {
        switch self {
        case .user(let u): u.sid
        case .group(let g): g.sid
        }
    }

    /// `user` or `group`, as AD's objectClass and the groupMember table spell it.
    public var kind: String {
        switch self {
        case .user: "user"
        case .group: "group"
        }
    }

    public func distinguishedName(forest: String) -> String {
        switch self {
        case .user(let u): u.distinguishedName(forest: forest)
        case .group(let g): g.distinguishedName(forest: forest)
        }
    }
}
