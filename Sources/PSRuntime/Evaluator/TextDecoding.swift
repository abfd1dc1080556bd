import Foundation

/// Text files as pwsh reads scripts, modules and data files: a byte order mark chooses UTF-8,
/// UTF-16 or UTF-32 (either byte order); without one the bytes are UTF-8, and bytes that are
/// not valid UTF-8 become U+FFFD instead of making the whole file unreadable.
public enum TextDecoding {
    public static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data.prefix(4))
        func has(_ mark: [UInt8]) -> Bool { bytes.count >= mark.count && Array(bytes.prefix(mark.count)) == mark }
        if has([0xEF, 0xBB, 0xBF]) { return String(decoding: data.dropFirst(3), as: UTF8.self) }
        if has([0xFF, 0xFE, 0x00, 0x00]) { return decode(data.dropFirst(4), encoding: .utf32LittleEndian) }
        if has([0x00, 0x00, 0xFE, 0xFF]) { return decode(data.dropFirst(4), encoding: .utf32BigEndian) }
        if has([0xFF, 0xFE]) { return decode(data.dropFirst(2), encoding: .utf16LittleEndian) }
        if has([0xFE, 0xFF]) { return decode(data.dropFirst(2), encoding: .utf16BigEndian) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads and decodes a file; nil when it cannot be read at all.
    public static func contents(ofFile path: String) -> String? {
        FileManager.default.contents(atPath: path).map(decode)
    }

    private static func decode(_ data: Data, encoding: String.Encoding) -> String {
        String(data: Data(data), encoding: encoding) ?? String(decoding: data, as: UTF8.self)
    }
}
