import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// A legacy database, its bcp export and the loaded copy in one throw-away folder.
struct BcpRoundTrip {
    let folder = LegacyTestFolder()
    var source: String { folder.path("source.db") }
    var files: String { folder.path("bcp") }
    var loaded: String { folder.path("loaded.db") }

    /// A generated database plus rows with the values bcp treats specially: empty strings
    /// (a NUL), NULLs (an empty field), non-ASCII text, empty and 8-bit binary.
    init(extraSQL: [String] = [], ascii: Bool = false) throws {
        _ = try LegacyTestDataGenerator(rooms: 12, principals: 60, messages: 400, seed: 3).generate(path: source)
        let name = ascii ? "Zoe Muller" : "Zoë Müller – café"
        let queue = try DatabaseQueue(path: source)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO tblConfig VALUES ('Empty', ''), ('Nothing', NULL)")
            try db.execute(sql: """
                INSERT INTO tblPrincipal (prinID, prinGuid, prinUri, prinName, prinCompanyName, prinDisabled, prinTypeID, prinAddedOn)
                VALUES (9001, '0A1B2C3D-0000-4000-8000-000000000001', 'sip:zoe@litwareinc.com', ?, '', 0, 5, NULL)
                """, arguments: [name])
            try db.execute(sql: """
                INSERT INTO tblChat VALUES (13, 100001, 634000000000000000, 9001, 0, '', X''), (13, 100002, 634000000000000001, 9001, 1, ?, X'00E97B0D0A')
                """, arguments: [ascii ? "plain" : "日本語 😀 \\ end"])
            for sql in extraSQL { try db.execute(sql: sql) }
        }
        try queue.close()
    }

    func export(_ writer: LegacyBcpTestWriter, tables: [String]? = nil) throws {
        try writer.write(from: source, to: files, tables: tables)
    }

    func load(_ loader: LegacyGroupChatBcpLoader? = nil, overwrite: Bool = false) throws -> [LegacyGroupChatBcpLoader.TableSummary] {
        try (loader ?? LegacyGroupChatBcpLoader(folder: files)).load(into: loaded, overwrite: overwrite)
    }

    /// The loading error, with the check that no destination (and no hidden file) was left.
    func failure(_ loader: LegacyGroupChatBcpLoader? = nil) -> DeploymentError? {
        let error = #expect(throws: DeploymentError.self) { _ = try load(loader) }
        #expect(!FileManager.default.fileExists(atPath: loaded))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path))?.filter { $0.contains("partial") } ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
        return error
    }

    /// Every table of source and loaded copy, row by row, values with their storage class.
    func expectSameRows(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let from = try DatabaseQueue(path: source), to = try DatabaseQueue(path: loaded)
        for (table, columns) in LegacyGroupChatSchema.requiredColumns {
            let sql = "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table) ORDER BY rowid"
            let expected = try from.read { try Row.fetchAll($0, sql: sql) }
            let actual = try to.read { try Row.fetchAll($0, sql: sql) }
            #expect(actual.count == expected.count, "\(table)", sourceLocation: sourceLocation)
            for (left, right) in zip(expected, actual) where left != right {
                Issue.record("\(table): \(left) became \(right)", sourceLocation: sourceLocation)
                break
            }
        }
    }

    func write(_ table: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: files).appendingPathComponent("\(table).bcp"))
    }

    func bytes(_ table: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: files).appendingPathComponent("\(table).bcp")))
    }

    /// Replaces the text of `table`'s character file (UTF-8) through `edit`.
    func edit(_ table: String, _ edit: (inout String) -> Void) throws {
        var text = String(decoding: try bytes(table), as: UTF8.self)
        edit(&text)
        try write(table, Array(text.utf8))
    }
}

