import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Loading one table from one file inside the loader's transaction.
struct LegacyBcpTableLoad {
    let table: String
    let file: LegacyBcpDataFile
    let db: Database
    let columns: [LegacyBcpColumn]
    let codePage: LegacyGroupChatBcpLoader.CodePage
    private(set) var rows = 0

    init(table: String, file: LegacyBcpDataFile, db: Database, codePage: LegacyGroupChatBcpLoader.CodePage) throws {
        self.table = table
        self.file = file
        self.db = db
        self.codePage = codePage
        // Columns, types and NOT NULL as SQLite made them from LegacyGroupChatSchema, in contract order.
        columns = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map {
            LegacyBcpColumn(name: $0[0], declaredType: $0[1], notNull: ($0[2] as Int) != 0)
        }
    }

    mutating func run(fieldTerminator: [UInt16], rowTerminator: [UInt16], problems: inout [DeploymentError]) throws {
        switch file.units {
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { units in
                try load(units, fieldTerminator: fieldTerminator.map { UInt8($0) }, rowTerminator: rowTerminator.map { UInt8($0) },
                         problems: &problems)
            }
        case .utf16(let utf16):
            try utf16.withUnsafeBufferPointer { units in
                try load(units, fieldTerminator: fieldTerminator, rowTerminator: rowTerminator, problems: &problems)
            }
        }
    }

    private mutating func load<Unit: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<Unit>, fieldTerminator: [Unit], rowTerminator: [Unit], problems: inout [DeploymentError]
    ) throws {
        let names = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \(table) (\(names)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        let handle = statement.sqliteStatement
        var binder = LegacyBcpFieldBinder(handle: handle, codePage: codePage)
        var scanner = LegacyBcpScanner(units: units, fieldTerminator: fieldTerminator, rowTerminator: rowTerminator)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(columns.count + 1)
        var rowNumber = 0
        scan: while problems.count < LegacyGroupChatBcpLoader.problemLimit {
            let row: Range<Int>
            switch scanner.next() {
            case .end: break scan
            case .row(let range): row = range
            case .truncated(let range):
                problems.append(problem(row: rowNumber + 1, nil,
                                        "the file ends inside this row (\(range.count) characters after the last row terminator). The copy was cut short: copy the file again from the SQL Server.",
                                        id: "LegacyBcpRowTruncated"))
                break scan
            }
            rowNumber += 1
            scanner.split(row, into: &fields)
            guard fields.count == columns.count else {
                problems.append(fieldCountProblem(row: rowNumber, found: fields.count, first: rowNumber == 1))
                continue
            }
            sqlite3_reset(handle)
            var bound = true
            for (index, range) in fields.enumerated() {
                do {
                    try binder.bind(UnsafeBufferPointer(rebasing: units[range]), as: columns[index], at: Int32(index + 1))
                } catch {
                    problems.append(problem(row: rowNumber, columns[index].name, "\(error.what). \(error.fix)", id: "LegacyBcpValueInvalid"))
                    bound = false
                    break
                }
            }
            guard bound else { continue }
            let code = sqlite3_step(handle)
            if code != SQLITE_DONE {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                if code & 0xFF == SQLITE_CONSTRAINT {
                    problems.append(problem(row: rowNumber, nil,
                                            "it repeats the key of an earlier row (\(message.replacingOccurrences(of: "UNIQUE constraint failed: ", with: ""))). Export the table again; if the source really has the duplicate, remove it there.",
                                            id: "LegacyBcpDuplicateKey"))
                } else {
                    throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed", "Writing row \(rowNumber) of \(file.name) failed: \(message).")
                }
            } else {
                rows += 1
            }
        }
        sqlite3_reset(handle)
    }

    private func problem(row: Int, _ column: String?, _ text: String, id: String) -> DeploymentError {
        let position = column.map { "\(file.name), row \(row), column \($0): " } ?? "\(file.name), row \(row): "
        return DeploymentError(.invalidData, id: id, position + text, target: file.url.path)
    }

    private func fieldCountProblem(row: Int, found: Int, first: Bool) -> DeploymentError {
        var text = "\(found) field\(found == 1 ? "" : "s") where \(table) has \(columns.count) columns (\(columns.map(\.name).joined(separator: ", "))). "
        text += found > columns.count
            ? "A value holds the field terminator (a tab), which bcp's character format cannot mark"
            : "A value holds the row terminator (a line break), which bcp's character format cannot mark, or the row is incomplete"
        text += ": export the table again with terminators that do not occur in the data (e.g. bcp ... -t \"|#|\" -r \"|#|\\n\") and load it with the same -FieldTerminator and -RowTerminator."
        if first { text += " If every row is off, the file holds other columns than the contract's: export it with the queryout command in docs/legacy-bcp.md." }
        return problem(row: row, nil, text, id: "LegacyBcpFieldCountWrong")
    }
}
