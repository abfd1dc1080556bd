import LyncDeployment
import PSRuntime

/// Set-CsUser: changes the Lync settings of a user enabled for Lync Server.
final class SetCsUserCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsUserCommand.self, name: "Set-CsUser",
        synopsis: "Changes the Lync Server settings of a user enabled for Lync Server.",
        description: """
            Changes only the Lync settings of an account that Enable-CsUser has enabled: whether it may sign in \
            (-Enabled; turning it off keeps every other setting, unlike Disable-CsUser), its SIP address (unique \
            in the deployment, starting with sip:), Enterprise Voice, its phone number (-LineURI, tel:+<E.164>, \
            one user or endpoint per number), its private line, audio/video and remote call control. Audio and \
            video cannot be disabled for a user enabled for Enterprise Voice or remote call control, and remote \
            call control needs both a line URI and a line server URI. Pass $null or an empty string to clear a \
            URI. Users piped from Get-CsUser are changed one after another.
            """,
        module: "Lync", securityArea: "\(SecurityArea.users.rawValue),\(SecurityArea.voice.rawValue)", supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsUser -Identity \"Pilar Ackerman\" -EnterpriseVoiceEnabled $True",
                        "Enables Pilar Ackerman for Enterprise Voice."),
            HelpExample("Get-CsUser -OU \"OU=Finance,DC=litwareinc,DC=com\" | Set-CsUser -EnterpriseVoiceEnabled $True",
                        "Enables every Lync user of the Finance OU for Enterprise Voice."),
            HelpExample("Set-CsUser -Identity sip:kmyer@litwareinc.com -LineURI \"tel:+14255551297;ext=51297\" -PassThru",
                        "Gives Ken Myer a phone number and shows the result."),
            HelpExample("Set-CsUser -Identity \"Ken Myer\" -Enabled $False",
                        "Stops Ken Myer signing in to Lync Server while keeping his settings."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The user: SIP address, UPN, SamAccountName, DOMAIN\\name, display name or distinguished name, or a user piped from Get-CsUser."),
            Parameter("Enabled", \.enabled, aliases: ["CsEnabled"],
                      help: "False stops the user signing in while keeping the settings; True lets the user sign in again."),
            Parameter("SipAddress", \.sipAddress, help: "A new SIP address, e.g. sip:kenmyer@litwareinc.com; no other user or endpoint may have it."),
            Parameter("EnterpriseVoiceEnabled", \.enterpriseVoiceEnabled, help: "Whether the user may make and take calls over Enterprise Voice."),
            Parameter("LineURI", \.lineUri, help: "The user's phone number as tel:+<number>[;ext=<extension>]; $null clears it."),
            Parameter("LineServerURI", \.lineServerUri, help: "The SIP URI of the remote call control gateway, e.g. sip:rccgateway@litwareinc.com; $null clears it."),
            Parameter("PrivateLine", \.privateLine, help: "An unlisted second number as tel:+<number>; $null clears it."),
            Parameter("AudioVideoDisabled", \.audioVideoDisabled, help: "True leaves the user instant messaging only (not with Enterprise Voice or remote call control)."),
            Parameter("RemoteCallControlTelephonyEnabled", \.remoteCallControlTelephonyEnabled,
                      help: "Whether the user controls a desk phone from Lync; needs a line URI and a line server URI."),
            .switchParameter("PassThru", \.passThru, help: "Writes the changed user (as Get-CsUser shows it) to the pipeline."),
            Parameter("DomainController", \.domainController, help: "Accepted for compatibility; there is one directory."),
        ])

    var identity: PSValue = .null
    var enabled: Bool?
    var sipAddress: String?
    var enterpriseVoiceEnabled: Bool?
    var lineUri: String?
    var lineServerUri: String?
    var privateLine: String?
    var audioVideoDisabled: Bool?
    var remoteCallControlTelephonyEnabled: Bool?
    var passThru = false
    var domainController: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let name = DirectoryOutput.identityText(identity, context: context)
        let changes = changes(context)
        guard let changed = try context.reportingErrors({
            try store.write { db -> PSObject? in
                let user = try DirectoryRepository.setLyncUser(name, changes, in: db) { user in
                    try context.shouldProcess(target: user.sipAddress ?? user.samAccountName, action: "Set-CsUser")
                }
                return try user.map { try DirectoryOutput.csUser($0, forest: try CentralManagementStore.forestFqdn(in: db), in: db) }
            }
        }), let changed else { return }
        if changes.isEmpty {
            try context.writeWarning("No setting of '\(name)' was changed: name at least one setting to change, such as -EnterpriseVoiceEnabled or -LineURI.")
        }
        if passThru { try context.write(.object(changed)) }
    }

    /// The bound parameters as changes; a URI bound to $null is cleared.
    private func changes(_ context: CommandContext) -> LyncUserChanges {
        func uri(_ value: String?, _ parameter: String) -> String? {
            value ?? (context.isBound(parameter) ? "" : nil)
        }
        var changes = LyncUserChanges()
        changes.enabled = enabled
        changes.sipAddress = sipAddress
        changes.enterpriseVoiceEnabled = enterpriseVoiceEnabled
        changes.lineUri = uri(lineUri, "LineURI")
        changes.lineServerUri = uri(lineServerUri, "LineServerURI")
        changes.privateLine = uri(privateLine, "PrivateLine")
        changes.audioVideoDisabled = audioVideoDisabled
        changes.remoteCallControlTelephonyEnabled = remoteCallControlTelephonyEnabled
        return changes
    }
}
