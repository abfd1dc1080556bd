import Foundation
import LyncDeployment
import PSRuntime

/// Creates a contact object for a trusted application.
final class NewCsTrustedApplicationEndpointCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsTrustedApplicationEndpointCommand.self, name: "New-CsTrustedApplicationEndpoint",
        synopsis: "Creates an endpoint (a directory contact) for a trusted application.",
        description: """
            Creates a contact in the Application Contacts container through which calls reach a trusted \
            application. The application (-ApplicationId) must already exist on the pool \
            (-TrustedApplicationPoolFqdn), and the pool must have a registrar. Without -SipAddress the \
            address sip:RtcApplication-<guid>@<domain> is generated; a given address must have the form \
            sip:<name>@<domain> and must not belong to any user or contact yet. -LineURI takes the form \
            tel:<number>; languages are codes such as en-US. The new endpoint is written to the pipeline \
            (-PassThru changes nothing). -Tenant is for hosted deployments and is accepted as a GUID.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        outputTypes: [TrustedApplicationObjects.endpointType],
        examples: [
            HelpExample("New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com",
                        "Creates an endpoint for tapp1 with a generated SIP address."),
            HelpExample("New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com",
                        "Creates an endpoint for tapp1 with the address sip:endpoint1@litwareinc.com."),
        ],
        parameters: [
            Parameter("ApplicationId", \.applicationId, mandatory: true,
                      help: "The id of the application the endpoint belongs to; it must exist on the pool."),
            Parameter("TrustedApplicationPoolFqdn", \.poolFqdn, mandatory: true,
                      help: "The FQDN of the pool the application runs on."),
            Parameter("SipAddress", \.sipAddress,
                      help: "The endpoint's SIP address (sip:<name>@<domain>). Default: sip:RtcApplication-<guid>@<domain>."),
            Parameter("DisplayName", \.displayName, help: "The name shown for the contact."),
            Parameter("DisplayNumber", \.displayNumber, help: "The phone number shown for the contact in the address book."),
            Parameter("LineURI", \.lineUri, help: "The contact's phone number as tel:<number>, e.g. tel:+14255551212."),
            Parameter("PrimaryLanguage", \.primaryLanguage, help: "The application's main language, as a code such as en-US."),
            Parameter("SecondaryLanguages", \.secondaryLanguages, help: "Further languages the application can use, as codes."),
            Parameter("Tenant", \.tenant, help: "The GUID of an online tenant; on-premises deployments leave it out."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new endpoint, which this command does anyway."),
        ])

    var applicationId = ""
    var poolFqdn = ""
    var sipAddress: String?
    var displayName: String?
    var displayNumber: String?
    var lineUri: String?
    var primaryLanguage: String?
    var secondaryLanguages: [String] = []
    var tenant: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        if let tenant, UUID(uuidString: tenant.trimmingCharacters(in: CharacterSet(charactersIn: "{} "))) == nil {
            throw context.terminatingError("-Tenant takes a GUID, not '\(tenant)'.", id: "InvalidTenant",
                                           category: .InvalidArgument, target: .string(tenant))
        }
        var settings = TrustedApplicationEndpointSettings(applicationId: applicationId, poolFqdn: poolFqdn)
        settings.sipAddress = sipAddress
        settings.displayName = displayName
        settings.displayNumber = displayNumber
        settings.lineUri = lineUri
        settings.primaryLanguage = primaryLanguage
        settings.secondaryLanguages = secondaryLanguages
        let target = sipAddress ?? "\(poolFqdn)/\(TrustedApplicationNames.applicationUrnPrefix)\(TrustedApplicationNames.applicationId(applicationId))"
        let repository = try context.trustedApplications()
        let created = try context.domain {
            try repository.newEndpoint(settings) {
                try context.shouldProcess(target: target, action: "New-CsTrustedApplicationEndpoint")
            }
        }
        if let created { try context.write(TrustedApplicationObjects.endpoint(created)) }
    }
}
