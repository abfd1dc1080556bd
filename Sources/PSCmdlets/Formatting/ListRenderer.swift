/// Draws one object as a PowerShell list entry: `Name : Value` lines, names padded to the
/// longest, long values wrapped and multi-line values continued under the value column.
enum ListRenderer {
    static let separator = " : "

    static func entry(_ items: [(label: String, value: String)], screenWidth: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        var labelWidth = items.map { TextWidth.of($0.label) }.max() ?? 0
        // Keep at least one cell for the value.
        let maxLabelWidth = screenWidth - separator.count - 1
        if maxLabelWidth < 1 { return [] }
        labelWidth = min(labelWidth, maxLabelWidth)
        let indent = String(repeating: " ", count: labelWidth + separator.count)
        let valueWidth = screenWidth - labelWidth - separator.count
        var lines: [String] = []
        for item in items {
            let label = TextWidth.padRight(TextWidth.prefix(item.label, fitting: labelWidth), to: labelWidth) + separator
            for (lineIndex, valueLine) in TextWidth.lines(item.value).enumerated() {
                for (pieceIndex, piece) in TextWidth.wrap(valueLine, width: valueWidth).enumerated() {
                    lines.append((lineIndex == 0 && pieceIndex == 0 ? label : indent) + piece)
                }
            }
        }
        return lines
    }
}
