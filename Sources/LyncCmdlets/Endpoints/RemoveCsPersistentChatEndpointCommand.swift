import LyncDeployment
import PSRuntime

/// Remove-CsPersistentChatEndpoint: deletes Persistent Chat endpoints.
final class RemoveCsPersistentChatEndpointCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatEndpointCommand.self, name: "Remove-CsPersistentChatEndpoint",
        synopsis: "Deletes a Persistent Chat endpoint.",
        description: """
            Deletes the endpoint named by -Identity (SIP address, display name or distinguished name), or each \
            endpoint piped from Get-CsPersistentChatEndpoint. Its SIP address becomes free again. -Force suppresses \
            the error for an identity that names no endpoint. Asks for confirmation unless you pass -Confirm:$false \
            or -Force.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample(#"Remove-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com""#, "Deletes the endpoint with this SIP address."),
            HelpExample(#"Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" | Remove-CsPersistentChatEndpoint"#,
                        "Deletes every endpoint of the pool atl-pcpool-001."),
            HelpExample("Get-CsPersistentChatEndpoint | Remove-CsPersistentChatEndpoint", "Deletes every Persistent Chat endpoint."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The endpoint: SIP address, display name or distinguished name."),
            .switchParameter("Force", \.force, help: "Suppresses non-fatal errors (an identity with no endpoint) and the confirmation prompt."),
        ])

    var identity = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        // -Force quietly skips an identity with no endpoint; an ambiguous one is still an error.
        let found = try context.reportingErrors {
            try store.read { db -> PersistentChatEndpoint? in
                if force, try EndpointRepository.find(identity, in: db).isEmpty { return nil }
                return try EndpointRepository.require(identity, in: db)
            }
        }
        guard let endpoint = found ?? nil else { return }
        guard try context.shouldProcess(target: endpoint.sipAddress, action: "Remove Persistent Chat endpoint", force: force) else { return }
        try context.reportingErrors {
            try store.write { db in try EndpointRepository.remove(objectGuid: endpoint.objectGuid, in: db) }
        }
    }
}
