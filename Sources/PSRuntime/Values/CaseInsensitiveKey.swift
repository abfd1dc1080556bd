/// A string key that hashes and compares ignoring case, as PowerShell's `OrdinalIgnoreCase`.
/// ASCII names (nearly all of them) are folded byte by byte without allocating.
public struct CaseInsensitiveKey: Hashable, Sendable, CustomStringConvertible {
    public let string: String

    public init(_ string: String) { self.string = string }

    public var description: String { string }

    public func hash(into hasher: inout Hasher) {
        var isASCII = true
        for byte in string.utf8 where byte >= 0x80 { isASCII = false; break }
        if isASCII {
            for byte in string.utf8 {
                hasher.combine(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            hasher.combine(0xFF as UInt8)
        } else {
            hasher.combine(string.lowercased())
        }
    }

    public static func == (lhs: CaseInsensitiveKey, rhs: CaseInsensitiveKey) -> Bool {
        lhs.string.equalsIgnoringCase(rhs.string)
    }
}

extension String {
    /// Ordinal comparison ignoring case, as .NET's OrdinalIgnoreCase: characters are compared one
    /// for one, so strings of different lengths never match (no 'ß' = 'SS'). ASCII compares byte by
    /// byte; a non-ASCII difference falls back to lowercasing both.
    public func equalsIgnoringCase(_ other: String) -> Bool {
        let a = self.utf8, b = other.utf8
        if a.count != b.count { return false }
        var i = a.startIndex, j = b.startIndex
        while i != a.endIndex {
            let x = a[i], y = b[j]
            if x != y {
                if x >= 0x80 || y >= 0x80 { return self.lowercased() == other.lowercased() }
                let fx = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                let fy = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
                if fx != fy { return false }
            }
            i = a.index(after: i)
            j = b.index(after: j)
        }
        return true
    }

    /// True when `self` starts with `prefix`, ignoring case.
    public func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        guard prefix.utf8.count <= utf8.count else { return false }
        return String(self.prefix(prefix.count)).equalsIgnoringCase(prefix)
    }
}
