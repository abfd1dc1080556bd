import PSRuntime

/// What a Format-* cmdlet writes to the pipeline: the formatted shape of its input (rows of cell
/// text, list entries or wide items), laid out only when an Out-* command renders it, because
/// widths depend on where the text goes (the terminal, `Out-String -Width`, a file).
/// Like PowerShell's format objects it is meant for Out-Default/Out-String/Out-File only.
final class FormatDirective: PSDynamicObject {
    /// One line of a table or list: an object's cells/items, or text shown as it is (scalars).
    enum Entry {
        case cells([String])
        case items([(label: String, value: String)])
        case text(String)
    }

    enum Shape {
        case table(columns: [TableColumnSpec], hideHeaders: Bool, wrap: Bool)
        case list
        case wide(columns: Int?, autoSize: Bool)
    }

    /// Entries under one `-GroupBy` value (`header` is nil when not grouping).
    struct Group {
        var header: String?
        var entries: [Entry]
    }

    let shape: Shape
    let groups: [Group]

    init(shape: Shape, groups: [Group]) {
        self.shape = shape
        self.groups = groups
    }

    // MARK: PSDynamicObject

    var dynamicTypeName: String { "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData" }
    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? { nil }
    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? { nil }
    var dynamicPropertyNames: [String] { [] }
    var dynamicDescription: String { dynamicTypeName }

    // MARK: Rendering

    /// The lines this directive shows at `screenWidth` cells, with the blank lines around it.
    /// `headerStyle` wraps table header labels (escape sequences, only for a terminal).
    func render(screenWidth: Int, headerStyle: (start: String, end: String)? = nil) -> [String] {
        // Input of scalars only: their text, with no table or list around it.
        var isWide = false
        if case .wide = shape { isWide = true }
        let allText = !isWide && groups.allSatisfy { $0.header == nil && $0.entries.allSatisfy { if case .text = $0 { true } else { false } } }
        if allText {
            return groups.flatMap { group in group.entries.flatMap { entry -> [String] in
                if case .text(let text) = entry { return TextWidth.lines(text) }
                return []
            } }
        }
        var lines: [String] = []
        for group in groups {
            if let header = group.header {
                lines.append("")
                lines.append("   " + header)
            }
            switch shape {
            case .table(let columns, let hideHeaders, let wrap):
                lines.append(contentsOf: renderTable(group.entries, columns: columns, hideHeaders: hideHeaders, wrap: wrap,
                                                     screenWidth: screenWidth, headerStyle: headerStyle))
            case .list:
                lines.append(contentsOf: renderList(group.entries, screenWidth: screenWidth))
            case .wide(let columns, let autoSize):
                lines.append(contentsOf: renderWide(group.entries, columns: columns, autoSize: autoSize, screenWidth: screenWidth))
            }
        }
        return lines
    }

    private func renderTable(_ entries: [Entry], columns: [TableColumnSpec], hideHeaders: Bool, wrap: Bool,
                             screenWidth: Int, headerStyle: (start: String, end: String)?) -> [String] {
        var rows: [[String]] = []
        for case .cells(let cells) in entries { rows.append(cells) }
        let sizingRows = wrap ? rows.map { $0.map(TableRenderer.longestLine) } : rows.map { $0.map(TableRenderer.firstLine) }
        let layout = TableRenderer.layout(columns, rows: sizingRows, screenWidth: screenWidth)
        var lines = [""]
        if !hideHeaders && !columns.isEmpty {
            var header = TableRenderer.header(layout)
            if let style = headerStyle {
                header = header.map { $0.isEmpty ? $0 : style.start + $0 + style.end }
            }
            lines.append(contentsOf: header)
        }
        for entry in entries {
            switch entry {
            case .cells(let cells):
                if wrap {
                    lines.append(contentsOf: TableRenderer.wrappedRow(cells, layout))
                } else {
                    lines.append(TableRenderer.row(cells, layout))
                }
            case .text(let text): lines.append(contentsOf: TextWidth.lines(text))
            case .items: break
            }
        }
        lines.append("")
        return lines
    }

    private func renderList(_ entries: [Entry], screenWidth: Int) -> [String] {
        var lines = [""]
        for entry in entries {
            switch entry {
            case .items(let items):
                lines.append(contentsOf: ListRenderer.entry(items, screenWidth: screenWidth))
                lines.append("")
            case .text(let text): lines.append(contentsOf: TextWidth.lines(text))
            case .cells(let cells): lines.append(cells.joined(separator: " "))
            }
        }
        return lines
    }

    private func renderWide(_ entries: [Entry], columns: Int?, autoSize: Bool, screenWidth: Int) -> [String] {
        var items: [String] = []
        for entry in entries {
            switch entry {
            case .text(let text): items.append(TableRenderer.firstLine(text))
            case .cells(let cells): items.append(TableRenderer.firstLine(cells.first ?? ""))
            case .items(let pairs): items.append(TableRenderer.firstLine(pairs.first?.value ?? ""))
            }
        }
        var lines = [""]
        lines.append(contentsOf: WideRenderer.lines(items, columns: columns, autoSize: autoSize, screenWidth: screenWidth))
        lines.append("")
        return lines
    }
}
