import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

/// Compress-Archive and Expand-Archive round trips, updates, overwrite errors and zip-slip refusal.
@Suite("Archive cmdlets")
struct DocumentsArchiveTests {
    private func strings(_ script: String) throws -> [String] { try outputStrings(script) }

    @Test func folderRoundTripKeepsFolderNameAndNesting() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("src/a.txt", "alpha")
        try dir.file("src/deep/b.txt", "beta")
        try dir.directory("src/empty")
        let out = try strings("""
            Set-Location '\(dir.path)'
            Compress-Archive -Path ./src -DestinationPath ./pack
            (Get-Item ./pack.zip).Name
            Expand-Archive ./pack.zip -DestinationPath ./out
            Expand-Archive ./pack.zip
            Expand-Archive ./pack.zip ./listed -PassThru | ForEach-Object { $_.FullName.Substring($PWD.Path.Length + 8) }
            """)
        #expect(out == ["pack.zip", "src", "src/a.txt", "src/deep", "src/deep/b.txt", "src/empty"])
        #expect(dir.read("out/src/a.txt") == "alpha")
        #expect(dir.read("out/src/deep/b.txt") == "beta")
        #expect(FileSystemPaths.isDirectory(dir.path + "/out/src/empty"))
        // Without -DestinationPath the archive goes into a folder named after it.
        #expect(dir.read("pack/src/deep/b.txt") == "beta")
    }

    @Test func wildcardsAddMatchesAtTheRoot() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.csv", "1")
        try dir.file("b.csv", "2")
        try dir.file("c.txt", "3")
        _ = try runScript("Set-Location '\(dir.path)'; Compress-Archive ./*.csv ./data.zip -CompressionLevel NoCompression; Expand-Archive ./data.zip ./x")
        #expect(dir.read("x/a.csv") == "1")
        #expect(dir.read("x/b.csv") == "2")
        #expect(!dir.exists("x/c.txt"))
    }

    @Test func existingArchiveNeedsUpdateOrForce() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("one.txt", "1")
        try dir.file("two.txt", "2")
        let out = try strings("""
            Set-Location '\(dir.path)'
            Compress-Archive ./one.txt ./p.zip
            try { Compress-Archive ./two.txt ./p.zip -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
            Set-Content ./one.txt 'changed'
            Compress-Archive ./one.txt, ./two.txt ./p.zip -Update
            Expand-Archive ./p.zip ./u
            Compress-Archive ./two.txt ./p.zip -Force -PassThru | ForEach-Object Name
            Expand-Archive ./p.zip ./f
            """)
        #expect(out == ["ArchiveFileExists,Microsoft.PowerShell.Archive.CompressArchiveCommand", "InvalidArgument", "p.zip"])
        #expect(dir.read("u/one.txt") == "changed\n")
        #expect(dir.read("u/two.txt") == "2")
        #expect(dir.read("f/two.txt") == "2")
        #expect(!dir.exists("f/one.txt"))
    }

    @Test func expandRefusesToOverwriteWithoutForce() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("n.txt", "new")
        try dir.file("dest/n.txt", "old")
        let out = try strings("""
            Set-Location '\(dir.path)'
            Compress-Archive ./n.txt ./n.zip
            Expand-Archive ./n.zip ./dest -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].FullyQualifiedErrorId
            Get-Content ./dest/n.txt
            Expand-Archive ./n.zip ./dest -Force
            Get-Content ./dest/n.txt
            """)
        #expect(out == ["ExpandArchiveFileExists,Microsoft.PowerShell.Archive.ExpandArchiveCommand", "old", "new"])
    }

    @Test func expandRefusesEntriesThatLeaveTheDestination() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.directory("dest")
        let zip = StoredZip.make([("../evil.txt", "bad"), ("/abs.txt", "bad"), ("sub/../../evil2.txt", "bad"), ("ok.txt", "fine")])
        try zip.write(to: URL(fileURLWithPath: dir.path + "/slip.zip"))
        let out = try strings("""
            Set-Location '\(dir.path)'
            Expand-Archive ./slip.zip ./dest -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count
            $problems[0].FullyQualifiedErrorId
            """)
        #expect(out == ["3", "ExpandArchiveEntryOutsideDestination,Microsoft.PowerShell.Archive.ExpandArchiveCommand"])
        #expect(dir.read("dest/ok.txt") == "fine")
        #expect(!dir.exists("evil.txt"))
        #expect(!dir.exists("evil2.txt"))
    }

    @Test func whatIfAndBadInput() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt", "a")
        try dir.file("notzip.txt", "x")
        let out = try strings("""
            Set-Location '\(dir.path)'
            Compress-Archive ./a.txt ./w.zip -WhatIf
            Test-Path ./w.zip
            try { Expand-Archive ./notzip.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            try { Compress-Archive ./missing.txt ./m.zip -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            try { Compress-Archive ./a.txt ./a.tar } catch { $_.FullyQualifiedErrorId }
            """)
        #expect(out == ["False", "NotSupportedArchiveFileExtension,Microsoft.PowerShell.Archive.ExpandArchiveCommand",
                        "PathNotFound,Microsoft.PowerShell.Archive.CompressArchiveCommand",
                        "NotSupportedArchiveFileExtension,Microsoft.PowerShell.Archive.CompressArchiveCommand"])
    }

    @Test func extractionPathRules() {
        #expect(ArchiveSupport.extractionPath(for: "a/b.txt", in: "/d") == "/d/a/b.txt")
        #expect(ArchiveSupport.extractionPath(for: "a\\b.txt", in: "/d") == "/d/a/b.txt")
        #expect(ArchiveSupport.extractionPath(for: "a/../b.txt", in: "/d") == "/d/b.txt")
        #expect(ArchiveSupport.extractionPath(for: "../b.txt", in: "/d") == nil)
        #expect(ArchiveSupport.extractionPath(for: "/etc/passwd", in: "/d") == nil)
    }
}

/// Builds a zip of stored (uncompressed) entries byte by byte, so a test can craft names no tool would write.
enum StoredZip {
    static func make(_ entries: [(name: String, text: String)]) -> Data {
        var body = Data()
        var central = Data()
        for (name, text) in entries {
            let nameBytes = Data(name.utf8), content = Data(text.utf8)
            let crc = crc32(content), offset = UInt32(body.count)
            body.append(le32(0x0403_4b50)); body.append(le16(20)); body.append(le16(0)); body.append(le16(0))
            body.append(le16(0)); body.append(le16(0x21)); body.append(le32(crc))
            body.append(le32(UInt32(content.count))); body.append(le32(UInt32(content.count)))
            body.append(le16(UInt16(nameBytes.count))); body.append(le16(0)); body.append(nameBytes); body.append(content)
            central.append(le32(0x0201_4b50)); central.append(le16(20)); central.append(le16(20)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21)); central.append(le32(crc))
            central.append(le32(UInt32(content.count))); central.append(le32(UInt32(content.count)))
            central.append(le16(UInt16(nameBytes.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0)); central.append(le32(offset))
            central.append(nameBytes)
        }
        var zip = body
        zip.append(central)
        zip.append(le32(0x0605_4b50)); zip.append(le16(0)); zip.append(le16(0))
        zip.append(le16(UInt16(entries.count))); zip.append(le16(UInt16(entries.count)))
        zip.append(le32(UInt32(central.count))); zip.append(le32(UInt32(body.count))); zip.append(le16(0))
        return zip
    }

    private static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xff), UInt8(v >> 8)]) }
    private static func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xff) }) }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
