import LyncDeployment
import PSRuntime

/// Changes a Persistent Chat policy.
final class SetCsPersistentChatPolicyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatPolicyCommand.self, name: "Set-CsPersistentChatPolicy",
        synopsis: "Changes a Persistent Chat policy.",
        description: """
            Turns Persistent Chat on or off in a policy (-EnablePersistentChat) or changes its description. \
            Turning it on in the Global policy is the step that lets every user without another policy use \
            Persistent Chat. Without -Identity the Global policy is changed; policies piped from \
            Get-CsPersistentChatPolicy are matched by Identity.
            """,
        module: "Lync", securityArea: "PersistentChat,Users", defaultParameterSet: "Identity", supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatPolicy -Identity Global -EnablePersistentChat $True", "Turns Persistent Chat on for everyone."),
            HelpExample("Get-CsPersistentChatPolicy -Filter \"site:*\" | Set-CsPersistentChatPolicy -EnablePersistentChat $False",
                        "Turns it off in every site policy."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], help: "Global (the default), site:<name> or tag:<name>."),
            Parameter("Instance", \.instance, mandatory: true, sets: ["Instance"], pipeline: .byValue, help: "A policy object."),
            Parameter("Description", \.descriptionText, help: "A new description."),
            Parameter("EnablePersistentChat", \.enable, help: "Whether users of the policy may use Persistent Chat."),
            .switchParameter("Force", \.force, help: "Changes the policy without asking for confirmation."),
        ])

    var identity = "Global"
    var instance: PersistentChatInstance<PolicyInstanceKind>?
    var descriptionText: String?
    var enable: Bool?
    var force = false

    func process(_ context: CommandContext) throws {
        let key = try instance.map { try context.instanceIdentity($0.value) } ?? identity
        let store = try context.store()
        guard try context.shouldProcess(target: key, action: "Set-CsPersistentChatPolicy", force: force) else { return }
        let description: String?? = context.isBound("Description") ? .some(descriptionText) : nil
        try context.reportingErrors {
            try store.write { db in _ = try PersistentChatSettings.updatePolicy(key, description: description, enable: enable, in: db) }
        }
    }
}
