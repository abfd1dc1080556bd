import LyncDeployment
import PSRuntime

/// Get-CsPersistentChatEndpoint: lists Persistent Chat endpoints.
final class GetCsPersistentChatEndpointCommand: DirectoryQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatEndpointCommand.self, name: "Get-CsPersistentChatEndpoint",
        synopsis: "Gets the Persistent Chat endpoints (contact objects giving Persistent Chat pools a SIP address).",
        description: """
            Without parameters returns every Persistent Chat endpoint of the deployment. -Identity picks one by SIP \
            address, display name or distinguished name (CN={guid},CN=Application Contacts,…); \
            -PersistentChatPoolFqdn (also accepted as -PoolFqdn, as older documentation writes it) keeps the endpoints \
            of one pool; -Filter keeps those passing comparisons on their properties; -ResultSize caps the number \
            returned. -LdapFilter, -OU, -Credential and -DomainController are accepted for compatibility: every \
            endpoint lives in the same container of the one local directory.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue,
        outputTypes: [EndpointOutput.typeName],
        examples: [
            HelpExample("Get-CsPersistentChatEndpoint", "Lists every Persistent Chat endpoint."),
            HelpExample(#"Get-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com""#, "Shows the endpoint with this SIP address."),
            HelpExample("Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com",
                        "Lists the endpoints of the pool atl-pcpool-001."),
            HelpExample("Get-CsPersistentChatEndpoint -Filter {DisplayName -like '*legacy*'}", "Lists endpoints whose display name mentions legacy."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: [.byValue, .byPropertyName],
                      help: "The endpoint: SIP address, display name or distinguished name."),
            Parameter("PersistentChatPoolFqdn", \.persistentChatPoolFqdn, aliases: ["PoolFqdn"],
                      help: "Only endpoints of this Persistent Chat pool."),
            Parameter("LdapFilter", \.ldapFilter, help: "Accepted for compatibility; LDAP filters are not evaluated here."),
        ] + queryParameters(noun: "endpoints", ouHelp: "Accepted for compatibility; all endpoints are in CN=Application Contacts."))

    var identity: String?
    var persistentChatPoolFqdn: String?
    var ldapFilter: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let limit = try limit(context)
        let parsed = try parsedFilter(context)
        guard let endpoints = try context.reportingErrors({
            try store.read { db -> [PSObject] in
                let forest = try CentralManagementStore.forestFqdn(in: db)
                var found: [PersistentChatEndpoint]
                if let identity {
                    found = try EndpointRepository.find(identity, in: db)
                    if found.isEmpty {
                        throw DeploymentError(.objectNotFound, id: "EndpointNotFound",
                                              "No Persistent Chat endpoint has the identity '\(identity)'. Run Get-CsPersistentChatEndpoint to list them.",
                                              target: identity)
                    }
                } else {
                    found = try EndpointRepository.endpoints(in: db)
                }
                if let pool = persistentChatPoolFqdn {
                    found = found.filter { $0.pool.caseInsensitiveCompare(pool) == .orderedSame }
                }
                return found.map { EndpointOutput.object($0, forest: forest) }
            }
        }) else { return }
        var written = 0
        for endpoint in endpoints where parsed?.matches(endpoint) ?? true {
            if let limit, written >= limit { break }
            try context.write(.object(endpoint))
            written += 1
        }
    }
}
