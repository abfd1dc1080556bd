/// Lays out Format-Wide items as PowerShell does: row by row in columns separated by one space
/// that share the whole screen width (earlier columns get the odd cells). The column count is
/// the one asked for, or with -AutoSize as many as the widest item allows, else two.
enum WideRenderer {
    static let defaultColumns = 2

    static func lines(_ items: [String], columns requested: Int?, autoSize: Bool, screenWidth: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        var columnCount = max(1, requested ?? defaultColumns)
        if autoSize && requested == nil {
            columnCount = bestColumnCount(itemWidth: items.map { TextWidth.of($0) }.max() ?? 0, screenWidth: screenWidth)
        }
        // Every column needs at least one cell and one separator.
        columnCount = min(columnCount, max(1, (screenWidth + 1) / 2))
        let widths = columnWidths(count: columnCount, screenWidth: screenWidth)
        var lines: [String] = []
        var start = 0
        while start < items.count {
            let row = items[start..<min(start + columnCount, items.count)]
            var line = ""
            for (position, item) in row.enumerated() {
                if position > 0 { line += " " }
                let cell = TextWidth.truncate(item, to: widths[position])
                line += position == row.count - 1 ? cell : TextWidth.padRight(cell, to: widths[position])
            }
            lines.append(line)
            start += columnCount
        }
        return lines
    }

    /// How many columns of `itemWidth` cells fit, with separators, strictly inside the screen.
    static func bestColumnCount(itemWidth: Int, screenWidth: Int) -> Int {
        guard itemWidth > 0, itemWidth < screenWidth else { return 1 }
        var count = 1
        while (itemWidth * (count + 1) + count) < screenWidth { count += 1 }
        return count
    }

    /// The screen minus separators, shared out one cell at a time from the left.
    static func columnWidths(count: Int, screenWidth: Int) -> [Int] {
        let usable = max(screenWidth - (count - 1), count)
        let base = usable / count
        let extra = usable % count
        return (0..<count).map { $0 < extra ? base + 1 : base }
    }
}
