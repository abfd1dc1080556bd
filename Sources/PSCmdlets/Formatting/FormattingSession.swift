import Foundation
import PSRuntime

/// Formats a stream of output values the way PowerShell's Out-Default does, one value at a time.
///
/// The first object (not scalar) picks the view for the rest of the stream: its registered view,
/// or an auto-generated one (a table of its properties when it has at most four, a list
/// otherwise). Later objects the view applies to join the same table or list; an auto-generated
/// view applies to every object (as in PowerShell, a table keeps the first object's columns).
/// Objects a registered view does not apply to are shown on their own as lists. Scalars print as
/// plain lines wherever they occur. A blank line opens the block and another closes it.
///
/// Tables are sized from their rows, so rows are held back until `finish()` (or, when
/// `tableHoldTime` is set, until that much time has passed, after which rows stream with the
/// widths found so far — PowerShell waits 300 ms).
final class FormattingSession {
    private let context: ExecutionContext
    private let views: FormatViewRegistry
    private let screenWidth: Int
    private let enumerationLimit: Int
    /// Seconds to hold table rows for sizing; nil holds them until `finish()`.
    var tableHoldTime: Double?
    /// Escape sequences around table header lines (`$PSStyle.Formatting.TableHeader`); set only
    /// when the text goes to a terminal.
    var headerStyle: (start: String, end: String)?

    private var ready: [String] = []
    private var active: ActiveView?

    private enum ActiveView {
        /// A table; `registered` is nil for auto-generated views (which apply to every object).
        case table(TableState, registered: ViewDefinition?)
        case list(items: [ListItemDefinition]?, registered: ViewDefinition?)
        case custom(ViewDefinition)
    }

    /// A table being built: its columns, and either the rows held back for sizing or the layout.
    private final class TableState {
        let columns: [TableColumnSpec]
        let getters: [FormatValueGetter]
        var held: [HeldLine] = []
        var layout: [TableColumnLayout]?
        let started = Date()

        init(columns: [TableColumnSpec], getters: [FormatValueGetter]) {
            self.columns = columns
            self.getters = getters
        }
    }

    private enum HeldLine {
        case row([String])
        case text(String)
    }

    /// The header of the current group of a grouped view.
    private var groupKey: String?

    init(context: ExecutionContext, views: FormatViewRegistry, width: Int) {
        self.context = context
        self.views = views
        self.screenWidth = max(width, 10)
        self.enumerationLimit = FieldText.enumerationLimit(context)
    }

    // MARK: Input

    /// Formats one output value (collections are unrolled, hashtables become entries).
    func add(_ value: PSValue) {
        var expanded: [PSValue] = []
        OutputShape.expand(value, into: &expanded)
        for item in expanded { addOne(item) }
    }

    /// Ends the stream: writes held table rows and the closing blank line.
    func finish() {
        guard let view = active else { return }
        switch view {
        case .table(let table, _):
            flush(table)
            ready.append("")
        case .custom:
            ready.append("")
        case .list:
            break // every list entry already ends with a blank line
        }
        active = nil
        groupKey = nil
    }

    /// The text formatted so far (every line ends with a newline), removing it from the session.
    func takeText() -> String {
        guard !ready.isEmpty else { return "" }
        let text = ready.joined(separator: "\n") + "\n"
        ready.removeAll()
        return text
    }

    /// The lines formatted so far, removing them from the session.
    func takeLines() -> [String] {
        defer { ready.removeAll() }
        return ready
    }

    // MARK: Dispatch

    private func addOne(_ value: PSValue) {
        if case .object(let object) = value, let directive = object as? FormatDirective {
            finish()
            ready.append(contentsOf: directive.render(screenWidth: screenWidth, headerStyle: headerStyle))
            return
        }
        switch OutputShape.classify(value, context: context) {
        case .nothing:
            return
        case .text(let text):
            emitOutOfBand(TextWidth.lines(text))
        case .error(let record):
            emitOutOfBand(TextWidth.lines(ErrorRecordText.concise(record)))
        case .object(let object):
            if active == nil { start(with: object) }
            addEntry(object)
        }
    }

