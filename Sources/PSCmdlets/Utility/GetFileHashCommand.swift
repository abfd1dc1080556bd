import Crypto
import Foundation
import PSRuntime

/// The hash algorithms Get-FileHash offers, as pwsh names them.
enum FileHashAlgorithm: String, ParameterEnum {
    case sha1 = "SHA1", sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512", md5 = "MD5"

    static var parameterTypeName: String { "String" }

    /// The upper-case hex digest of everything `feed` hands over, one chunk at a time.
    func digest(_ feed: ((UnsafeRawBufferPointer) -> Void) throws -> Void) rethrows -> String {
        switch self {
        case .sha1: try Self.run(Insecure.SHA1(), feed)
        case .sha256: try Self.run(SHA256(), feed)
        case .sha384: try Self.run(SHA384(), feed)
        case .sha512: try Self.run(SHA512(), feed)
        case .md5: try Self.run(Insecure.MD5(), feed)
        }
    }

    private static func run<H: HashFunction>(_ start: H, _ feed: ((UnsafeRawBufferPointer) -> Void) throws -> Void) rethrows -> String {
        var hasher = start
        try feed { hasher.update(bufferPointer: $0) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// Get-FileHash: the digest of each file, read in chunks so a file of any size is hashed in
/// constant memory.
final class GetFileHashCommand: Cmdlet {
    static let typeName = "Microsoft.PowerShell.Commands.FileHashInfo"
    /// Bytes read at a time.
    static let chunkSize = 1 << 20

    static let declaration = CmdletDeclaration(
        GetFileHashCommand.self, name: "Get-FileHash",
        synopsis: "Computes the hash of files with a chosen algorithm.",
        description: """
            Reads each file named by -Path (wildcards expand) or -LiteralPath (taken exactly as written) and \
            writes a FileHashInfo object with the algorithm, the digest as upper-case hexadecimal and the file's \
            full path. The file is read a megabyte at a time, so large files are hashed without being loaded \
            into memory. Equal hashes mean equal contents: compare a file with a copy, or check it against a \
            published digest. SHA256 is used unless -Algorithm says otherwise; SHA1 and MD5 are kept for \
            comparing with older digests, not for security.
            """,
        module: "Microsoft.PowerShell.Utility", defaultParameterSet: "Path", outputTypes: [typeName],
        examples: [
            HelpExample("Get-FileHash ./export.zip", "Writes the SHA256 hash of export.zip."),
            HelpExample("Get-FileHash ./backups/*.sqlite -Algorithm SHA512 | Format-List",
                        "Hashes every .sqlite file of the backups folder with SHA512 and lists the results."),
            HelpExample("(Get-FileHash ./export.zip).Hash -eq (Get-FileHash ./copy/export.zip).Hash",
                        "True when the copy has the same contents as the original."),
            HelpExample("Get-ChildItem ./exports -File | Get-FileHash -Algorithm MD5",
                        "Hashes the files Get-ChildItem finds, taken from the pipeline."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The files to hash; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The files to hash, taken exactly as written (no wildcards)."),
            Parameter("Algorithm", \.algorithm, position: 1,
                      help: "The hash algorithm: SHA1, SHA256, SHA384, SHA512 or MD5.", defaultValue: "SHA256"),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var algorithm = FileHashAlgorithm.sha256

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let files = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads)
        for file in files {
            if FileSystemPaths.isDirectory(file) {
                try context.writeError("Cannot hash '\(file)' because it is a directory.", id: "FileNotFound",
                                       category: .ReadError, target: .string(file), exceptionType: "System.UnauthorizedAccessException")
                continue
            }
            let hash: String
            do {
                hash = try Self.hash(file: URL(fileURLWithPath: file), algorithm: algorithm)
            } catch {
                try context.writeError("Cannot read '\(file)': \(TextFiles.reason(error)).", id: "FileReadError",
                                       category: .ReadError, target: .string(file), exceptionType: "System.IO.IOException")
                continue
            }
            try context.write(.object(PSObject([
                ("Algorithm", .string(algorithm.rawValue)),
                ("Hash", .string(hash)),
                ("Path", .string(file)),
            ], typeName: Self.typeName)))
        }
    }

    /// The digest of a file, streamed in `chunkSize` pieces.
    static func hash(file: URL, algorithm: FileHashAlgorithm) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        return try algorithm.digest { update in
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                chunk.withUnsafeBytes { update($0) }
            }
        }
    }
}
