import Foundation
import GRDB

/// Builds a legacy Group Chat database (legacy-store.md) from the files SQL Server's bcp utility
/// writes in its character formats, one file per table: the way to bring a real Lync 2010 /
/// OCS 2007 R2 Group Chat database over from SQL Server. docs/legacy-bcp.md has the commands.
///
/// Nothing is half-loaded: every file is read and checked, every row inserted in one
/// transaction into a new file beside the destination, the result checked with the reader's
/// contract validation (integrity, tables, schema version, category tree), and only then
/// renamed into place. Any problem leaves no destination file (or the old one untouched).
public struct LegacyGroupChatBcpLoader: Sendable {
    /// How the files were written: `-c` (Character), `-w` (Unicode), or Auto (each file by its
    /// UTF-16 byte-order mark or NUL pattern).
    public enum Format: String, Sendable, CaseIterable {
        case character = "Character", unicode = "Unicode", auto = "Auto"
    }

    /// The code page of Character files: UTF-8 (`bcp -c -C 65001`) or Windows-1252, the code
    /// page of the SQL_Latin1_General_CP1 collations (`bcp -c` on a western server).
    public enum CodePage: String, Sendable, CaseIterable {
        case utf8 = "UTF8", windows1252 = "Windows1252"
    }

    /// What was loaded into one table.
    public struct TableSummary: Sendable, Equatable {
        public var table: String
        public var rows: Int
        /// The file's name; nil for an optional table that had none (its contract rows were written).
        public var file: String?
        /// Character or Unicode; nil when there was no file.
        public var format: Format?
    }

    /// The file names the loader looks for, per table: `<table>.bcp`, `.dat` or `.txt`.
    public static let extensions = ["bcp", "dat", "txt"]

    /// Tables that may be left out: their rows are fixed by the contract and written when missing.
    public static var optionalTables: [String] {
        LegacyGroupChatSchema.requiredColumns.map(\.table).filter(LegacyGroupChatSchema.staticTables.contains)
    }

    public static var requiredTables: [String] {
        LegacyGroupChatSchema.requiredColumns.map(\.table).filter { !LegacyGroupChatSchema.staticTables.contains($0) }
    }

    /// How many problems one error lists before it stops looking.
    static let problemLimit = 20

    public var folder: String
    public var format: Format
    public var codePage: CodePage
    /// bcp's `-t` and `-r`, with its escapes (\t \n \r \0 \\); defaults are bcp's.
    public var fieldTerminator: String
    public var rowTerminator: String

    public init(folder: String, format: Format = .auto, codePage: CodePage = .utf8,
                fieldTerminator: String = "\\t", rowTerminator: String = "\\n") {
        self.folder = folder
        self.format = format
        self.codePage = codePage
        self.fieldTerminator = fieldTerminator
        self.rowTerminator = rowTerminator
    }

    /// The bcp command that exports `table` for this loader, to run on the SQL Server: the
    /// contract's columns in the contract's order (a real table has more), binary columns as
    /// hexadecimal (`rtf` is varchar in SQL Server and must arrive byte for byte), messages in
    /// key order (the load then only appends). `unicode`: `-w`; otherwise `-c -C 65001` (UTF-8).
    public static func exportCommand(table: String, database: String = "GroupChat", server: String = "SQL01\\GROUPCHAT",
                                     unicode: Bool) -> String {
        let columns = LegacyGroupChatSchema.requiredColumns.first { $0.table == table }?.columns ?? []
        let list = columns.map { column in
            if column == "rtf" { return "CAST(rtf AS varbinary(max)) AS rtf" }
            return column == "index" ? "[index]" : column
        }.joined(separator: ", ")
        let order = table == "tblChat" ? " ORDER BY channelId, chatId" : ""
        let mode = unicode ? "-w" : "-c -C 65001"
        return "bcp \"SELECT \(list) FROM \(database).dbo.\(table)\(order)\" queryout \(table).bcp \(mode) -S \(server) -T"
    }

    /// The file of each contract table in `folder` (nil: an optional table without one). Refuses
    /// a missing folder, a missing required table, or two files for one table.
    public func files() throws -> [(table: String, file: URL?)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DeploymentError(.objectNotFound, id: "LegacyBcpFolderNotFound",
                                  "There is no folder '\(folder)'. Give -Path the folder you copied the bcp files into (one file per table).",
                                  target: folder)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var problems: [DeploymentError] = []
        var result: [(table: String, file: URL?)] = []
        for (table, _) in LegacyGroupChatSchema.requiredColumns {
            let matches = names.filter { name in
                let url = URL(fileURLWithPath: name)
                return url.deletingPathExtension().lastPathComponent.caseInsensitiveCompare(table) == .orderedSame
                    && Self.extensions.contains(url.pathExtension.lowercased())
            }.sorted()
            if matches.count > 1 {
                problems.append(DeploymentError(.invalidData, id: "LegacyBcpTableAmbiguous",
                                                "\(table) has \(matches.count) files in '\(folder)' (\(matches.joined(separator: ", "))). Keep one of them.",
                                                target: folder))
            } else if let name = matches.first {
                result.append((table, URL(fileURLWithPath: folder).appendingPathComponent(name)))
            } else if LegacyGroupChatSchema.staticTables.contains(table) {
                result.append((table, nil))
            } else {
                problems.append(DeploymentError(.objectNotFound, id: "LegacyBcpTableMissing",
                                                "There is no file for the table \(table) in '\(folder)' (looked for \(Self.extensions.map { "\(table).\($0)" }.joined(separator: ", "))). Export it with bcp (the commands are in docs/legacy-bcp.md and in Get-Help Import-CsGroupChatBcpData) and copy it into the folder.",
                                                target: folder))
            }
        }
        if !problems.isEmpty { throw Self.combined(problems, destination: nil) }
        return result
    }

