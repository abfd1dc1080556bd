import LyncDeployment
import PSRuntime

/// The values of -ExchangeArchivingPolicy.
enum ExchangeArchivingPolicyOptionsEnum: String, ParameterEnum {
    case Uninitialized, UseLyncArchivingPolicy, NoArchiving, ArchivingToExchange
}

/// Changes a trusted application endpoint.
final class SetCsTrustedApplicationEndpointCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsTrustedApplicationEndpointCommand.self, name: "Set-CsTrustedApplicationEndpoint",
        synopsis: "Changes the contact object of a trusted application endpoint.",
        description: """
            Updates the display name, numbers, languages, enablement and archiving setting of an existing \
            endpoint; parameters left out keep their values. The SIP address is fixed at creation: \
            -SipAddress is accepted only with the address the endpoint already has. -SecondaryLanguages \
            takes a list (replacing the old one) or @{Add=…; Remove=…}. -Type is accepted and not used. \
            Endpoints piped from Get-CsTrustedApplicationEndpoint are matched by Identity; -PassThru writes \
            the changed endpoint.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsTrustedApplicationEndpoint -Identity \"sip:endpoint1@litwareinc.com\" -DisplayName \"Endpoint 1\"",
                        "Gives the endpoint with that SIP address the display name Endpoint 1."),
            HelpExample("Get-CsTrustedApplicationEndpoint -Identity \"Endpoint 1\" | Set-CsTrustedApplicationEndpoint -DisplayNumber \"(425)555-1212\"",
                        "Finds the endpoint by display name and sets the number shown for it."),
            HelpExample("Set-CsTrustedApplicationEndpoint -Identity \"Endpoint 1\" -SecondaryLanguages @{Add=\"fr-FR\"} -PassThru",
                        "Adds a language and shows the result."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The endpoint: its distinguished name, SIP address (sip:…) or display name."),
            Parameter("DisplayName", \.displayName, help: "The name shown for the contact."),
            Parameter("DisplayNumber", \.displayNumber, help: "The phone number shown in the address book."),
            Parameter("Enabled", \.enabled, aliases: ["CsEnabled"], help: "Whether the contact is enabled for Lync. Default: True."),
            Parameter("EnabledForFederation", \.enabledForFederation,
                      help: "Whether federated users can reach the contact. Default: False."),
            Parameter("EnterpriseVoiceEnabled", \.enterpriseVoiceEnabled,
                      help: "Whether the contact is enabled for Enterprise Voice. Default: True."),
            Parameter("ExchangeArchivingPolicy", \.exchangeArchivingPolicy,
                      help: "Where the contact's instant messages are archived: Uninitialized, UseLyncArchivingPolicy, NoArchiving or ArchivingToExchange."),
            Parameter("LineURI", \.lineUri, help: "The phone number as tel:<number>."),
            Parameter("PrimaryLanguage", \.primaryLanguage, help: "The main language, as a code such as en-US."),
            Parameter("SecondaryLanguages", \.secondaryLanguages,
                      help: "Further languages: a list replaces the old one; @{Add=…; Remove=…} changes it."),
            Parameter("SipAddress", \.sipAddress, help: "Cannot change: the SIP address is fixed when the endpoint is created."),
            Parameter("Type", \.type, help: "Not used by this command."),
            .switchParameter("PassThru", \.passThru, help: "Writes the changed endpoint."),
        ])

    var identity = ""
    var displayName: String?
    var displayNumber: String?
    var enabled: Bool?
    var enabledForFederation: Bool?
    var enterpriseVoiceEnabled: Bool?
    var exchangeArchivingPolicy: ExchangeArchivingPolicyOptionsEnum?
    var lineUri: String?
    var primaryLanguage: String?
    var secondaryLanguages: ListModifier<String>?
    var sipAddress: String?
    var type: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        var changes = TrustedApplicationEndpointChanges()
        changes.displayName = displayName
        changes.displayNumber = displayNumber
        changes.enabled = enabled
        changes.enabledForFederation = enabledForFederation
        changes.enterpriseVoiceEnabled = enterpriseVoiceEnabled
        changes.exchangeArchivingPolicy = exchangeArchivingPolicy?.rawValue
        changes.lineUri = lineUri
        changes.primaryLanguage = primaryLanguage
        changes.sipAddress = sipAddress
        if let secondaryLanguages {
            changes.addSecondaryLanguages = secondaryLanguages.add
            changes.removeSecondaryLanguages = secondaryLanguages.remove
            changes.replaceSecondaryLanguages = secondaryLanguages.replace
        }
        let repository = try context.trustedApplications()
        let changed = try context.reportingErrors {
            try repository.setEndpoint(identity, changes) {
                try context.shouldProcess(target: identity, action: "Set-CsTrustedApplicationEndpoint")
            }
        }
        if passThru, let endpoint = changed ?? nil { try context.write(TrustedApplicationObjects.endpoint(endpoint)) }
    }
}
