import Foundation

/// One file written by SQL Server's bcp utility in a character format: `-c` (8-bit text in a code
/// page) or `-w` (UTF-16LE, usually after a byte-order mark). The file is mapped, its format
/// settled (declared or detected), and its rows handed out one by one as ranges of code units.
struct LegacyBcpDataFile {
    /// The code units of a file, as bcp wrote them.
    enum Units {
        case bytes([UInt8])
        case utf16([UInt16])
    }

    let url: URL
    let units: Units

    var name: String { url.lastPathComponent }

    var format: LegacyGroupChatBcpLoader.Format {
        if case .utf16 = units { return .unicode }
        return .character
    }

    /// Reads `url` in `declared` format (`.auto`: by the byte-order mark or the NUL pattern of
    /// UTF-16). A file that contradicts the declared format is refused: loading UTF-16 as 8-bit
    /// text (or the reverse) would put garbage in every row.
    init(url: URL, declared: LegacyGroupChatBcpLoader.Format) throws {
        self.url = url
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw DeploymentError(.resourceUnavailable, id: "LegacyBcpFileUnreadable",
                                  "Cannot read '\(url.path)': \(error.localizedDescription). Check that the file was copied completely and can be read.",
                                  target: url.path)
        }
        let name = url.lastPathComponent
        let evidence = Self.utf16Evidence(data)
        switch (declared, evidence) {
        case (.character, .some(let reason)):
            throw DeploymentError(.invalidData, id: "LegacyBcpFormatMismatch",
                                  "\(name) is Unicode (bcp -w) output (\(reason)), but -Format Character was given. Load it with -Format Unicode or -Format Auto.",
                                  target: url.path)
        case (.unicode, nil) where !data.isEmpty:
            throw DeploymentError(.invalidData, id: "LegacyBcpFormatMismatch",
                                  "\(name) is not Unicode (bcp -w) output: it has no UTF-16 byte-order mark and its text is not UTF-16. Load it with -Format Character or -Format Auto, or export it again with -w.",
                                  target: url.path)
        case (.character, nil), (.auto, nil), (.unicode, nil):
            // A UTF-8 byte-order mark (an editor's, never bcp's) is not part of the first field.
            let skip = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            units = .bytes([UInt8](data.dropFirst(skip)))
        case (.unicode, .some), (.auto, .some):
            guard data.count % 2 == 0 else {
                throw DeploymentError(.invalidData, id: "LegacyBcpRowTruncated",
                                      "\(name) is Unicode (bcp -w) output but has an odd number of bytes (\(data.count)): its last character is cut in half. Copy the file again from the SQL Server.",
                                      target: url.path)
            }
            let skip = data.starts(with: [0xFF, 0xFE]) ? 2 : 0
            units = .utf16(data.withUnsafeBytes { raw in
                let count = (raw.count - skip) / 2
                return [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for index in 0..<count {
                        buffer[index] = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: skip + index * 2, as: UInt16.self))
                    }
                    initialized = count
                }
            })
        }
    }

    /// Why `data` looks like UTF-16LE, or nil. bcp -w starts its files with the byte-order mark;
    /// without one, UTF-16 text of mostly Latin characters has a NUL in most odd bytes, which
    /// 8-bit text never has (there a NUL is a whole field: an empty string).
    static func utf16Evidence(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) { return "it starts with the UTF-16 byte-order mark" }
        let sample = data.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var oddNuls = 0, evenNuls = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 1 { oddNuls += 1 } else { evenNuls += 1 }
        }
        return oddNuls * 2 >= sample.count / 2 && evenNuls * 4 < oddNuls ? "every other byte is NUL, the UTF-16 pattern" : nil
    }
}
