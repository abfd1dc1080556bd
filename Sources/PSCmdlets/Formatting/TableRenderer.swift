/// Alignment of a table column (and of its header and dashes).
enum ColumnAlignment: Sendable {
    case left, right, center
}

/// A table column as a view declares it: its label, a fixed width or nil (sized from the data),
/// and its alignment.
struct TableColumnSpec {
    var label: String
    var width: Int?
    var alignment: ColumnAlignment
    /// The width is a minimum: the column widens to its label and values while the screen has
    /// room (pcsh's own views, whose identities are longer than any fixed width suits).
    var growsToContent = false
}

/// A column after layout: `width` is in cells; columns that did not fit are hidden (width 0).
struct TableColumnLayout: Equatable {
    var label: String
    var width: Int
    var alignment: ColumnAlignment
    var isVisible: Bool { width > 0 }
}

/// Lays out and draws PowerShell-style tables: header labels, a dashes line as long as each
/// label, rows separated by one space, the last column not padded, values that don't fit cut
/// with `…`. Widths are display cells (see `TextWidth`).
enum TableRenderer {
    /// Decides column widths. Unsized columns get the widest of their label and `rows` when every
    /// column is unsized (PowerShell's auto-size from the first objects); otherwise they share the
    /// remaining screen width. Columns that exceed `screenWidth` are cut from the right.
    static func layout(_ columns: [TableColumnSpec], rows: [[String]], screenWidth: Int) -> [TableColumnLayout] {
        var widths = columns.map { $0.width ?? 0 }
        if let first = columns.first, first.width == nil {
            for (k, column) in columns.enumerated() where column.width == nil {
                var w = TextWidth.of(column.label)
                for row in rows where k < row.count { w = max(w, TextWidth.of(row[k])) }
                widths[k] = max(w, 1)
            }
        }
        grow(&widths, columns, rows: rows, screenWidth: screenWidth)
        fit(&widths, screenWidth: screenWidth)
        return zip(columns, widths).map { TableColumnLayout(label: $0.label, width: max($1, 0), alignment: $0.alignment) }
    }

    /// The header: label line(s) and the dashes line.
    static func header(_ layout: [TableColumnLayout]) -> [String] {
        var lines = multiLineRow(layout.map(\.label), layout)
        let dashes = layout.map { column -> String in
            guard column.isVisible else { return "" }
            return String(repeating: "-", count: min(TextWidth.of(column.label), column.width))
        }
        lines.append(row(dashes, layout))
        return lines
    }

    /// One data row on one line (text after a line break is replaced by `…`).
    static func row(_ values: [String], _ layout: [TableColumnLayout]) -> String {
        var line = ""
        let visible = layout.indices.filter { layout[$0].isVisible }
        for (position, k) in visible.enumerated() {
            let isLast = position == visible.count - 1
            if position > 0 { line += " " }
            let value = k < values.count ? firstLine(values[k]) : ""
            line += field(value, width: layout[k].width, alignment: layout[k].alignment, pad: !isLast)
        }
        return line
    }

    /// One data row whose cells wrap onto as many lines as they need (Format-Table -Wrap):
    /// line breaks in values are kept and long text is broken at spaces where possible.
    static func wrappedRow(_ values: [String], _ layout: [TableColumnLayout]) -> [String] {
        let visible = layout.indices.filter { layout[$0].isVisible }
        guard !visible.isEmpty else { return [""] }
        let pieces: [[String]] = visible.map { k in
            let text = k < values.count ? values[k] : ""
            return TextWidth.lines(text).flatMap { TextWidth.wordWrap($0, width: layout[k].width) }
        }
        let lineCount = pieces.map(\.count).max() ?? 1
        var lines: [String] = []
        for lineIndex in 0..<lineCount {
            var cells = Array(repeating: "", count: layout.count)
            for (position, k) in visible.enumerated() where lineIndex < pieces[position].count {
                cells[k] = pieces[position][lineIndex]
            }
            lines.append(row(cells, layout).trimmingTrailingSpaces())
        }
        return lines
    }