    private func start(with object: PSValue) {
        ready.append("")
        if let view = views.view(for: FormatTypeNames.of(object)) {
            switch view.control {
            case .table(let columns):
                active = .table(TableState(columns: columns.map(\.spec), getters: columns.map(\.value)), registered: view)
                if let header = view.groupHeader {
                    groupKey = header(object, context)
                    ready.append(groupKey!)
                    ready.append("")
                }
            case .list(let items):
                active = .list(items: items, registered: view)
            case .custom:
                active = .custom(view)
            }
            return
        }
        let names = FormatTypeNames.propertyNames(of: object)
        if names.count <= OutputShape.maxTableProperties {
            let specs = names.map { name -> TableColumnSpec in
                let first = FormatTypeNames.property(name, of: object, context: context) ?? .null
                return TableColumnSpec(label: name, width: nil, alignment: OutputShape.isRightAligned(first) ? .right : .left)
            }
            let getters: [FormatValueGetter] = names.map { name in
                { value, context in FormatTypeNames.property(name, of: value, context: context) ?? .null }
            }
            active = .table(TableState(columns: specs, getters: getters), registered: nil)
        } else {
            active = .list(items: nil, registered: nil)
        }
    }

    private func addEntry(_ object: PSValue) {
        guard let view = active else { return }
        switch view {
        case .table(let table, let registered):
            if let registered, !FormatTypeNames.matches(object, any: registered.typeNames) {
                emitStandaloneList(object)
                return
            }
            var table = table
            if let registered, let header = registered.groupHeader {
                let key = header(object, context)
                if key != groupKey {
                    // A new group: finish this table, show the group's header, start a fresh table.
                    flush(table)
                    ready.append(contentsOf: ["", key, ""])
                    groupKey = key
                    table = TableState(columns: table.columns, getters: table.getters)
                    active = .table(table, registered: registered)
                }
            }
            let cells = table.getters.map { FieldText.text(of: $0(object, context), context: context, enumerationLimit: enumerationLimit) }
            if let layout = table.layout {
                ready.append(TableRenderer.row(cells, layout))
            } else {
                table.held.append(.row(cells))
                if let hold = tableHoldTime, Date().timeIntervalSince(table.started) >= hold { flush(table) }
            }
        case .list(let items, let registered):
            if let registered, !FormatTypeNames.matches(object, any: registered.typeNames) {
                emitStandaloneList(object)
                return
            }
            ready.append(contentsOf: ListRenderer.entry(listItems(object, items), screenWidth: screenWidth))
            ready.append("")
        case .custom(let registered):
            if !FormatTypeNames.matches(object, any: registered.typeNames) {
                emitStandaloneList(object)
                return
            }
            if case .custom(let render) = registered.control { ready.append(contentsOf: render(object, context)) }
        }
    }

    // MARK: Helpers

    private func listItems(_ object: PSValue, _ items: [ListItemDefinition]?) -> [(label: String, value: String)] {
        if let items {
            return items.map { ($0.label, FieldText.text(of: $0.value(object, context), context: context, enumerationLimit: enumerationLimit)) }
        }
        return FormatTypeNames.propertyNames(of: object).map { name in
            let value = FormatTypeNames.property(name, of: object, context: context) ?? .null
            return (name, FieldText.text(of: value, context: context, enumerationLimit: enumerationLimit))
        }
    }

    /// An object the current view can't show: a list of its own (or its string when it has no properties).
    private func emitStandaloneList(_ object: PSValue) {
        let items = listItems(object, views.view(for: FormatTypeNames.of(object)).flatMap { view in
            if case .list(let items) = view.control { return items }
            return nil
        })
        guard !items.isEmpty else {
            emitOutOfBand(TextWidth.lines(LanguagePrimitives.toString(object, context: context)))
            return
        }
        var lines = [""]
        lines.append(contentsOf: ListRenderer.entry(items, screenWidth: screenWidth))
        lines.append("")
        emitOutOfBand(lines)
    }

    /// Lines outside the current view; kept in order with held table rows.
    private func emitOutOfBand(_ lines: [String]) {
        if case .table(let table, _)? = active, table.layout == nil {
            table.held.append(contentsOf: lines.map { .text($0) })
        } else {
            ready.append(contentsOf: lines)
        }
    }

    /// Sizes a held table and writes its header, rows and interleaved text.
    private func flush(_ table: TableState) {
        guard table.layout == nil else { return }
        let rows = table.held.compactMap { line -> [String]? in
            if case .row(let cells) = line { return cells.map(TableRenderer.firstLine) }
            return nil
        }
        let layout = TableRenderer.layout(table.columns, rows: rows, screenWidth: screenWidth)
        table.layout = layout
        var header = TableRenderer.header(layout)
        if let style = headerStyle { header = header.map { $0.isEmpty ? $0 : style.start + $0 + style.end } }
        ready.append(contentsOf: header)
        for line in table.held {
            switch line {
            case .row(let cells): ready.append(TableRenderer.row(cells, layout))
            case .text(let text): ready.append(text)
            }
        }
        table.held.removeAll()
    }
}