@Suite("Legacy Group Chat bcp loader")
struct LegacyBcpLoaderTests {
    @Test("Character and Unicode files, CRLF or LF, with or without a BOM, load row for row like the source", arguments: [
        LegacyBcpTestWriter(format: .character),
        LegacyBcpTestWriter(format: .character, crlf: false, fileExtension: "dat"),
        LegacyBcpTestWriter(format: .unicode),
        LegacyBcpTestWriter(format: .unicode, crlf: false, byteOrderMark: false, fileExtension: "txt"),
    ])
    func roundTrip(writer: LegacyBcpTestWriter) throws {
        let trip = try BcpRoundTrip()
        try trip.export(writer)
        let summaries = try trip.load()
        try trip.expectSameRows()
        #expect(summaries.map(\.table) == LegacyGroupChatSchema.requiredColumns.map(\.table))
        #expect(summaries.allSatisfy { $0.file == "\($0.table).\(writer.fileExtension)" })
        // An empty file has no format to detect (without a BOM it counts as Character).
        #expect(summaries.allSatisfy { $0.format == writer.format || $0.rows == 0 })
        #expect(summaries.first { $0.table == "tblChat" }?.rows == 402)
        // The declared format loads the same files.
        _ = try trip.load(LegacyGroupChatBcpLoader(folder: trip.files, format: writer.format), overwrite: true)
        try trip.expectSameRows()
        // NULL and the empty string stay apart.
        let queue = try DatabaseQueue(path: trip.loaded)
        let config = try queue.read { try Row.fetchAll($0, sql: "SELECT confValue IS NULL, confValue FROM tblConfig WHERE confKey IN ('Empty', 'Nothing') ORDER BY confKey") }
        #expect(config.map { $0[0] as Int } == [0, 1] && (config[0][1] as String) == "")
        let blob = try queue.read { try Data.fetchOne($0, sql: "SELECT rtf FROM tblChat WHERE chatId = 100001") }
        #expect(blob == Data())
    }

