import Foundation
import LyncDeployment
import PSRuntime

/// Lists trusted application endpoints.
final class GetCsTrustedApplicationEndpointCommand: DirectoryQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsTrustedApplicationEndpointCommand.self, name: "Get-CsTrustedApplicationEndpoint",
        synopsis: "Gets the contact objects that route calls to trusted applications.",
        description: """
            Writes one object per trusted application endpoint (a contact in the Application Contacts \
            container of the directory). Without parameters all of them are returned. -Identity takes a \
            distinguished name, a SIP address (with the sip: prefix) or a display name; -ApplicationId and \
            -TrustedApplicationPoolFqdn select by application and pool (an application id can exist on \
            several pools); -Filter is a condition on the endpoint's properties such as \
            {DisplayName -like "*endpoint*"}; -ResultSize caps the number returned. The deployment has one \
            directory, so -Credential and -DomainController are accepted and need not be given.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue,
        outputTypes: [TrustedApplicationObjects.endpointType],
        examples: [
            HelpExample("Get-CsTrustedApplicationEndpoint", "Lists every trusted application endpoint."),
            HelpExample("Get-CsTrustedApplicationEndpoint -Identity \"sip:endpoint1@litwareinc.com\"",
                        "Gets one endpoint by SIP address; the sip: prefix is needed."),
            HelpExample("Get-CsTrustedApplicationEndpoint -Filter {DisplayName -like \"*endpoint*\"}",
                        "Gets the endpoints whose display name contains 'endpoint'."),
            HelpExample("Get-CsTrustedApplicationEndpoint -ApplicationId tapp2 | Select-Object SipAddress, DisplayName, OwnerUrn",
                        "Shows the address, name and owning application of the endpoints of tapp2, on any pool."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: [.byValue, .byPropertyName],
                      help: "The endpoint: its distinguished name, SIP address (sip:…) or display name."),
            Parameter("ApplicationId", \.applicationId, help: "Only endpoints of applications with this id."),
            Parameter("TrustedApplicationPoolFqdn", \.poolFqdn, help: "Only endpoints of applications on this pool."),
        ] + queryParameters(noun: "endpoints", ouHelp: "Only endpoints in this container; they all live in CN=Application Contacts."))

    var identity: String?
    var applicationId: String?
    var poolFqdn: String?

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        var endpoints: [TrustedApplicationEndpoint]
        if let identity {
            guard let endpoint = try context.reportingErrors({ try repository.endpoint(identity) }) else { return }
            endpoints = [endpoint]
            if let applicationId {
                let id = TrustedApplicationNames.applicationId(applicationId)
                endpoints = endpoints.filter { $0.applicationId.caseInsensitiveCompare(id) == .orderedSame }
            }
            if let poolFqdn {
                let pool = TrustedApplicationNames.strippingPoolPrefix(poolFqdn)
                endpoints = endpoints.filter { $0.pool.caseInsensitiveCompare(pool) == .orderedSame }
            }
        } else {
            endpoints = try context.domain { try repository.endpoints(applicationId: applicationId, pool: poolFqdn) }
        }
        if let ou, !inApplicationContacts(ou) { endpoints = [] }
        var objects = endpoints.map(TrustedApplicationObjects.endpoint)
        if let condition = try parsedFilter(context) {
            objects = objects.filter { object in
                guard case .object(let base) = object, let properties = base as? PSObject else { return false }
                return condition.matches(properties)
            }
        }
        if let limit = try limit(context) { objects = Array(objects.prefix(limit)) }
        for object in objects { try context.write(object) }
    }

    /// True when `ou` names the Application Contacts container (with or without the DC= part).
    private func inApplicationContacts(_ ou: String) -> Bool {
        let normalized = DirectoryNames.normalize(ou).lowercased()
        return normalized.hasPrefix(DirectoryNames.applicationContactsContainer.lowercased())
    }
}
