import Foundation
import PSRuntime

/// Reads one displayed value out of an object.
typealias FormatValueGetter = (PSValue, ExecutionContext) -> PSValue

/// A table column of a registered view.
struct TableColumnDefinition {
    var spec: TableColumnSpec
    var value: FormatValueGetter

    /// A column showing a property (empty when the object lacks it).
    static func property(_ name: String, label: String? = nil, width: Int? = nil,
                         alignment: ColumnAlignment = .left, growsToContent: Bool = false) -> TableColumnDefinition {
        TableColumnDefinition(spec: TableColumnSpec(label: label ?? name, width: width, alignment: alignment,
                                                    growsToContent: growsToContent)) { value, context in
            FormatTypeNames.property(name, of: value, context: context) ?? .null
        }
    }
}

/// One `Label : Value` item of a registered list view.
struct ListItemDefinition {
    var label: String
    var value: FormatValueGetter

    static func property(_ name: String) -> ListItemDefinition {
        ListItemDefinition(label: name) { value, context in
            FormatTypeNames.property(name, of: value, context: context) ?? .null
        }
    }
}

/// Which kind of control a view has.
enum ViewShape { case table, list, custom }

/// The shape of a view.
enum ViewControl {
    case table([TableColumnDefinition])
    case list([ListItemDefinition])
    /// Free-form lines per object (PowerShell's custom control).
    case custom((PSValue, ExecutionContext) -> [String])

    var shape: ViewShape {
        switch self {
        case .table: .table
        case .list: .list
        case .custom: .custom
        }
    }
}

/// A view registered for some types (PowerShell's format data): the first type name of an object
/// that has a view decides how a whole output block looks.
struct ViewDefinition {
    var name: String
    var typeNames: [String]
    var control: ViewControl
    /// For grouped table views: the header line of an object's group (a new group, and a new
    /// table, starts whenever it changes), e.g. `    Directory: /tmp`.
    var groupHeader: ((PSValue, ExecutionContext) -> String)?

    init(name: String, typeNames: [String], control: ViewControl,
         groupHeader: ((PSValue, ExecutionContext) -> String)? = nil) {
        self.name = name
        self.typeNames = typeNames
        self.control = control
        self.groupHeader = groupHeader
    }
}

/// The views the formatter knows, looked up by type name. Starts with the built-in views of the
/// types pcsh produces; later format data can be added with `register`.
final class FormatViewRegistry {
    private var views: [ViewDefinition] = []

    init(views: [ViewDefinition] = FormatViewRegistry.builtinViews()) {
        self.views = views
    }

    /// Adds a view; a later view for the same type wins. A view that is not the type's default
    /// (a table view next to a default list view) goes last: only Format-Table or Format-List
    /// asking for its shape finds it.
    func register(_ view: ViewDefinition, asDefault: Bool = true) {
        if asDefault { views.insert(view, at: 0) } else { views.append(view) }
    }

    /// The first view of this shape for an object's types (Format-Table wants a table view,
    /// Format-List a list view).
    func view(for typeNames: [String], shape: ViewShape) -> ViewDefinition? {
        for name in Self.withoutDeserializedPrefix(typeNames) {
            if let view = views.first(where: { view in
                view.typeNames.contains { $0.equalsIgnoringCase(name) } && view.control.shape == shape
            }) { return view }
        }
        return nil
    }

    /// The view for an object, by its type names (most derived first).
    func view(for typeNames: [String]) -> ViewDefinition? {
        for name in Self.withoutDeserializedPrefix(typeNames) {
            if let view = views.first(where: { $0.typeNames.contains { $0.equalsIgnoringCase(name) } }) { return view }
        }
        return nil
    }

    /// An object that came back from an endpoint (`Deserialized.X`) is shown with X's view.
    private static func withoutDeserializedPrefix(_ names: [String]) -> [String] {
        guard names.first?.hasPrefix("Deserialized.") == true else { return names }
        return names.map { $0.hasPrefix("Deserialized.") ? String($0.dropFirst("Deserialized.".count)) : $0 }
    }

