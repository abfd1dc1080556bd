import Foundation
import PSRuntime

/// A JSON document as a tree, keeping object member order and the integer/real distinction
/// (Foundation's JSONSerialization keeps neither).
indirect enum JsonValue {
    case null
    case bool(Bool)
    /// Already formatted number text (`3`, `1.5`, `1E+20`).
    case number(String)
    case string(String)
    case array([JsonValue])
    case object([(String, JsonValue)])
}

/// How strings are escaped (ConvertTo-Json -EscapeHandling).
enum JsonEscapeHandling: String, CaseIterable {
    case Default, EscapeNonAscii, EscapeHtml
}

/// Writes `JsonValue` trees in the two layouts pwsh produces: indented with two spaces and
/// `"key": value`, or compressed with no whitespace at all.
struct JsonTextWriter {
    var indented: Bool
    var escaping: JsonEscapeHandling = .Default

    func write(_ value: JsonValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    private func write(_ value: JsonValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1, &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1, &out)
                out += quoted(key)
                out += indented ? ": " : ":"
                write(item, level: level + 1, into: &out)
            }
            newline(level, &out)
            out += "}"
        }
    }

    private func newline(_ level: Int, _ out: inout String) {
        guard indented else { return }
        out += "\n"
        out += String(repeating: " ", count: level * 2)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (plus the
    /// line separators JavaScript cannot take raw), as Json.NET does by default.
    func quoted(_ s: String) -> String {
        var out = "\""
        for unit in s.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{85}", "\u{2028}", "\u{2029}": out += hexEscape(unit.value)
            default:
                if unit.value < 0x20 {
                    out += hexEscape(unit.value)
                } else if escaping == .EscapeHtml, "<>&'".unicodeScalars.contains(unit) {
                    out += hexEscape(unit.value)
                } else if escaping == .EscapeNonAscii, unit.value > 0x7E {
                    // Characters outside the BMP become a surrogate pair of escapes.
                    for u in String(unit).utf16 { out += hexEscape(UInt32(u)) }
                } else {
                    out.unicodeScalars.append(unit)
                }
            }
        }
        out += "\""
        return out
    }

    private func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Number text as .NET and Json.NET write it.
enum JsonNumberFormat {
    /// A double in .NET's shortest round-trip form (`1E+20`, `1.5E-05`), with `.0` added to
    /// whole numbers as Json.NET does. NaN and infinities are strings, as Json.NET writes them.
    static func double(_ d: Double) -> JsonValue {
        if d.isNaN { return .string("NaN") }
        if d.isInfinite { return .string(d < 0 ? "-Infinity" : "Infinity") }
        let text = dotNetRoundTrip(d)
        if text.contains(".") || text.contains("E") { return .number(text) }
        return .number(text + ".0")
    }

    /// .NET Core's `double.ToString("R")`: the shortest digits that round-trip, in scientific
    /// notation when the exponent is below -4 or at least 15.
    static func dotNetRoundTrip(_ d: Double) -> String {
        NumberFormatting.formatDouble(d, precision: nil)
    }
}
