import LyncDeployment
import PSRuntime

/// What Disable-ADAccount and Enable-ADAccount share: whether a directory account may sign in.
/// A disabled account keeps its groups, but the management endpoint refuses it at its next command.
protocol ADAccountEnablingCommand: Cmdlet {
    static var enables: Bool { get }
    var identity: String { get set }
}

extension ADAccountEnablingCommand {
    static func makeDeclaration(name: String, synopsis: String, examples: [HelpExample]) -> CmdletDeclaration {
        CmdletDeclaration(
            Self.self, name: name, synopsis: synopsis,
            description: "Changes the account's Enabled flag. The management endpoint checks it at every command, so a disabled user's open sessions stop at their next command; the account keeps its groups and roles for when it is enabled again.",
            module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
            examples: examples,
            parameters: [
                Parameter("Identity", \Self.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                          help: "The account: SamAccountName, distinguished name, GUID or SID."),
            ])
    }

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        guard let user = try context.reportingErrors({ try store.read { try DirectoryRepository.requireUser(identity, in: $0) } }) else { return }
        guard try context.shouldProcess(target: user.samAccountName, action: Self.enables ? "Enable" : "Disable") else { return }
        _ = try context.reportingErrors {
            try store.write { db in try DirectoryRepository.setEnabled(user.samAccountName, Self.enables, in: db) }
        }
    }
}

/// Disable-ADAccount.
final class DisableADAccountCommand: ADAccountEnablingCommand {
    static let enables = false
    static let declaration = makeDeclaration(
        name: "Disable-ADAccount", synopsis: "Disables a directory account.",
        examples: [HelpExample("Disable-ADAccount -Identity kenmyer", "kenmyer can no longer sign in or use the management endpoint.")])
    var identity = ""
}

/// Enable-ADAccount.
final class EnableADAccountCommand: ADAccountEnablingCommand {
    static let enables = true
    static let declaration = makeDeclaration(
        name: "Enable-ADAccount", synopsis: "Enables a disabled directory account.",
        examples: [HelpExample("Enable-ADAccount -Identity kenmyer", "kenmyer may sign in again.")])
    var identity = ""
}