    static func builtinViews() -> [ViewDefinition] {
        [
            ViewDefinition(name: "DateTime", typeNames: ["System.DateTime"], control: .custom { value, context in
                guard case .dateTime(let date) = value.baseValue else { return [LanguagePrimitives.toString(value, context: context)] }
                var hint = DateDisplay.Hint.dateTime
                if let pso = value.asPSObject, let text = pso["DisplayHint"].map({ LanguagePrimitives.toString($0, context: context) }),
                   let parsed = [DateDisplay.Hint.date, .time, .dateTime].first(where: { $0.rawValue.equalsIgnoringCase(text) }) {
                    hint = parsed
                }
                return [DateDisplay.text(date, hint: hint)]
            }),
            ViewDefinition(name: "Dictionary", typeNames: ["System.Collections.DictionaryEntry"], control: .table([
                .property("Name", width: 30), .property("Value"),
            ])),
            ViewDefinition(name: "Variable", typeNames: ["System.Management.Automation.PSVariable"], control: .table([
                .property("Name", width: 30), .property("Value"),
            ])),
            ViewDefinition(name: "CommandInfo", typeNames: [
                "System.Management.Automation.AliasInfo", "System.Management.Automation.ApplicationInfo",
                "System.Management.Automation.CmdletInfo", "System.Management.Automation.ExternalScriptInfo",
                "System.Management.Automation.FilterInfo", "System.Management.Automation.FunctionInfo",
                "System.Management.Automation.ScriptInfo", "System.Management.Automation.CommandInfo",
            ], control: .table([
                .property("CommandType", width: 15),
                TableColumnDefinition(spec: TableColumnSpec(label: "Name", width: 50, alignment: .left)) { value, context in
                    FormatTypeNames.property("DisplayName", of: value, context: context)
                        ?? FormatTypeNames.property("Name", of: value, context: context) ?? .null
                },
                .property("Version", width: 10),
                .property("Source"),
            ])),
            ViewDefinition(name: "Guid", typeNames: ["System.Guid"], control: .table([
                TableColumnDefinition(spec: TableColumnSpec(label: "Guid", width: nil, alignment: .left)) { value, context in
                    .string(LanguagePrimitives.toString(value.baseValue, context: context))
                },
            ])),
            ViewDefinition(name: "TimeSpan", typeNames: ["System.TimeSpan"], control: .list(timeSpanItems())),
            // pwsh's Unix view of files and folders, grouped by folder.
            ViewDefinition(name: "childrenWithUnixStat", typeNames: ["System.IO.FileInfo", "System.IO.DirectoryInfo"], control: .table([
                .property("UnixMode", width: 10), .property("User", width: 10, alignment: .right), .property("Group", width: 10),
                TableColumnDefinition(spec: TableColumnSpec(label: "LastWriteTime", width: 16, alignment: .right)) { value, context in
                    guard case .dateTime(let date)? = FormatTypeNames.property("LastWriteTime", of: value, context: context)?.baseValue else {
                        return .null
                    }
                    return .string(DotNetFormat.formatDate(date, "d") + " " + DotNetFormat.formatDate(date, "HH:mm"))
                },
                .property("Size", width: 12, alignment: .right), .property("Name"),
            ]), groupHeader: { value, context in
                let full = FormatTypeNames.property("FullName", of: value, context: context)
                    .map { LanguagePrimitives.toString($0, context: context) } ?? ""
                return "    Directory: " + (full as NSString).deletingLastPathComponent
            }),
            ViewDefinition(name: "MemberDefinition", typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition"], control: .table([
                .property("Name"), .property("MemberType"), .property("Definition"),
            ]), groupHeader: { value, context in
                "   TypeName: " + (FormatTypeNames.property("TypeName", of: value, context: context)
                    .map { LanguagePrimitives.toString($0, context: context) } ?? "")
            }),
            ViewDefinition(name: "SelectXmlInfo", typeNames: ["Microsoft.PowerShell.Commands.SelectXmlInfo"], control: .table([
                .property("Node"), .property("Path"), .property("Pattern"),
            ])),
            ViewDefinition(name: "FileHashInfo", typeNames: ["Microsoft.PowerShell.Commands.FileHashInfo"], control: .table([
                .property("Algorithm", width: 15), .property("Hash", width: 64), .property("Path"),
            ])),
            ViewDefinition(name: "GroupInfoNoElement", typeNames: ["Microsoft.PowerShell.Commands.GroupInfoNoElement"], control: .table([
                .property("Count", width: 5, alignment: .right), .property("Name", width: 25),
            ])),
            ViewDefinition(name: "GroupInfo", typeNames: ["Microsoft.PowerShell.Commands.GroupInfo"], control: .table([
                .property("Count", width: 5, alignment: .right), .property("Name", width: 25), .property("Group"),
            ])),
            MatchInfo.view,
            ErrorDetailView.view,
        ]
    }

    /// The list PowerShell shows for a TimeSpan, computed from its ticks.
    private static func timeSpanItems() -> [ListItemDefinition] {
        func item(_ label: String, _ compute: @escaping (Int64) -> PSValue) -> ListItemDefinition {
            ListItemDefinition(label: label) { value, _ in
                guard let ticks = value.baseValue.asTimeSpanTicks else { return .null }
                return compute(ticks)
            }
        }
        let perMs: Int64 = 10_000
        return [
            item("Days") { .int(Int32(clamping: $0 / (perMs * 86_400_000))) },
            item("Hours") { .int(Int32(clamping: ($0 / (perMs * 3_600_000)) % 24)) },
            item("Minutes") { .int(Int32(clamping: ($0 / (perMs * 60_000)) % 60)) },
            item("Seconds") { .int(Int32(clamping: ($0 / (perMs * 1000)) % 60)) },
            item("Milliseconds") { .int(Int32(clamping: ($0 / perMs) % 1000)) },
            item("Ticks") { .long($0) },
            item("TotalDays") { .double(Double($0) / Double(perMs * 86_400_000)) },
            item("TotalHours") { .double(Double($0) / Double(perMs * 3_600_000)) },
            item("TotalMinutes") { .double(Double($0) / Double(perMs * 60_000)) },
            item("TotalSeconds") { .double(Double($0) / Double(perMs * 1000)) },
            item("TotalMilliseconds") { .double(Double($0) / Double(perMs)) },
        ]
    }
}
