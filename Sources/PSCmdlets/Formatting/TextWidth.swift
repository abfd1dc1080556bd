/// Display width of text in terminal cells: East Asian wide/fullwidth characters and emoji take
/// two cells, combining marks and zero-width characters none. Every padding, alignment and
/// truncation in the formatter goes through here so that wide text lines up.
enum TextWidth {
    /// The number of cells `text` occupies.
    static func of(_ text: String) -> Int {
        // Printable ASCII (most cells) is one cell per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cells one grapheme cluster occupies (0, 1 or 2).
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII {
            // Control characters (tab, escape, …) do not advance the cursor in a predictable way.
            return first.value < 0x20 || first.value == 0x7F ? 0 : 1
        }
        var hasVariationSelector16 = false
        for scalar in scalars {
            if scalar.properties.isEmojiPresentation { return 2 }
            if scalar.value == 0xFE0F { hasVariationSelector16 = true }
        }
        // A text-style emoji turned into emoji style (❤️) is drawn two cells wide.
        if hasVariationSelector16 && first.properties.isEmoji { return 2 }
        // Regional indicator pairs (flags) are one cluster of two cells.
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        if isZeroWidth(first) { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    /// Pads with spaces on the right to `width` cells (no-op when already wider).
    static func padRight(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// Pads with spaces on the left to `width` cells (no-op when already wider).
    static func padLeft(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    /// The longest prefix of `text` that fits in `width` cells.
    static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// The longest suffix of `text` that fits in `width` cells.
    static func suffix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var result: [Character] = []
        for character in text.reversed() {
            let w = of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return String(result.reversed())
    }

    /// Cuts `text` to `width` cells, ending with `…` when something was cut (keeping the end
    /// instead when `keepEnd` is set, as right-aligned table columns do).
    static func truncate(_ text: String, to width: Int, keepEnd: Bool = false) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsis = "…"
        if width <= 1 { return keepEnd ? suffix(text, fitting: width) : prefix(text, fitting: width) }
        return keepEnd ? ellipsis + suffix(text, fitting: width - 1) : prefix(text, fitting: width - 1) + ellipsis
    }

    /// Splits `text` into pieces of at most `width` cells (hard wrap, as PowerShell's list view does).
    /// Always returns at least one (possibly empty) piece.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width && !current.isEmpty {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        lines.append(current)
        return lines
    }

    /// Splits `text` into lines of at most `width` cells, breaking after spaces where a word
    /// fits on the next line and hard-wrapping words longer than the width.
    static func wordWrap(_ text: String, width: Int) -> [String] {
        guard width > 0, of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var pieces = wrap(word, width: width)
            current = pieces.removeLast()
            lines.append(contentsOf: pieces)
        }
        lines.append(current)
        return lines
    }

    /// Splits on `\r\n`, `\n` and `\r`.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of the Unicode standard (the common blocks).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
