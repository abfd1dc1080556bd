import Foundation
import LyncDeployment
import PSRuntime

/// Reads the audit log of state-changing and denied commands.
final class SearchCsAdminAuditLogCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SearchCsAdminAuditLogCommand.self, name: "Search-CsAdminAuditLog",
        synopsis: "Reads the audit log of changes and denied commands.",
        description: "Every command that changes the deployment is logged with its time, user, roles, bound parameters, -WhatIf and outcome (Succeeded, Failed, or Started while it runs); so is every command the role check refused (Denied). Entries come newest first.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, outputTypes: [RbacCmdlets.auditTypeName],
        examples: [
            HelpExample("Search-CsAdminAuditLog -ResultSize 20", "The 20 newest entries."),
            HelpExample("Search-CsAdminAuditLog -User kenmyer -Cmdlet Remove-Cs*", "What kenmyer removed, or tried to."),
            HelpExample("Search-CsAdminAuditLog -StartDate (Get-Date).AddDays(-1) | Where-Object Outcome -eq Denied",
                        "Yesterday's denials."),
        ],
        parameters: [
            Parameter("User", \.user, help: "Only entries of this user (SamAccountName)."),
            Parameter("Cmdlet", \.cmdlet, aliases: ["Cmdlets"], help: "Only entries of commands matching these names or wildcards."),
            Parameter("StartDate", \.startDate, help: "Only entries at or after this time."),
            Parameter("EndDate", \.endDate, help: "Only entries at or before this time."),
            Parameter("ResultSize", \.resultSize, validate: [.range(min: 0, max: 2147483647)],
                      help: "At most this many entries (default 1000)."),
        ])

    var user: String?
    var cmdlet: [String] = []
    var startDate: Date?
    var endDate: Date?
    var resultSize = 1000

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let patterns = cmdlet.map { WildcardPattern($0) }
        let entries = try context.domain {
            try store.read { db in
                try AuditLog.search(user: user, commandPattern: patterns.isEmpty ? nil : { name in patterns.contains { $0.matches(name) } },
                                    start: startDate, end: endDate, limit: resultSize, in: db)
            }
        }
        for entry in entries {
            let parameters = entry.parameters.keys.sorted().map { "-\($0) \(entry.parameters[$0] ?? "")" }.joined(separator: " ")
            try context.write(DeploymentObjects.object(RbacCmdlets.auditTypeName, [
                ("Id", .long(entry.id)), ("RunDate", .dateTime(entry.time)), ("User", .string(entry.user)),
                ("Roles", DeploymentObjects.strings(entry.roles)), ("Command", .string(entry.command)),
                ("Parameters", .string(parameters)), ("WhatIf", .bool(entry.whatIf)), ("Outcome", .string(entry.outcome)),
                ("Detail", DeploymentObjects.string(entry.detail)),
            ]))
        }
    }
}
