import Foundation
import PSRuntime

/// A failure to read JSON, with where it happened.
struct JsonParseError: Error {
    var message: String
    var path: String
    var line: Int
    var position: Int

    var description: String { "\(message) Path '\(path)', line \(line), position \(position)." }
}

/// Reads JSON text into pipeline values, as ConvertFrom-Json does with Json.NET: objects become
/// PSCustomObjects (or hashtables) with members in order, integers Int64, reals Double, and
/// ISO 8601 date strings DateTime. Accepts Json.NET's leniencies: comments, single quotes,
/// unquoted member names, trailing commas, NaN/Infinity.
struct JsonParser {
    var asHashtable = false
    var maxDepth = 1024

    private var scalars: [Unicode.Scalar] = []
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var pathStack: [String] = []

    init(asHashtable: Bool = false, maxDepth: Int = 1024) {
        self.asHashtable = asHashtable
        self.maxDepth = maxDepth
    }

    /// Parses a whole document; empty (or whitespace-only) input is `$null`.
    mutating func parse(_ text: String) throws -> PSValue {
        scalars = Array(text.unicodeScalars)
        index = 0
        line = 1
        lineStart = 0
        pathStack = []
        try skipTrivia()
        if index >= scalars.count { return .null }
        let value = try parseValue(depth: 0)
        try skipTrivia()
        if index < scalars.count {
            throw error("Additional text encountered after finished reading JSON content: \(scalars[index]).")
        }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws -> PSValue {
        try skipTrivia()
        guard index < scalars.count else { throw error("Unexpected end when reading JSON.") }
        let c = scalars[index]
        switch c {
        case "{": return try parseObject(depth: depth + 1)
        case "[": return try parseArray(depth: depth + 1)
        case "\"", "'":
            let s = try parseString(quote: c)
            return Self.dateValue(s).map { .dateTime($0) } ?? .string(s)
        case "-", "+", ".", "0"..."9":
            if c == "-", matchesWord("-Infinity") { index += 9; return .double(-.infinity) }
            return try parseNumber()
        default:
            if matchesWord("true") { index += 4; return .bool(true) }
            if matchesWord("false") { index += 5; return .bool(false) }
            if matchesWord("null") { index += 4; return .null }
            if matchesWord("undefined") { index += 9; return .null }
            if matchesWord("NaN") { index += 3; return .double(.nan) }
            if matchesWord("Infinity") { index += 8; return .double(.infinity) }
            throw error("Unexpected character encountered while parsing value: \(c).")
        }
    }

    private mutating func parseObject(depth: Int) throws -> PSValue {
        try checkDepth(depth)
        index += 1
        var members: [(String, PSValue)] = []
        pathStack.append("")
        defer { pathStack.removeLast() }
        while true {
            try skipTrivia()
            guard index < scalars.count else { throw error("Unexpected end when reading JSON.") }
            if scalars[index] == "}" { index += 1; break }
            let name: String
            if scalars[index] == "\"" || scalars[index] == "'" {
                name = try parseString(quote: scalars[index])
            } else {
                name = parseBareName()
                if name.isEmpty { throw error("Invalid property identifier character: \(scalars[index]).") }
            }
            pathStack[pathStack.count - 1] = name
            try skipTrivia()
            guard index < scalars.count, scalars[index] == ":" else {
                throw error("Invalid character after parsing property name. Expected ':' but got: \(index < scalars.count ? String(scalars[index]) : "end of input").")
            }
            index += 1
            let value = try parseValue(depth: depth)
            // A repeated name keeps the last value, as Json.NET's JObject does.
            if let existing = members.firstIndex(where: { $0.0 == name }) {
                members[existing].1 = value
            } else {
                members.append((name, value))
            }
            try skipTrivia()
            guard index < scalars.count else { throw error("Unexpected end when reading JSON.") }
            if scalars[index] == "," { index += 1; continue }
            if scalars[index] == "}" { index += 1; break }
            throw error("After parsing a value an unexpected character was encountered: \(scalars[index]).")
        }
        return try makeObject(members)
    }

    private func makeObject(_ members: [(String, PSValue)]) throws -> PSValue {
        if asHashtable {
            let table = PSHashtable()
            for (k, v) in members { table[.string(k)] = v }
            return .object(table)
        }
        let object = PSObject()
        for (k, v) in members {
            if k.isEmpty {
                throw ConvertFromJsonFailure(id: "EmptyKeyInJsonString",
                                             message: "The JSON text has an empty member name, which a PSCustomObject cannot hold; use -AsHashtable instead.")
            }
            if let existing = object.propertyNames.first(where: { $0.equalsIgnoringCase(k) }) {
                throw ConvertFromJsonFailure(id: "KeysWithDifferentCasingInJsonString",
                                             message: "The JSON text has member names that differ only in case ('\(existing)' and '\(k)'); use -AsHashtable instead.")
            }
            object[k] = v
        }
        return .object(object)
    }

    private mutating func parseArray(depth: Int) throws -> PSValue {
        try checkDepth(depth)
        index += 1
        var items: [PSValue] = []
        pathStack.append("[0]")
        defer { pathStack.removeLast() }
        while true {
            try skipTrivia()
            guard index < scalars.count else { throw error("Unexpected end when reading JSON.") }
            if scalars[index] == "]" { index += 1; break }
            pathStack[pathStack.count - 1] = "[\(items.count)]"
            items.append(try parseValue(depth: depth))
            try skipTrivia()
            guard index < scalars.count else { throw error("Unexpected end when reading JSON.") }
            if scalars[index] == "," { index += 1; continue }
            if scalars[index] == "]" { index += 1; break }
            throw error("After parsing a value an unexpected character was encountered: \(scalars[index]).")
        }
        return .array(items)
    }

    private mutating func parseString(quote: Unicode.Scalar) throws -> String {
        index += 1
        var out = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if c == quote { return String(out) }
            if c == "\\" {
                guard index < scalars.count else { break }
                let e = scalars[index]
                index += 1
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "u":
                    guard index + 4 <= scalars.count,
                          let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16) else {
                        throw error("Invalid Unicode escape sequence.")
                    }
                    index += 4
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHigh = code
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        out.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                    } else {
                        out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    }
                default: out.append(e)
                }
                pendingHigh = nil
                continue
            }
            if c == "\n" { line += 1; lineStart = index }
            out.append(c)
        }
        throw error("Unterminated string. Expected delimiter: \(quote).")
    }

    private mutating func parseNumber() throws -> PSValue {
        let start = index
        while index < scalars.count, "+-0123456789.eExX".unicodeScalars.contains(scalars[index]) || isHexDigit(scalars[index]) {
            index += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        let isReal = text.contains(".") || ((text.contains("e") || text.contains("E")) && !text.lowercased().hasPrefix("0x"))
        if !isReal, let l = Int64(text) { return .long(l) }
        if !isReal, let d = Double(text) { return .double(d) }
        if isReal, let d = Double(text) { return .double(d) }
        index = start
        throw error("Input string '\(text)' is not a valid number.")
    }

    private func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    private mutating func parseBareName() -> String {
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            if c == ":" || c == " " || c == "\t" || c == "\n" || c == "\r" { break }
            guard c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "$" else { break }
            out.append(c)
            index += 1
        }
        return String(out)
    }

    // MARK: Helpers

    private func matchesWord(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard index + w.count <= scalars.count else { return false }
        return Array(scalars[index..<index + w.count]) == w
    }

    private func checkDepth(_ depth: Int) throws {
        if depth > maxDepth { throw error("The reader's MaxDepth of \(maxDepth) has been exceeded.") }
    }

    /// Skips whitespace and `//`, `/* */` comments, counting lines.
    private mutating func skipTrivia() throws {
        while index < scalars.count {
            let c = scalars[index]
            if c == "\n" { index += 1; line += 1; lineStart = index; continue }
            if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" { index += 1; continue }
            if c == "/", index + 1 < scalars.count {
                if scalars[index + 1] == "/" {
                    while index < scalars.count, scalars[index] != "\n" { index += 1 }
                    continue
                }
                if scalars[index + 1] == "*" {
                    index += 2
                    while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") {
                        if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
                        index += 1
                    }
                    guard index + 1 < scalars.count else { throw error("Unexpected end while parsing comment.") }
                    index += 2
                    continue
                }
            }
            break
        }
    }

    private func error(_ message: String) -> JsonParseError {
        var path = ""
        for part in pathStack {
            if part.hasPrefix("[") { path += part } else if !part.isEmpty { path += path.isEmpty ? part : "." + part }
        }
        return JsonParseError(message: message, path: path, line: line, position: index - lineStart + 1)
    }

    /// Json.NET reads ISO 8601 date-times (seconds required) and `/Date(ms)/` as DateTime.
    static func dateValue(_ s: String) -> Date? {
        let chars = Array(s.utf8)
        if s.hasPrefix("/Date(") && s.hasSuffix(")/") {
            let body = s.dropFirst(6).dropLast(2)
            let digits = body.prefix { $0 == "-" || $0.isNumber }
            guard let ms = Double(digits) else { return nil }
            return Date(timeIntervalSince1970: ms / 1000)
        }
        guard chars.count >= 19, chars.count <= 40, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard i < chars.count, chars[i] >= 48, chars[i] <= 57 else { return nil }
                v = v * 10 + Int(chars[i] - 48)
            }
            return v
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { fraction += Double(chars[i] - 48) * scale; scale /= 10; i += 1 }
            if i == start { return nil }
        }
        var zone: TimeZone? = nil
        if i < chars.count {
            if chars[i] == UInt8(ascii: "Z") && i + 1 == chars.count {
                zone = TimeZone(secondsFromGMT: 0)
            } else if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                let sign = chars[i] == UInt8(ascii: "-") ? -1 : 1
                guard let h = number(i + 1..<i + 3) else { return nil }
                var m = 0
                if i + 3 < chars.count {
                    let mStart = chars[i + 3] == UInt8(ascii: ":") ? i + 4 : i + 3
                    guard let mm = number(mStart..<mStart + 2), mStart + 2 == chars.count else { return nil }
                    m = mm
                }
                zone = TimeZone(secondsFromGMT: sign * (h * 3600 + m * 60))
            } else {
                return nil
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        // No zone: a wall-clock time, read as local time.
        calendar.timeZone = zone ?? TimeZone.current
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction)
    }
}

/// A ConvertFrom-Json failure that pwsh reports with its own error id (not a syntax error).
struct ConvertFromJsonFailure: Error {
    var id: String
    var message: String
}
