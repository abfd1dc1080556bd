import LyncDeployment
import PSRuntime

/// Assigns a per-user Persistent Chat policy to users.
final class GrantCsPersistentChatPolicyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GrantCsPersistentChatPolicyCommand.self, name: "Grant-CsPersistentChatPolicy",
        synopsis: "Assigns a per-user Persistent Chat policy to a user.",
        description: """
            Gives a user a per-user policy (tag:<name> or just the name), which wins over the site and \
            Global policies; -PolicyName $null takes the assignment away. -Identity takes a SIP address, \
            user principal name, account name, display name or distinguished name; users piped from \
            Get-CsUser are matched by Identity. -PassThru writes the user afterwards, with its PersistentChatPolicy.
            """,
        module: "Lync", securityArea: "PersistentChat,Users", supportsShouldProcess: true,
        examples: [
            HelpExample("Grant-CsPersistentChatPolicy -Identity \"Ken Myer\" -PolicyName \"RedmondUsersPersistentChatPolicy\"",
                        "Assigns the policy to Ken Myer."),
            HelpExample("Grant-CsPersistentChatPolicy -Identity \"sip:kenmyer@litwareinc.com\" -PolicyName $null",
                        "Takes Ken Myer's per-user policy away."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName], help: "The user."),
            Parameter("PolicyName", \.policyName, position: 1, help: "The per-user policy; $null removes the assignment."),
            .switchParameter("PassThru", \.passThru, help: "Writes the user's name and policy afterwards."),
        ])

    var identity = ""
    var policyName: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let policy = policyName.flatMap { $0.isEmpty ? nil : $0 }
        guard try context.shouldProcess(target: identity, action: "Grant-CsPersistentChatPolicy") else { return }
        let granted: PSObject? = try context.reportingErrors {
            try store.write { db in
                guard let user = try DirectoryRepository.findUser(identity, forms: .lync, in: db) else {
                    throw DeploymentError(.objectNotFound, id: "UserNotFound",
                                          "Cannot find the user '\(identity)'. Run Get-CsUser to list the users.", target: identity)
                }
                try PersistentChatSettings.grant(policy, toUser: user.samAccountName, in: db)
                return try DirectoryOutput.csUser(user, forest: try CentralManagementStore.forestFqdn(in: db), in: db)
            }
        }
        if passThru, let granted {
            try context.write(.object(granted))
        }
    }
}
