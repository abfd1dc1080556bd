import Foundation
import PSRuntime
import Testing

/// Get-FileHash against digests from the coreutils tools (sha256sum, sha1sum, md5sum…).
@Suite("Get-FileHash")
struct UtilityFileHashTests {
    static let abc = [
        "SHA1": "A9993E364706816ABA3E25717850C26C9CD0D89D",
        "SHA256": "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "SHA384": "CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7",
        "SHA512": "DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F",
        "MD5": "900150983CD24FB0D6963F7D28E17F72",
    ]

    @Test("Every algorithm gives the coreutils digest, upper-case; SHA256 is the default")
    func algorithms() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("abc.txt", "abc")
        for (algorithm, digest) in Self.abc {
            #expect(try outputStrings("(Get-FileHash '\(dir.path)/abc.txt' -Algorithm \(algorithm.lowercased())).Hash") == [digest])
        }
        let result = try runScript("Get-FileHash '\(dir.path)/abc.txt'").values
        let object = try #require(result.first?.asPSObject)
        #expect(object.typeNames.first == "Microsoft.PowerShell.Commands.FileHashInfo")
        #expect(object.properties.map(\.name) == ["Algorithm", "Hash", "Path"])
        #expect(try outputStrings("$h = Get-FileHash '\(dir.path)/abc.txt'; $h.Algorithm; $h.Hash; $h.Path")
                == ["SHA256", Self.abc["SHA256"]!, "\(dir.path)/abc.txt"])
        try dir.file("empty.txt")
        #expect(try outputStrings("(Get-FileHash '\(dir.path)/empty.txt').Hash") == ["E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"])
        #expect(try outputStrings("try { Get-FileHash '\(dir.path)/abc.txt' -Algorithm SHA3 } catch { 'refused' }") == ["refused"])
    }

    @Test("A file of several chunks hashes as sha256sum and md5sum say")
    func largeFileInChunks() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        let bytes = (0..<(2_621_440 + 17)).map { UInt8($0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir.path + "/big.bin"))
        #expect(try outputStrings("(Get-FileHash '\(dir.path)/big.bin').Hash") == ["ADD69BF5AF8E31AFA0371B8AD18F0A94CEC36C94A31107B5A77820C686557AFE"])
        #expect(try outputStrings("(Get-FileHash -LiteralPath '\(dir.path)/big.bin' -Algorithm MD5).Hash") == ["6388D09A5FA365A9AC5B4CF4CC777459"])
    }

    @Test("-Path expands wildcards; -LiteralPath and its aliases do not; pipeline by value and by property name")
    func pathsAndPipeline() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt", "abc")
        try dir.file("b.txt", "abc")
        try dir.file("[x].txt", "abc")
        #expect(try outputStrings("Get-FileHash '\(dir.path)/?.txt' | ForEach-Object { Split-Path $_.Path -Leaf }") == ["a.txt", "b.txt"])
        #expect(try outputStrings("(Get-FileHash -LiteralPath '\(dir.path)/[x].txt').Hash") == [Self.abc["SHA256"]!])
        #expect(try outputStrings("(Get-FileHash -LP '\(dir.path)/[x].txt').Hash") == [Self.abc["SHA256"]!])
        #expect(try outputStrings("'\(dir.path)/a.txt' | Get-FileHash -Algorithm MD5 | ForEach-Object Hash") == [Self.abc["MD5"]!])
        #expect(try outputStrings("Get-ChildItem '\(dir.path)' -Filter '?.txt' | Get-FileHash | ForEach-Object Hash") == [Self.abc["SHA256"]!, Self.abc["SHA256"]!])
        #expect(try outputStrings("[pscustomobject]@{ Path = '\(dir.path)/b.txt' } | Get-FileHash | ForEach-Object Hash") == [Self.abc["SHA256"]!])
    }

    @Test("A missing file is PathNotFound and a folder an error; the others are still hashed")
    func errors() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt", "abc")
        try dir.directory("sub")
        let result = try runScript("Get-FileHash -LiteralPath '\(dir.path)/missing.txt', '\(dir.path)/sub', '\(dir.path)/a.txt' | ForEach-Object Hash")
        #expect(result.values.map { LanguagePrimitives.toString($0, context: nil) } == [Self.abc["SHA256"]!])
        let errors = result.host.text(of: .error)
        #expect(errors.contains("Cannot find path '\(dir.path)/missing.txt' because it does not exist."))
        #expect(errors.contains("is a directory"))
    }

    @Test("The default view is pwsh's table: Algorithm, Hash, Path")
    func tableView() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("abc.txt", "abc")
        let text = try outputStrings("Get-FileHash '\(dir.path)/abc.txt' | Out-String -Width 200").joined()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Algorithm       Hash") && $0.hasSuffix("Path") })
        #expect(lines.contains { $0.hasPrefix("SHA256          \(Self.abc["SHA256"]!)") && $0.hasSuffix("\(dir.path)/abc.txt") })
    }
}
