import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

/// A fresh directory under the system temp directory, removed by `remove()`.
struct FileSystemTestDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-fs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String = "") throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func directory(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
    }

    func read(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("File-system helpers")
struct FileSystemHelperTests {
    @Test func unixModeText() {
        #expect(FileSystemItem.unixMode(0o100644) == "-rw-r--r--")
        #expect(FileSystemItem.unixMode(0o040755) == "drwxr-xr-x")
        #expect(FileSystemItem.unixMode(0o104755) == "-rwsr-xr-x")
    }

    @Test func extensions() {
        #expect(FileSystemItem.extensionOf("a.tar.gz") == ".gz")
        #expect(FileSystemItem.extensionOf(".bashrc") == ".bashrc")
        #expect(FileSystemItem.extensionOf("README") == "")
        #expect(FileSystemItem.extensionOf("trailing.") == "")
    }

    @Test func joinAndSplit() {
        #expect(JoinPathCommand.join("/usr/", "/local") == "/usr/local")
        #expect(JoinPathCommand.join("/", "etc") == "/etc")
        #expect(JoinPathCommand.join("a", "") == "a")
        #expect(SplitPathCommand.parent(of: "/a/b/c.txt") == "/a/b")
        #expect(SplitPathCommand.parent(of: "/a") == "/")
        #expect(SplitPathCommand.parent(of: "/") == "")
        #expect(SplitPathCommand.parent(of: "file") == "")
        #expect(SplitPathCommand.leaf(of: "/a/b/") == "b")
        #expect(ResolvePathCommand.relativePath("/a/b/c", from: "/a") == "./b/c")
        #expect(ResolvePathCommand.relativePath("/a/x", from: "/a/b") == "../x")
    }

    @Test func contentLines() {
        #expect(GetContentCommand.lines("a\nb\n") == ["a", "b"])
        #expect(GetContentCommand.lines("a\r\nb") == ["a", "b"])
        #expect(GetContentCommand.lines("a\n\nb") == ["a", "", "b"])
        #expect(GetContentCommand.lines("").isEmpty)
        #expect(GetContentCommand.split("a;b;c;", by: ";") == ["a", "b", "c"])
    }

    @Test func encodingsRoundTrip() {
        for encoding in [TextEncoding.utf8, .utf8BOM, .unicode, .bigendianunicode, .utf32] {
            let data = encoding.encode("héllo ✓", withPreamble: true)
            #expect(TextEncoding.decode(data, as: encoding) == "héllo ✓")
        }
        #expect(TextEncoding.utf8BOM.encode("a", withPreamble: true) == Data([0xEF, 0xBB, 0xBF, 0x61]))
        #expect(TextEncoding.utf8.encode("a", withPreamble: true) == Data([0x61]))
    }

    @Test func itemObjectsDescribeFiles() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("notes.txt", "hello")
        try dir.directory("sub")
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let file = try #require(FileSystemItem.make(dir.path + "/notes.txt", session: session))
        #expect(file.typeNames.first == "System.IO.FileInfo")
        #expect(file["Name"]?.asString == "notes.txt")
        #expect(file["BaseName"]?.asString == "notes")
        #expect(file["Extension"]?.asString == ".txt")
        #expect(file["DirectoryName"]?.asString == dir.path)
        if case .long(let length) = file["Length"] { #expect(length == 5) } else { Issue.record("Length is not an Int64") }
        #expect(file["Mode"]?.asString == "-----")
        let directory = try #require(FileSystemItem.make(dir.path + "/sub", session: session))
        #expect(directory.typeNames.first == "System.IO.DirectoryInfo")
        #expect(directory["Mode"]?.asString == "d----")
        #expect(directory["PSIsContainer"].map { if case .bool(true) = $0 { return true } else { return false } } == true)
        #expect(FileSystemItem.make(dir.path + "/missing", session: session) == nil)
    }

    @Test func wildcardExpansion() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt")
        try dir.file("b.txt")
        try dir.file("c.log")
        try dir.file(".hidden.txt")
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let found = FileSystemPaths.expandWildcards(dir.path + "/*.txt", session, includeHidden: false)
        #expect(found == [dir.path + "/a.txt", dir.path + "/b.txt"])
        let withHidden = FileSystemPaths.expandWildcards(dir.path + "/*.txt", session, includeHidden: true)
        #expect(withHidden.count == 3)
    }
}
