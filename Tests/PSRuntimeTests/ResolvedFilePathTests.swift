import Foundation
import Testing
@testable import PSRuntime

/// Paths as the kernel reaches them: the file check decides on these, never on the typed text.
@Suite("Resolved file paths")
struct ResolvedFilePathTests {
    /// A temporary folder (links resolved, as /tmp may itself be a link) with `home/cms.sqlite`.
    static func folder() throws -> String {
        let raw = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-resolve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: raw + "/home", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: raw + "/home/cms.sqlite", contents: Data("x".utf8))
        return ResolvedFilePath.resolve(raw).path
    }

    @Test("Existing paths, `..` and missing tails resolve under the real folder")
    func plain() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(ResolvedFilePath.resolve(base + "/home/cms.sqlite").path == base + "/home/cms.sqlite")
        #expect(ResolvedFilePath.resolve(base + "/other/../home/cms.sqlite").path == base + "/home/cms.sqlite")
        #expect(ResolvedFilePath.resolve(base + "/home/new/deeper/file.txt").path == base + "/home/new/deeper/file.txt")
        #expect(ResolvedFilePath.resolve(base + "/home/new/../x").path == base + "/home/x")
        #expect(ResolvedFilePath.resolve(base + "/home/cms.sqlite").isRegularFile)
        #expect(ResolvedFilePath.resolve(base + "/home/missing").inode == nil)
    }

    @Test("Symbolic links are followed: in the middle, at the end, dangling, relative and chained")
    func symbolicLinks() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: base + "/to-home", withDestinationPath: base + "/home")
        try fm.createSymbolicLink(atPath: base + "/to-store", withDestinationPath: "home/cms.sqlite")
        try fm.createSymbolicLink(atPath: base + "/chain", withDestinationPath: base + "/to-home")
        try fm.createSymbolicLink(atPath: base + "/dangling", withDestinationPath: base + "/home/not-yet")
        #expect(ResolvedFilePath.resolve(base + "/to-home/cms.sqlite").path == base + "/home/cms.sqlite")
        #expect(ResolvedFilePath.resolve(base + "/to-store").path == base + "/home/cms.sqlite")
        #expect(ResolvedFilePath.resolve(base + "/chain/new.txt").path == base + "/home/new.txt")
        #expect(ResolvedFilePath.resolve(base + "/dangling").path == base + "/home/not-yet")
        #expect(ResolvedFilePath.resolve(base + "/to-home/../x").path == base + "/x")
    }

    @Test("A hard link shows the same device and inode, and more than one link")
    func hardLinks() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(link(base + "/home/cms.sqlite", base + "/copy.db") == 0)
        let original = ResolvedFilePath.resolve(base + "/home/cms.sqlite")
        let linked = ResolvedFilePath.resolve(base + "/copy.db")
        #expect(linked.path == base + "/copy.db")
        #expect(linked.inode == original.inode && linked.device == original.device)
        #expect(linked.linkCount == 2)
    }

    @Test("Folder containment compares whole components")
    func containment() {
        #expect(ResolvedFilePath.isInside("/srv/home/x", folder: "/srv/home"))
        #expect(ResolvedFilePath.isInside("/srv/home", folder: "/srv/home"))
        #expect(!ResolvedFilePath.isInside("/srv/home2/x", folder: "/srv/home"))
        #expect(ResolvedFilePath.isInside("/anything", folder: "/"))
    }
}
