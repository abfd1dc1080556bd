/// Escaping for XML and HTML text, shared by everything that writes markup (the `[xml]` adapter,
/// the topology's XML form, -Report pages, the export file's XML parts), so there is one answer
/// to "what does this character become".
public enum Markup {
    /// Text for an element's content: `&`, `<`, `>` escaped, and a carriage return as a character
    /// reference (XML parsers turn a literal CR or CRLF into LF).
    public static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// Text for a double-quoted attribute value: also `"`, and tab, line feed and carriage
    /// return as character references (attribute normalisation turns literal ones into spaces).
    public static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        // Fast path: nothing to escape is the common case.
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when an XML 1.0 document can hold the text at all: no control characters other than
    /// tab, LF and CR, and no U+FFFE/U+FFFF (not even as character references).
    public static func isXmlCharacterData(_ value: String) -> Bool {
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v < 0x20 { if v != 0x09 && v != 0x0A && v != 0x0D { return false } } else if v == 0xFFFE || v == 0xFFFF { return false }
        }
        return true
    }

    /// Text for HTML content and attribute values (the same rules as XML attributes).
    public static func html(_ value: String) -> String { escape(value, attribute: true) }
}
