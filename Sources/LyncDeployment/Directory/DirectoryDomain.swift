import GRDB

/// The directory's one domain. It is named after the published topology's forest (`local`
/// before one is published), so its names follow the forest the way the DNs of its objects do.
public struct DirectoryDomain: Sendable, Equatable {
    /// The DNS name, e.g. `litwareinc.com`.
    public let dnsRoot: String
    public let sid: String
    public let objectGuid: String
    /// The computer that stands as domain controller: the directory lives in the deployment's
    /// store, so it is the topology's local computer (the DNS name before a topology exists).
    public let domainController: String

    /// The first label of the DNS name (`litwareinc`).
    public var name: String { dnsRoot.split(separator: ".").first.map(String.init) ?? dnsRoot }
    /// The pre-Windows 2000 name: the first label in capitals, at most 15 characters.
    public var netBIOSName: String { String(name.uppercased().prefix(15)) }
    /// `DC=litwareinc,DC=com`.
    public var distinguishedName: String { CentralManagementStore.domainComponents(of: dnsRoot) }

    /// The DN of a well-known container, e.g. `CN=Users` → `CN=Users,DC=litwareinc,DC=com`.
    public func container(_ relativeName: String) -> String { "\(relativeName),\(distinguishedName)" }

    /// True when `identity` names this domain: its DNS name, NetBIOS name, DN, SID or GUID.
    public func matches(_ identity: String) -> Bool {
        let text = identity.trimmingWhitespace
        let guid = DirectoryRepository.guidText(text)
        return [dnsRoot, netBIOSName, sid].contains { $0.caseInsensitiveCompare(text) == .orderedSame }
            || DirectoryNames.normalize(text).caseInsensitiveCompare(distinguishedName) == .orderedSame
            || guid == objectGuid.lowercased()
    }

    /// The domain as the store describes it now.
    public static func current(in db: Database) throws -> DirectoryDomain {
        let forest = try CentralManagementStore.forestFqdn(in: db)
        return DirectoryDomain(
            dnsRoot: forest, sid: try CentralManagementStore.setting("DomainSid", in: db) ?? "",
            objectGuid: try CentralManagementStore.setting("DomainGuid", in: db) ?? "",
            domainController: try TopologyRepository.localComputer(override: nil, in: db) ?? forest)
    }

    /// The domain `identity` names (nil: the current one); `DomainNotFound` for any other name.
    public static func require(_ identity: String?, in db: Database) throws -> DirectoryDomain {
        let domain = try current(in: db)
        guard let identity, !identity.trimmingWhitespace.isEmpty, !domain.matches(identity) else { return domain }
        throw DeploymentError.notFound("the domain", identity, id: "DomainNotFound",
                                       hint: "This directory has one domain, '\(domain.dnsRoot)' (\(domain.netBIOSName)); name it by DNS name, NetBIOS name, distinguished name, SID or GUID, or leave -Identity out.")
    }
}
