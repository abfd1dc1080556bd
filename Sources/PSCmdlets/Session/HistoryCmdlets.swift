import Foundation
import PSRuntime

/// Get-History: the session's command history, as Microsoft.PowerShell.Commands.HistoryInfo.
final class GetHistoryCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetHistoryCommand.self, name: "Get-History", aliases: ["h", "history", "ghy"],
        synopsis: "Gets the commands run in this session.",
        description: "Lists the command lines the interactive shell ran in this session, oldest first, each with its Id (for Invoke-History and Clear-History), its status and how long it took.",
        examples: [HelpExample("Get-History -Count 5", "The last five commands."),
                   HelpExample("Get-History 3 | Format-List", "Everything about command 3.")],
        parameters: [
            Parameter("Id", \.ids, position: 0, pipeline: .byValue, help: "The ids of the entries to get."),
            Parameter("Count", \.count, position: 1, validate: [.range(min: 0, max: 32767)], help: "How many of the latest entries to get."),
        ])

    var ids: [Int] = []
    var count: Int?

    func process(_ context: CommandContext) throws {
        HistoryObjects.registerView(context.session)
        var entries = context.session.commandHistory.entries
        if !ids.isEmpty {
            for id in ids where !entries.contains(where: { $0.id == id }) {
                try context.writeError("Cannot find a history entry with the id \(id).", id: "GetHistoryObjectNotFound",
                                       category: .ObjectNotFound, target: .int(Int32(clamping: id)))
            }
            entries = ids.compactMap { id in entries.first { $0.id == id } }
        }
        if let count { entries = Array(entries.suffix(count)) }
        for entry in entries { try context.write(HistoryObjects.object(entry)) }
    }
}

/// Invoke-History (r): runs a command of the history again.
final class InvokeHistoryCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        InvokeHistoryCommand.self, name: "Invoke-History", aliases: ["r", "ihy"],
        synopsis: "Runs a command from the session's history again.",
        description: "Runs the history entry with the given Id, or whose command line starts with the given text (the latest such), or the last command. The command line is shown first, as pwsh does.",
        supportsShouldProcess: true,
        examples: [HelpExample("r", "Runs the last command again."), HelpExample("Invoke-History Get-CsPool", "Runs the latest command that began with Get-CsPool.")],
        parameters: [
            Parameter("Id", \.id, position: 0, pipeline: .byPropertyName, help: "The Id of the entry, or the start of its command line."),
        ])

    var id: String?

    func process(_ context: CommandContext) throws {
        let history = context.session.commandHistory.entries
        let chosen: CommandHistory.Entry?
        if let id, let number = Int(id) {
            chosen = history.first { $0.id == number }
        } else if let id, !id.isEmpty {
            chosen = history.last { $0.commandLine.lowercased().hasPrefix(id.lowercased()) }
        } else {
            chosen = history.last
        }
        guard let entry = chosen else {
            throw context.terminatingError(id == nil ? "The history is empty." : "Cannot find a history entry for '\(id ?? "")'.",
                                           id: "InvokeHistoryNotFound", category: .ObjectNotFound)
        }
        guard try context.shouldProcess(target: entry.commandLine, action: "Invoke-History") else { return }
        try context.writeHost(entry.commandLine)
        try context.session.runScript(entry.commandLine) { try context.write($0) }
    }
}

/// Clear-History: forgets entries of the session's history.
final class ClearHistoryCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearHistoryCommand.self, name: "Clear-History", aliases: ["clhy"],
        synopsis: "Removes commands from the session's history.",
        description: "Removes the entries with the given ids, the latest -Count entries, or (with neither) the whole history of this session. The history file of the line editor is not touched.",
        supportsShouldProcess: true,
        examples: [HelpExample("Clear-History", "Forgets every command of this session."), HelpExample("Clear-History -Id 2, 3", "Forgets commands 2 and 3.")],
        parameters: [
            Parameter("Id", \.ids, position: 0, help: "The ids of the entries to remove."),
            Parameter("Count", \.count, validate: [.range(min: 0, max: 32767)], help: "How many of the latest entries to remove."),
        ])

    var ids: [Int] = []
    var count: Int?

    func process(_ context: CommandContext) throws {
        let history = context.session.commandHistory
        var chosen = Set(ids)
        if let count { chosen.formUnion(history.entries.suffix(count).map(\.id)) }
        guard try context.shouldProcess(target: chosen.isEmpty ? "the whole history" : "history entries \(chosen.sorted().map(String.init).joined(separator: ", "))",
                                        action: "Clear-History") else { return }
        history.clear(ids: chosen.isEmpty && ids.isEmpty && count == nil ? nil : chosen)
    }
}

/// HistoryInfo objects and their default table (Id, Duration, CommandLine).
enum HistoryObjects {
    static let typeName = "Microsoft.PowerShell.Commands.HistoryInfo"

    static func object(_ entry: CommandHistory.Entry) -> PSValue {
        let duration = Int64((entry.ended.timeIntervalSince(entry.started) * 10_000_000).rounded())
        return .object(PSObject([
            ("Id", .long(Int64(entry.id))),
            ("CommandLine", .string(entry.commandLine)),
            ("ExecutionStatus", .string(entry.succeeded ? "Completed" : "Failed")),
            ("StartExecutionTime", .dateTime(entry.started)),
            ("EndExecutionTime", .dateTime(entry.ended)),
            ("Duration", .timeSpan(ticks: duration)),
        ], typeName: typeName))
    }

    static func registerView(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "HistoryInfo", typeNames: [typeName], columns: [
            .init("Id", width: 4, alignRight: true), .init("Duration", width: 12, alignRight: true), .init("CommandLine"),
        ])
    }
}
