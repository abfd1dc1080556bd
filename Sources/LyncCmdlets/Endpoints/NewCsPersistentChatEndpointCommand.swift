import LyncDeployment
import PSRuntime

/// New-CsPersistentChatEndpoint: an extra contact object with a friendly SIP address for a
/// Persistent Chat pool.
final class NewCsPersistentChatEndpointCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsPersistentChatEndpointCommand.self, name: "New-CsPersistentChatEndpoint",
        synopsis: "Creates a Persistent Chat endpoint: a contact object that gives a Persistent Chat pool an easy SIP address.",
        description: """
            Every Persistent Chat pool is reachable through its own contact object. Legacy clients (Lync 2010, the \
            Group Chat client) need an address they already know, so this command adds a further contact object in \
            CN=Application Contacts for the pool -PersistentChatPoolFqdn, with the SIP address -SipAddress. The pool \
            must be a Persistent Chat pool of the published topology. The address is written sip:<user>@<SIP domain> \
            (a missing sip: is added) and must belong to no user or other contact. In a migration from Group Chat this is the address of the \
            legacy Lookup account (sip:ocschat@<domain>): delete that account (Remove-ADUser) or free its address \
            (Disable-CsUser) first. Nothing is written unless you pass -PassThru.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [EndpointOutput.typeName],
        examples: [
            HelpExample(#"New-CsPersistentChatEndpoint -SipAddress "sip:pce@litwareinc.com" -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" -DisplayName "Persistent Chat Endpoint 1""#,
                        "Adds an endpoint with the address sip:pce@litwareinc.com and a display name for the pool atl-pcpool-001."),
            HelpExample("Remove-ADUser ocschat -Confirm:$false; New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -PassThru",
                        "Migration step: deletes the legacy Lookup account, gives its address to the new pool and shows the endpoint."),
        ],
        parameters: [
            Parameter("SipAddress", \.sipAddress, mandatory: true,
                      help: "The endpoint's SIP address, e.g. sip:pce@litwareinc.com; no user or contact may hold it."),
            Parameter("PersistentChatPoolFqdn", \.persistentChatPoolFqdn, mandatory: true,
                      help: "The FQDN of the Persistent Chat pool (in the published topology) the endpoint leads to."),
            Parameter("DisplayName", \.displayName, help: "The display name of the contact object."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new endpoint to the pipeline."),
        ])

    var sipAddress = ""
    var persistentChatPoolFqdn = ""
    var displayName: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let sip = SipAddressRegistry.normalize(sipAddress)
        guard try context.shouldProcess(target: sip, action: "New Persistent Chat endpoint on \(persistentChatPoolFqdn)") else { return }
        let endpoint = try context.domain {
            try store.write { db in
                EndpointOutput.object(
                    try EndpointRepository.create(sipAddress: sipAddress, pool: persistentChatPoolFqdn, displayName: displayName, in: db),
                    forest: try CentralManagementStore.forestFqdn(in: db))
            }
        }
        if passThru { try context.write(.object(endpoint)) }
    }
}
