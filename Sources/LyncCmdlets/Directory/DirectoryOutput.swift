import Foundation
import LyncDeployment
import PSRuntime

/// The objects the directory cmdlets write, named after the .NET types of the ActiveDirectory
/// module and of Lync's user cmdlets.
enum DirectoryOutput {
    static let adUserType = "Microsoft.ActiveDirectory.Management.ADUser"
    static let adGroupType = "Microsoft.ActiveDirectory.Management.ADGroup"
    static let adPrincipalType = "Microsoft.ActiveDirectory.Management.ADPrincipal"
    static let adDomainType = "Microsoft.ActiveDirectory.Management.ADDomain"
    static let csUserType = "Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser"

    /// The properties Get-ADUser writes when -Properties does not ask for more.
    static let userDefaultProperties = ["DistinguishedName", "Enabled", "GivenName", "Name", "ObjectClass", "ObjectGUID",
                                        "SamAccountName", "SID", "Surname", "UserPrincipalName"]
    static let groupDefaultProperties = ["DistinguishedName", "GroupCategory", "GroupScope", "Name", "ObjectClass",
                                         "ObjectGUID", "SamAccountName", "SID"]

    /// Every property of a user (what `-Properties *` shows and what `-Filter` can test).
    static func fullUser(_ user: DirectoryUser, forest: String, memberOf: [String]) -> PSObject {
        PSObject([
            ("Created", DeploymentObjects.date(user.whenCreated)),
            ("Description", DeploymentObjects.string(user.description)),
            ("DisplayName", DeploymentObjects.string(user.displayName)),
            ("DistinguishedName", .string(user.distinguishedName(forest: forest))),
            ("EmailAddress", DeploymentObjects.string(user.mail)),
            ("Enabled", .bool(user.enabled)),
            ("GivenName", DeploymentObjects.string(user.givenName)),
            ("MemberOf", DeploymentObjects.strings(memberOf)),
            ("msRTCSIP-PrimaryUserAddress", DeploymentObjects.string(user.sipAddress)),
            ("msRTCSIP-UserEnabled", .bool(user.csEnabled)),
            ("Name", .string(user.name)),
            ("ObjectClass", .string("user")),
            ("ObjectGUID", guid(user.objectGuid)),
            ("SamAccountName", .string(user.samAccountName)),
            ("SID", .string(user.sid)),
            ("SipAddress", DeploymentObjects.string(user.sipAddress)),
            ("Surname", DeploymentObjects.string(user.surname)),
            ("UserPrincipalName", DeploymentObjects.string(user.userPrincipalName)),
            ("whenCreated", DeploymentObjects.date(user.whenCreated)),
        ], typeName: adUserType)
    }

    static func fullGroup(_ group: DirectoryGroup, forest: String, members: [String], memberOf: [String]) -> PSObject {
        PSObject([
            ("Created", DeploymentObjects.date(group.whenCreated)),
            ("Description", DeploymentObjects.string(group.description)),
            ("DisplayName", DeploymentObjects.string(group.displayName)),
            ("DistinguishedName", .string(group.distinguishedName(forest: forest))),
            ("GroupCategory", .string(group.groupCategory.rawValue)),
            ("GroupScope", .string(group.groupScope.rawValue)),
            ("isCriticalSystemObject", .bool(group.isBuiltin)),
            ("MemberOf", DeploymentObjects.strings(memberOf)),
            ("Members", DeploymentObjects.strings(members)),
            ("Name", .string(group.name)),
            ("ObjectClass", .string("group")),
            ("ObjectGUID", guid(group.objectGuid)),
            ("SamAccountName", .string(group.samAccountName)),
            ("SID", .string(group.sid)),
            ("whenCreated", DeploymentObjects.date(group.whenCreated)),
        ], typeName: adGroupType)
    }

    /// The domain (Get-ADDomain), with the ActiveDirectory module's properties in its order.
    static func domain(_ domain: DirectoryDomain) -> PSObject {
        let controller = domain.domainController
        return PSObject([
            ("AllowedDNSSuffixes", .array([])),
            ("ChildDomains", .array([])),
            ("ComputersContainer", .string(domain.container("CN=Computers"))),
            ("DeletedObjectsContainer", .string(domain.container("CN=Deleted Objects"))),
            ("DistinguishedName", .string(domain.distinguishedName)),
            ("DNSRoot", .string(domain.dnsRoot)),
            ("DomainControllersContainer", .string(domain.container("OU=Domain Controllers"))),
            ("DomainMode", .string("Windows2008R2Domain")),
            ("DomainSID", .string(domain.sid)),
            ("ForeignSecurityPrincipalsContainer", .string(domain.container("CN=ForeignSecurityPrincipals"))),
            ("Forest", .string(domain.dnsRoot)),
            ("InfrastructureMaster", .string(controller)),
            ("LastLogonReplicationInterval", .null),
            ("LinkedGroupPolicyObjects", .array([])),
            ("LostAndFoundContainer", .string(domain.container("CN=LostAndFound"))),
            ("ManagedBy", .null),
            ("Name", .string(domain.name)),
            ("NetBIOSName", .string(domain.netBIOSName)),
            ("ObjectClass", .string("domainDNS")),
            ("ObjectGUID", guid(domain.objectGuid)),
            ("ParentDomain", .null),
            ("PDCEmulator", .string(controller)),
            ("QuotasContainer", .string(domain.container("CN=NTDS Quotas"))),
            ("ReadOnlyReplicaDirectoryServers", .array([])),
            ("ReplicaDirectoryServers", .array([.string(controller)])),
            ("RIDMaster", .string(controller)),
            ("SubordinateReferences", DeploymentObjects.strings([domain.container("DC=ForestDnsZones"),
                                                                 domain.container("DC=DomainDnsZones"),
                                                                 domain.container("CN=Configuration")])),
            ("SystemsContainer", .string(domain.container("CN=System"))),
            ("UsersContainer", .string(domain.container(DirectoryRepository.defaultContainer))),
        ], typeName: adDomainType)
    }

