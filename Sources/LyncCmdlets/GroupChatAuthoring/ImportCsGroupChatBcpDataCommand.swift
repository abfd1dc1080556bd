import Foundation
import LyncDeployment
import PSRuntime

/// Import-CsGroupChatBcpData: builds a legacy Group Chat database from the files bcp exported
/// from the real SQL Server database.
final class ImportCsGroupChatBcpDataCommand: Cmdlet {
    static let tables = LegacyGroupChatSchema.requiredColumns.map(\.table)

    static let declaration = CmdletDeclaration(
        ImportCsGroupChatBcpDataCommand.self, name: "Import-CsGroupChatBcpData",
        synopsis: "Loads a legacy Group Chat database exported from SQL Server with bcp into a legacy database file.",
        description: """
            Reads the folder -Path, which holds one bcp file per table of the legacy Group Chat database, each \
            named after its table with the extension .bcp, .dat or .txt (tblChat.bcp, tblNode.dat, ...). \
            Every table of the legacy store contract must have a file except tblPrincipalType and tblRoleType, \
            whose fixed rows are written when their files are missing. The files come from bcp in character \
            mode (-c, fields ended by a tab, rows by a line break, text in -CodePage) or Unicode mode (-w, the \
            same in UTF-16); -Format Auto tells them apart file by file. As bcp writes them, an empty field is \
            NULL and a field holding a single NUL character is an empty string; numbers and bits are decimal, \
            binary columns hexadecimal, and time stamps either ticks or yyyy-mm-dd hh:mm:ss.fff. Every row is \
            checked: a wrong number of fields (bcp cannot mark a tab or a line break inside a value), a value \
            that does not fit its column, a repeated key, a file cut short. Each problem is reported with the \
            file, row, column and what to do, and then nothing is written. The rows go into a new file in one \
            transaction; the result is checked like any legacy database (integrity, tables, schema version, \
            category tree) and only then put at -DestinationPath. An existing file there is replaced only with \
            -Force. Writes one summary per table (Table, Rows, File, Format). Afterwards, \
            Export-CsPersistentChatData -DBInstance <DestinationPath> reads it. See docs/legacy-bcp.md.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.bcpTableType],
        examples: [
            HelpExample(tables.map { LegacyGroupChatBcpLoader.exportCommand(table: $0, unicode: true) }.joined(separator: "\n"),
                        "Run on the SQL Server (or any computer with the SQL Server command-line tools), in an empty folder: exports each table of the GroupChat database on the instance SQL01\\GROUPCHAT in Unicode (-w). Put your own database name after FROM and your own instance after -S. This works with every bcp version and keeps all text exactly."),
            HelpExample(tables.map { LegacyGroupChatBcpLoader.exportCommand(table: $0, unicode: false) }.joined(separator: "\n"),
                        "The same export in character mode with UTF-8 text (-c -C 65001, bcp 13 or later). With an older bcp leave out -C 65001 and load the files with -CodePage Windows1252."),
            HelpExample("Import-CsGroupChatBcpData -Path ./groupchat-bcp -DestinationPath ./imported.db",
                        "Loads the copied folder into imported.db, telling -c and -w files apart by themselves, and lists the rows per table."),
            HelpExample("Import-CsGroupChatBcpData ./bcp-latin1 ./imported.db -Format Character -CodePage Windows1252 -Force\nExport-CsPersistentChatData -DBInstance ./imported.db -FileName ./export.zip",
                        "Replaces imported.db with files bcp wrote with -c in the server's Latin-1 code page, then exports the result for Import-CsPersistentChatData."),
            HelpExample("Import-CsGroupChatBcpData ./bcp-pipes ./imported-pipes.db -FieldTerminator '|#|' -RowTerminator '|#|\\n'",
                        "Loads files exported with bcp ... -t \"|#|\" -r \"|#|\\n\": terminators that cannot occur in the data, for messages that hold tabs or line breaks."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true,
                      files: .reads, help: "The folder with the bcp files: <table>.bcp, <table>.dat or <table>.txt, one per table."),
            Parameter("DestinationPath", \.destinationPath, position: 1, mandatory: true, files: .writes, help: "The legacy database file to create."),
            Parameter("Format", \.format, validate: [.set(LegacyGroupChatBcpLoader.Format.allCases.map(\.rawValue), ignoreCase: true)],
                      help: "Character (bcp -c), Unicode (bcp -w), or Auto (default): each file by its UTF-16 byte-order mark or NUL pattern."),
            Parameter("CodePage", \.codePage, validate: [.set(LegacyGroupChatBcpLoader.CodePage.allCases.map(\.rawValue), ignoreCase: true)],
                      help: "The text encoding of Character files: UTF8 (default; bcp -c -C 65001) or Windows1252 (bcp -c on a server with a Latin1 collation)."),
            Parameter("FieldTerminator", \.fieldTerminator, help: "bcp's -t, with its escapes \\t \\n \\r \\0 \\\\. Default: \\t."),
            Parameter("RowTerminator", \.rowTerminator,
                      help: "bcp's -r, with the same escapes. Default: \\n; a carriage return before a final \\n is part of it."),
            .switchParameter("Force", \.force, help: "Replaces an existing file at -DestinationPath."),
        ])

    var path = ""
    var destinationPath = ""
    var format = LegacyGroupChatBcpLoader.Format.auto.rawValue
    var codePage = LegacyGroupChatBcpLoader.CodePage.utf8.rawValue
    var fieldTerminator = "\\t"
    var rowTerminator = "\\n"
    var force = false

    func process(_ context: CommandContext) throws {
        let folder = try GroupChatAuthoringOutput.resolve(path, .reads, context)
        let file = try GroupChatAuthoringOutput.resolve(destinationPath, .writes, context)
        let loader = LegacyGroupChatBcpLoader(
            folder: folder,
            format: LegacyGroupChatBcpLoader.Format.allCases.first { $0.rawValue.caseInsensitiveCompare(format) == .orderedSame } ?? .auto,
            codePage: LegacyGroupChatBcpLoader.CodePage.allCases.first { $0.rawValue.caseInsensitiveCompare(codePage) == .orderedSame } ?? .utf8,
            fieldTerminator: fieldTerminator, rowTerminator: rowTerminator)
        guard try context.shouldProcess(target: file, action: "Load the legacy Group Chat bcp files of '\(folder)'") else { return }
        let started = Date()
        let summaries = try context.domain { try loader.load(into: file, overwrite: force) }
        try context.writeVerbose("Loaded \(summaries.reduce(0) { $0 + $1.rows }) rows into '\(file)' in \(String(format: "%.2f", Date().timeIntervalSince(started))) s.")
        for summary in summaries {
            try context.write(DeploymentObjects.object(GroupChatAuthoringOutput.bcpTableType, [
                ("Table", .string(summary.table)),
                ("Rows", .long(Int64(summary.rows))),
                ("File", DeploymentObjects.string(summary.file)),
                ("Format", .string(summary.format?.rawValue ?? "None")),
            ]))
        }
    }
}