    /// The widest line of a multi-line value (what a wrapped column is sized by).
    static func longestLine(_ text: String) -> String {
        TextWidth.lines(text).max { TextWidth.of($0) < TextWidth.of($1) } ?? text
    }

    /// Text up to the first line break, with `…` when more followed.
    static func firstLine(_ text: String) -> String {
        guard let breakIndex = text.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return String(text[..<breakIndex]) + "…"
    }

    // MARK: Private

    /// Widens growing columns, left to right, toward their widest label or value, using only
    /// the room the table leaves on the screen; unsized columns still share what is left.
    private static func grow(_ widths: inout [Int], _ columns: [TableColumnSpec], rows: [[String]], screenWidth: Int) {
        guard columns.contains(where: \.growsToContent) else { return }
        var spare = screenWidth - totalWidth(widths.map { max($0, 1) })
        for (k, column) in columns.enumerated() where column.growsToContent && widths[k] > 0 && spare > 0 {
            var natural = TextWidth.of(column.label)
            for row in rows where k < row.count { natural = max(natural, TextWidth.of(row[k])) }
            let added = min(max(natural - widths[k], 0), spare)
            widths[k] += added
            spare -= added
        }
    }

    /// PowerShell's column width manager: give unsized columns (width 0) the spare room, then
    /// shrink or hide columns from the right until the table fits.
    private static func fit(_ widths: inout [Int], screenWidth: Int) {
        guard !widths.isEmpty else { return }
        let unsized = widths.indices.filter { widths[$0] <= 0 }
        if !unsized.isEmpty {
            for k in unsized { widths[k] = 1 }
            var spare = screenWidth - totalWidth(widths)
            if spare > 0 {
                while spare > 0 {
                    for k in unsized where spare > 0 {
                        widths[k] += 1
                        spare -= 1
                    }
                }
                return
            }
        }
        while totalWidth(widths) > screenWidth {
            guard let last = widths.lastIndex(where: { $0 > 0 }) else { return }
            let shrunk = widths[last] - (totalWidth(widths) - screenWidth)
            widths[last] = shrunk >= 1 ? shrunk : 0
        }
    }

    private static func totalWidth(_ widths: [Int]) -> Int {
        let visible = widths.filter { $0 > 0 }
        return visible.reduce(0, +) + max(visible.count - 1, 0)
    }

    /// A value fitted to its column: padded (unless it is the last, left-aligned column) or cut.
    private static func field(_ value: String, width: Int, alignment: ColumnAlignment, pad: Bool) -> String {
        var text = value
        let cells = TextWidth.of(text)
        if cells > width {
            text = TextWidth.truncate(text, to: width, keepEnd: alignment == .right)
        }
        switch alignment {
        case .right: return TextWidth.padLeft(text, to: width)
        case .left: return pad ? TextWidth.padRight(text, to: width) : text
        case .center:
            let missing = width - TextWidth.of(text)
            guard missing > 0 else { return text }
            let left = String(repeating: " ", count: missing / 2)
            return pad ? TextWidth.padRight(left + text, to: width) : left + text
        }
    }

    /// A row whose cells wrap onto several lines (used for header labels wider than their column).
    private static func multiLineRow(_ values: [String], _ layout: [TableColumnLayout]) -> [String] {
        let visible = layout.indices.filter { layout[$0].isVisible }
        guard !visible.isEmpty else { return [""] }
        let pieces: [[String]] = visible.map { k in
            TextWidth.wrap(k < values.count ? values[k] : "", width: layout[k].width)
        }
        let lineCount = pieces.map(\.count).max() ?? 1
        if lineCount == 1 { return [row(values, layout)] }
        var lines: [String] = []
        for lineIndex in 0..<lineCount {
            let lastWithContent = pieces.indices.last { lineIndex < pieces[$0].count } ?? 0
            var line = ""
            for (position, k) in visible.enumerated() where position <= lastWithContent {
                if position > 0 { line += " " }
                let piece = lineIndex < pieces[position].count ? pieces[position][lineIndex] : ""
                line += field(piece, width: layout[k].width, alignment: layout[k].alignment, pad: true)
            }
            lines.append(line.trimmingTrailingSpaces())
        }
        return lines
    }
}

extension String {
    /// The text without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
