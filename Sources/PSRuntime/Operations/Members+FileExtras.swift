import Foundation

extension Members {
    /// `[IO.File]` members beyond reading and writing plain text: Copy, Move, the file times, and
    /// ReadAllText/WriteAllText/AppendAllText with an encoding argument (`[Text.Encoding]::Unicode`).
    static func fileExtraMethod(_ call: MethodCall) throws -> PSValue? {
        let fm = FileManager.default
        let lower = call.name.lowercased()
        func path(_ i: Int) -> String { call.context.resolvePath(call.string(i)) }
        func authorize(_ p: String, _ use: FileUse) throws {
            try call.context.authorizeFile(p, use, commandName: "[System.IO.File]::\(call.name)")
        }
        func notFound(_ p: String) -> RuntimeError { call.failure("System.IO.FileNotFoundException", "Could not find file '\(p)'.") }
        func encoding(_ i: Int) -> EncodingValue? {
            guard i < call.count, case .object(let o) = call.arguments[i].baseValue else { return nil }
            return o as? EncodingValue
        }
        switch lower {
        case "copy", "move":
            try call.count(2...3)
            let source = path(0), destination = path(1)
            let overwrite = call.count == 3 && call.bool(2)
            try authorize(source, lower == "move" ? .deletes : .reads)
            try authorize(destination, .writes)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else { throw notFound(source) }
            if fm.fileExists(atPath: destination) {
                guard overwrite else { throw call.failure("System.IO.IOException", "The file '\(destination)' already exists.") }
                try? fm.removeItem(atPath: destination)
            }
            do {
                if lower == "copy" { try fm.copyItem(atPath: source, toPath: destination) } else { try fm.moveItem(atPath: source, toPath: destination) }
            } catch {
                throw call.failure("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(destination)'.")
            }
            return .null
        case "getlastwritetime", "getlastwritetimeutc", "getcreationtime", "getcreationtimeutc", "getlastaccesstime":
            try call.count(1...1)
            try authorize(path(0), .reads)
            let attributes = try? fm.attributesOfItem(atPath: path(0))
            let key: FileAttributeKey = lower.hasPrefix("getcreation") ? .creationDate : .modificationDate
            // A missing file reports 1601-01-01 (the Windows file-time epoch), as .NET does.
            guard let date = attributes?[key] as? Date ?? attributes?[.modificationDate] as? Date else {
                return .dateTime(DateFormatting.date(fromTicks: 504_911_232_000_000_000))
            }
            return .dateTime(lower.hasSuffix("utc") ? date.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: date))) : date)
        case "writealltext", "appendalltext":
            guard call.count == 3, let e = encoding(2) else { return nil }
            let p = path(0)
            try authorize(p, .writes)
            let append = lower == "appendalltext" && fm.fileExists(atPath: p)
            var data = Data()
            if !append { data.append(contentsOf: preamble(e)) }
            data.append(call.string(1).data(using: e.encoding) ?? Data())
            if append, let handle = FileHandle(forWritingAtPath: p) {
                handle.seekToEndOfFile()
                handle.write(data)
                handle.closeFile()
                return .null
            }
            guard fm.createFile(atPath: p, contents: data) else {
                throw call.failure("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(p)'.")
            }
            return .null
        case "readalltext":
            let p = path(0)
            try authorize(p, .reads)
            if call.count == 1 {
                // Like .NET, a byte order mark picks the encoding; otherwise UTF-8.
                guard let text = TextDecoding.contents(ofFile: p) else { throw notFound(p) }
                return .string(text)
            }
            guard call.count == 2, let e = encoding(1) else { return nil }
            guard var data = fm.contents(atPath: p) else { throw notFound(p) }
            let bom = preamble(e)
            if !bom.isEmpty, data.starts(with: bom) { data.removeFirst(bom.count) }
            return .string(String(data: data, encoding: e.encoding) ?? String(decoding: data, as: UTF8.self))
        default:
            return nil
        }
    }

    /// The byte-order mark .NET's encoding objects write first (`[Text.Encoding]::UTF8` has one).
    private static func preamble(_ e: EncodingValue) -> [UInt8] {
        switch e.name {
        case "UTF8": return [0xEF, 0xBB, 0xBF]
        case "Unicode": return [0xFF, 0xFE]
        case "BigEndianUnicode": return [0xFE, 0xFF]
        case "UTF32": return [0xFF, 0xFE, 0x00, 0x00]
        default: return []
        }
    }
}