    @Test("Windows-1252 text (bcp -c without -C 65001) needs -CodePage Windows1252; as UTF-8 it is refused with the fix")
    func codePage() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character, codePage: .windows1252))
        let error = trip.failure()
        #expect(error?.id == "LegacyBcpValueInvalid")
        #expect(error?.message.contains("tblPrincipal.bcp, row 61, column prinName: is not UTF-8 text (byte 0xEB at byte 3)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("-CodePage Windows1252") == true)
        _ = try trip.load(LegacyGroupChatBcpLoader(folder: trip.files, codePage: .windows1252))
        let name = try DatabaseQueue(path: trip.loaded).read { try String.fetchOne($0, sql: "SELECT prinName FROM tblPrincipal WHERE prinID = 9001") }
        #expect(name == "Zoë Müller – café")
    }

    @Test("A tab or line break inside a value breaks the row: refused with the row; other terminators load it")
    func terminators() throws {
        let trip = try BcpRoundTrip(extraSQL: ["INSERT INTO tblChat VALUES (13, 100003, 634000000000000002, 9001, 0, 'two' || char(10) || 'lines' || char(9) || 'tab', NULL)"])
        try trip.export(LegacyBcpTestWriter(format: .character))
        let error = trip.failure()
        #expect(error?.id == "LegacyBcpFieldCountWrong")
        #expect(error?.message.contains("tblChat.bcp, row 403: 6 fields where tblChat has 7 columns") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("-FieldTerminator") == true)
        try FileManager.default.removeItem(atPath: trip.files)
        try trip.export(LegacyBcpTestWriter(format: .unicode, fieldTerminator: "|#|", rowTerminator: "|#|\n"))
        _ = try trip.load(LegacyGroupChatBcpLoader(folder: trip.files, fieldTerminator: "|#|", rowTerminator: "|#|\\n"))
        try trip.expectSameRows()
    }

    @Test("The static tables may be missing (their contract rows are written); a required one may not")
    func missingTables() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character), tables: LegacyGroupChatBcpLoader.requiredTables)
        let summaries = try trip.load()
        #expect(summaries.first { $0.table == "tblRoleType" } == .init(table: "tblRoleType", rows: 4, file: nil, format: nil))
        try trip.expectSameRows()
        try FileManager.default.removeItem(atPath: trip.loaded)
        try FileManager.default.removeItem(atPath: trip.files + "/tblChat.bcp")
        let error = trip.failure()
        #expect(error?.id == "LegacyBcpTableMissing")
        #expect(error?.message.contains("no file for the table tblChat") == true && error?.message.contains("tblChat.dat") == true)
        let noFolder = #expect(throws: DeploymentError.self) { _ = try LegacyGroupChatBcpLoader(folder: trip.folder.path("none")).files() }
        #expect(noFolder?.id == "LegacyBcpFolderNotFound")
    }

    @Test("Bad rows are named by file, row and column, all of them, and nothing is written")
    func badRows() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character))
        try trip.edit("tblPrincipal") { $0 = $0.replacingOccurrences(of: "\r\n2\t", with: "\r\nx2\t") }
        try trip.edit("tblChat") { text in
            var lines = text.components(separatedBy: "\r\n")
            var fields = lines[4].components(separatedBy: "\t")
            fields[2] = "2011-02-30 10:00:00.000"
            lines[4] = fields.joined(separator: "\t")
            text = lines.joined(separator: "\r\n")
        }
        try trip.edit("tblNode") { text in
            var lines = text.components(separatedBy: "\r\n")
            lines[2] = lines[2].components(separatedBy: "\t").dropLast().joined(separator: "\t")
            text = lines.joined(separator: "\r\n")
        }
        let error = trip.failure()
        let message = error?.message ?? ""
        #expect(error?.id == "LegacyBcpValueInvalid")
        #expect(message.contains("The bcp files have 3 problems"), "\(message)")
        #expect(message.contains("tblPrincipal.bcp, row 2, column prinID: 'x2' is not a whole number"))
        #expect(message.contains("tblNode.bcp, row 3: 16 fields where tblNode has 17 columns"))
        #expect(message.contains("tblChat.bcp, row 5, column chatDate: '2011-02-30 10:00:00.000' is neither a number of ticks nor a valid date"))
        #expect(message.contains("Nothing was written to '\(trip.loaded)'"))
    }

    @Test("A bcp datetime in a time-stamp column becomes ticks")
    func dates() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character))
        try trip.edit("tblChat") { $0 = $0.replacingOccurrences(of: "\t634000000000000000\t", with: "\t2010-01-01 00:00:00.123\t") }
        _ = try trip.load()
        let ticks = try DatabaseQueue(path: trip.loaded).read { try Int64.fetchOne($0, sql: "SELECT chatDate FROM tblChat WHERE chatId = 100001") }
        #expect(ticks == LegacyTestDataGenerator.baseTicks + 1_230_000)
        let field = Array("2024-02-29 23:59:59.9999999".utf8)
        #expect(field.withUnsafeBufferPointer { LegacyBcpFieldBinder.ticks($0) } == 638_448_479_999_999_999)
        #expect(Array("2023-02-29 00:00:00".utf8).withUnsafeBufferPointer { LegacyBcpFieldBinder.ticks($0) } == nil)
    }

    @Test("A file cut short, a UTF-16 file declared Character, a repeated key and a broken tree are refused")
    func badFiles() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character))
        let chat = try trip.bytes("tblChat")
        try trip.write("tblChat", Array(chat.dropLast(9)))
        let truncated = trip.failure()
        #expect(truncated?.id == "LegacyBcpRowTruncated")
        #expect(truncated?.message.contains("tblChat.bcp, row 402: the file ends inside this row") == true, "\(truncated?.message ?? "")")
        try trip.write("tblChat", chat + Array(chat.suffix(from: chat.lastIndex(of: 10, before: chat.count - 1)! + 1)))
        let duplicate = trip.failure()
        #expect(duplicate?.id == "LegacyBcpDuplicateKey")
        #expect(duplicate?.message.contains("tblChat.bcp, row 403: it repeats the key of an earlier row (tblChat.channelId, tblChat.chatId)") == true, "\(duplicate?.message ?? "")")
        try trip.write("tblChat", chat)
        try LegacyBcpTestWriter(format: .unicode).write(from: trip.source, to: trip.files, tables: ["tblNode"])
        let mismatch = trip.failure(LegacyGroupChatBcpLoader(folder: trip.files, format: .character))
        #expect(mismatch?.id == "LegacyBcpFormatMismatch")
        #expect(mismatch?.message.contains("tblNode.bcp is Unicode (bcp -w) output (it starts with the UTF-16 byte-order mark)") == true)
        let unicodeDeclared = trip.failure(LegacyGroupChatBcpLoader(folder: trip.files, format: .unicode))
        #expect(unicodeDeclared?.id == "LegacyBcpFormatMismatch" && unicodeDeclared?.message.contains("tblConfig.bcp is not Unicode") == true)
        // Rows that load but break the contract: the reader's own check, naming the destination.
        try LegacyBcpTestWriter(format: .character).write(from: trip.source, to: trip.files, tables: ["tblNode"])
        try trip.edit("tblNode") { $0 = $0.components(separatedBy: "\r\n").dropFirst().joined(separator: "\r\n") }
        let tree = trip.failure(LegacyGroupChatBcpLoader(folder: trip.files, format: .auto))
        #expect(tree?.id == "LegacyCategoryTreeInvalid")
        #expect(tree?.message.contains("'\(trip.loaded)' breaks the contract: there is no root category") == true, "\(tree?.message ?? "")")
    }

    @Test("An existing destination is refused without overwrite and kept when a load with overwrite fails")
    func existingDestination() throws {
        let trip = try BcpRoundTrip()
        try trip.export(LegacyBcpTestWriter(format: .character))
        _ = try trip.load()
        let before = try Data(contentsOf: URL(fileURLWithPath: trip.loaded))
        #expect(throws: DeploymentError.self) { _ = try trip.load() }
        try trip.edit("tblConfig") { $0 += "half" }
        #expect(throws: DeploymentError.self) { _ = try trip.load(overwrite: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: trip.loaded)) == before)
        #expect(LegacyGroupChatBcpLoader.exportCommand(table: "tblChat", unicode: true)
                == #"bcp "SELECT channelId, chatId, chatDate, userId, isAlert, content, CAST(rtf AS varbinary(max)) AS rtf FROM GroupChat.dbo.tblChat ORDER BY channelId, chatId" queryout tblChat.bcp -w -S SQL01\GROUPCHAT -T"#)
    }

    /// PCSH_BCP_BENCH=1000000 swift test --skip-build --filter LegacyBcpLoaderTests/benchmark
    /// (PCSH_BCP_BENCH_KEEP=<folder> keeps the bcp files there, for timing the cmdlet of a release build.)
    @Test("Benchmark: a million messages (opt-in)", .enabled(if: ProcessInfo.processInfo.environment["PCSH_BCP_BENCH"] != nil))
    func benchmark() throws {
        let environment = ProcessInfo.processInfo.environment
        let messages = Int(environment["PCSH_BCP_BENCH"] ?? "") ?? 1_000_000
        let folder = LegacyTestFolder()
        _ = try LegacyTestDataGenerator(rooms: 2_000, principals: 10_000, messages: messages, seed: 1).generate(path: folder.path("big.db"))
        for format in [LegacyGroupChatBcpLoader.Format.character, .unicode] {
            let files = environment["PCSH_BCP_BENCH_KEEP"].map { "\($0)/bcp-\(format.rawValue)" } ?? folder.path("bcp-\(format.rawValue)")
            try LegacyBcpTestWriter(format: format).write(from: folder.path("big.db"), to: files)
            let started = Date()
            let summaries = try LegacyGroupChatBcpLoader(folder: files).load(into: folder.path("\(format.rawValue).db"))
            let seconds = Date().timeIntervalSince(started)
            print("bcp load \(format.rawValue): \(summaries.reduce(0) { $0 + $1.rows }) rows (tblChat \(summaries.last?.rows ?? 0)) in \(String(format: "%.2f", seconds)) s")
        }
    }
}

private extension Array where Element == UInt8 {
    func lastIndex(of byte: UInt8, before end: Int) -> Int? { self[..<end].lastIndex(of: byte) }
}