    /// What Get-ADGroupMember writes for one member.
    static func principal(_ principal: DirectoryPrincipal, forest: String) -> PSValue {
        DeploymentObjects.object(adPrincipalType, [
            ("distinguishedName", .string(principal.distinguishedName(forest: forest))),
            ("name", .string(principal.name)),
            ("objectClass", .string(principal.kind)),
            ("objectGUID", guid(principal.objectGuid)),
            ("SamAccountName", .string(principal.samAccountName)),
            ("SID", .string(principal.sid)),
        ])
    }

    /// A Lync user (Get-CsUser). Enabled is whether it may sign in (Set-CsUser -Enabled).
    static func csUser(_ user: DirectoryUser, forest: String, in db: DirectoryRepository.Transaction) throws -> PSObject {
        let policy = try PersistentChatSettings.grantedPolicy(ofUser: user.samAccountName, in: db)
        return PSObject([
            ("Identity", .string(user.distinguishedName(forest: forest))),
            ("RegistrarPool", DeploymentObjects.string(user.registrarPool)),
            ("Enabled", .bool(user.csEnabled)),
            ("SipAddress", DeploymentObjects.string(user.sipAddress)),
            ("LineURI", .string(user.lineUri ?? "")),
            ("EnterpriseVoiceEnabled", .bool(user.enterpriseVoiceEnabled)),
            ("DisplayName", DeploymentObjects.string(user.displayName)),
            ("SamAccountName", .string(user.samAccountName)),
            ("UserPrincipalName", DeploymentObjects.string(user.userPrincipalName)),
            ("LineServerURI", .string(user.lineServerUri ?? "")),
            ("PrivateLine", .string(user.privateLine ?? "")),
            ("AudioVideoDisabled", .bool(user.audioVideoDisabled)),
            ("RemoteCallControlTelephonyEnabled", .bool(user.remoteCallControlTelephonyEnabled)),
            ("OU", .string(DirectoryNames.distinguishedName(ou: user.ou, forest: forest))),
            ("PersistentChatPolicy", DeploymentObjects.string(policy)),
        ], typeName: csUserType)
    }

    /// `object` limited to the default properties plus `requested` (`*` for all), sorted by
    /// name as the ActiveDirectory module shows them. An unknown property name is an error.
    static func select(_ object: PSObject, defaults: [String], requested: [String], context: CommandContext) throws -> PSValue {
        var wanted = Set(defaults.map { $0.lowercased() })
        for name in requested {
            if name == "*" {
                wanted.formUnion(object.propertyNames.map { $0.lowercased() })
            } else if WildcardPattern.containsWildcard(name) {
                let pattern = WildcardPattern(name)
                wanted.formUnion(object.propertyNames.filter(pattern.matches).map { $0.lowercased() })
            } else if object.hasProperty(name) {
                wanted.insert(name.lowercased())
            } else {
                throw context.terminatingError(
                    "'\(name)' is not a property of \(object.typeNames.first ?? "this object"). Known properties: \(object.propertyNames.joined(separator: ", ")).",
                    id: "InvalidProperty", category: .InvalidArgument, target: .string(name))
            }
        }
        let names = object.propertyNames.filter { wanted.contains($0.lowercased()) }
            .sorted { $0.lowercased() < $1.lowercased() }
        return .object(PSObject(names.map { ($0, object[$0] ?? .null) }, typeName: object.typeNames.first))
    }

    static func guid(_ text: String) -> PSValue {
        UUID(uuidString: text).map(PSValue.guid) ?? .string(text)
    }

    /// The identity an AD cmdlet was handed: a string, or an object piped from another cmdlet
    /// (its DistinguishedName, ObjectGUID, SamAccountName or Identity property).
    static func identityText(_ value: PSValue, context: CommandContext) -> String {
        if let object = value.asPSObject, object.baseObject == nil {
            for name in ["DistinguishedName", "ObjectGUID", "SamAccountName", "Identity", "SipAddress"] {
                if let v = object[name], !v.isNull { return LanguagePrimitives.toString(v, context: context.session) }
            }
        }
        return LanguagePrimitives.toString(value, context: context.session)
    }

    /// `-ResultSize`: a number (0 and up) or `Unlimited`; nil means no limit.
    static func resultLimit(_ text: String?, context: CommandContext) throws -> Int? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty,
              raw.caseInsensitiveCompare("Unlimited") != .orderedSame else { return nil }
        guard let n = Int(raw), n >= 0, n <= Int(Int32.max) else {
            throw context.terminatingError("-ResultSize takes a whole number from 0 to 2147483647, or Unlimited; '\(raw)' is neither.",
                                           id: "InvalidResultSize", category: .InvalidArgument, target: .string(raw))
        }
        return n
    }
}