    /// Loads the files into a new legacy database at `path` (an existing file only with
    /// `overwrite`) and returns the rows per table, in contract order.
    public func load(into path: String, overwrite: Bool = false) throws -> [TableSummary] {
        let fieldUnits = try Self.terminator(fieldTerminator, parameter: "-FieldTerminator")
        let rowUnits = try Self.terminator(rowTerminator, parameter: "-RowTerminator")
        let files = try files()
        // Built under a hidden name beside `path` and renamed into place when complete and valid.
        let staged = try StagedDatabaseFile(destination: path, overwrite: overwrite)
        let partial = staged.partial
        defer { staged.discard() }
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: partial) } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseNotWritable", "Cannot create '\(path)': \(error).", target: path)
        }
        var summaries: [TableSummary] = []
        var problems: [DeploymentError] = []
        do {
            try queue.writeWithoutTransaction { db in
                // A brand-new file nobody else reads: a crash loses only the file itself.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536")
                try db.inTransaction {
                    try LegacyGroupChatSchema.createTables(in: db)
                    for (table, file) in files {
                        guard problems.count < Self.problemLimit else { break }
                        guard let file else {
                            try LegacyGroupChatSchema.insertStaticRows(of: table, in: db)
                            let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                            summaries.append(TableSummary(table: table, rows: rows, file: nil, format: nil))
                            continue
                        }
                        do {
                            let data = try LegacyBcpDataFile(url: file, declared: format)
                            var table = try LegacyBcpTableLoad(table: table, file: data, db: db, codePage: codePage)
                            try table.run(fieldTerminator: fieldUnits, rowTerminator: rowUnits, problems: &problems)
                            summaries.append(TableSummary(table: table.table, rows: table.rows, file: file.lastPathComponent, format: data.format))
                        } catch let error as DeploymentError {
                            problems.append(error)
                        }
                    }
                    // Committed even with problems: without a journal a rollback is undefined, and the
                    // hidden file is removed anyway.
                    return .commit
                }
                try db.execute(sql: "PRAGMA locking_mode = NORMAL")
            }
            try queue.close()
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed", "Loading '\(path)' failed: \(error). Nothing was written.", target: path)
        }
        if !problems.isEmpty { throw Self.combined(problems, destination: path) }
        try validate(partial, as: path)
        try staged.commit("loaded")
        return summaries
    }

    /// The reader's checks on the finished file (integrity, contract, schema version, category
    /// tree); its messages name the destination, not the hidden file.
    func validate(_ partial: String, as path: String) throws {
        do {
            _ = try LegacyGroupChatDatabase(path: partial).snapshot()
        } catch let error as DeploymentError {
            throw DeploymentError(error.kind, id: error.id,
                                  error.message.replacingOccurrences(of: partial, with: path)
                                      + " The bcp files in '\(folder)' load, but together they do not make a valid legacy database; nothing was written.",
                                  target: path)
        }
    }

    /// One error for all problems: the first one's id, each problem on its own line.
    static func combined(_ problems: [DeploymentError], destination: String?) -> DeploymentError {
        let first = problems[0]
        let nothing = destination.map { " Nothing was written to '\($0)'." } ?? ""
        if problems.count == 1 { return DeploymentError(first.kind, id: first.id, first.message + nothing, target: first.target) }
        let more = problems.count >= problemLimit ? " (the first \(problemLimit); there may be more)" : ""
        let lines = problems.map { "- " + $0.message }.joined(separator: "\n")
        return DeploymentError(first.kind, id: first.id, "The bcp files have \(problems.count) problems\(more):\n\(lines)\n" + nothing.trimmingCharacters(in: .whitespaces),
                               target: first.target)
    }

    /// A terminator in bcp's notation as code units (UTF-16 units serve both formats: the
    /// supported characters are ASCII).
    static func terminator(_ text: String, parameter: String) throws -> [UInt16] {
        var units: [UInt16] = []
        var characters = text.unicodeScalars.makeIterator()
        while let scalar = characters.next() {
            guard scalar == "\\" else {
                guard scalar.isASCII else {
                    throw DeploymentError(.invalidArgument, id: "LegacyBcpTerminatorInvalid",
                                          "\(parameter) '\(text)' has '\(scalar)', which is not ASCII; bcp terminators are ASCII characters and the escapes \\t \\n \\r \\0 \\\\.")
                }
                units.append(UInt16(scalar.value))
                continue
            }
            switch characters.next() {
            case "t": units.append(9)
            case "n": units.append(10)
            case "r": units.append(13)
            case "0": units.append(0)
            case "\\": units.append(92)
            default:
                throw DeploymentError(.invalidArgument, id: "LegacyBcpTerminatorInvalid",
                                      "\(parameter) '\(text)' has an unknown escape; bcp knows \\t \\n \\r \\0 and \\\\.")
            }
        }
        guard !units.isEmpty, units.count <= 10 else {
            throw DeploymentError(.invalidArgument, id: "LegacyBcpTerminatorInvalid",
                                  "\(parameter) must be 1 to 10 characters, as bcp's -t and -r are; '\(text)' is \(units.count).")
        }
        return units
    }
}
