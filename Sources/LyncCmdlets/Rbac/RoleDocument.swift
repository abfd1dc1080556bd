import LyncDeployment
import PSRuntime

/// The documented list of what each built-in role may run (the README's role table), generated
/// from the cmdlets' declarations so the text and the check cannot disagree.
public enum RoleDocument {
    public static func markdown(commands: [CmdletDeclaration] = LyncCmdlets.all) -> String {
        let catalog = RoleBasedAuthorizer.catalog(of: commands)
        let reading = catalog.commands.filter(\.isReadOnly).map(\.name)
        var lines = ["Every role may run the \(reading.count) read-only cmdlets: " + reading.map { "`\($0)`" }.joined(separator: ", ") + ".",
                     "", "| Role | Also may run |", "| --- | --- |"]
        for role in BuiltinRoles.roles {
            let changing = catalog.cmdlets(of: role).filter { name in !reading.contains(name) }
            let list = role.areas.count == SecurityArea.allCases.count
                ? "every cmdlet (\(changing.count) that change the deployment)"
                : (changing.isEmpty ? "nothing more (\(role.summary))"
                                    : changing.map { "`\($0)`" }.joined(separator: ", "))
            lines.append("| \(role.identity) | \(list) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
