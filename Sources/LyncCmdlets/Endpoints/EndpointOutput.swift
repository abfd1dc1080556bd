import LyncDeployment
import PSRuntime

/// The object the Persistent Chat endpoint cmdlets write.
enum EndpointOutput {
    static let typeName = "Microsoft.Rtc.Management.ADConnect.Schema.OCSPersistentChatContact"

    static func object(_ endpoint: PersistentChatEndpoint, forest: String) -> PSObject {
        PSObject([
            ("Identity", .string(endpoint.distinguishedName(forest: forest))),
            ("SipAddress", .string(endpoint.sipAddress)),
            ("DisplayName", DeploymentObjects.string(endpoint.displayName)),
            ("PersistentChatPoolFqdn", .string(endpoint.pool)),
            ("Enabled", .bool(endpoint.enabled)),
            ("ObjectGuid", DirectoryOutput.guid(endpoint.objectGuid)),
            ("OU", .string(DirectoryNames.applicationContactsContainer + "," + CentralManagementStore.domainComponents(of: forest))),
            ("WhenCreated", DeploymentObjects.date(endpoint.whenCreated)),
        ], typeName: typeName)
    }
}
