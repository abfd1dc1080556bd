import PSRuntime

/// Format data that other modules register for their own object types: a default table or list
/// view, chosen by an object's first type name that has one.
public enum FormatData {
    /// One column of a table view: a property, its header and optionally a fixed width.
    public struct Column: Sendable {
        public var property: String
        public var label: String?
        public var width: Int?
        public var alignRight: Bool

        public init(_ property: String, label: String? = nil, width: Int? = nil, alignRight: Bool = false) {
            self.property = property
            self.label = label
            self.width = width
            self.alignRight = alignRight
        }
    }

    /// Registers a table view of `typeNames` in the session's formatter: the default view
    /// unless `asDefault` is false (then only Format-Table uses it). Column widths are minimums:
    /// a column widens to show its values whole while the screen has room.
    public static func registerTableView(_ context: ExecutionContext, name: String, typeNames: [String], columns: [Column],
                                         asDefault: Bool = true) {
        register(context, ViewDefinition(name: name, typeNames: typeNames, control: .table(columns.map {
            .property($0.property, label: $0.label, width: $0.width, alignment: $0.alignRight ? .right : .left, growsToContent: true)
        })), asDefault: asDefault)
    }

    /// Registers a list view of `typeNames` (these properties, in this order): the default view
    /// unless `asDefault` is false (then only Format-List uses it).
    public static func registerListView(_ context: ExecutionContext, name: String, typeNames: [String], properties: [String],
                                        asDefault: Bool = true) {
        register(context, ViewDefinition(name: name, typeNames: typeNames, control: .list(properties.map { .property($0) })),
                 asDefault: asDefault)
    }

    private static func register(_ context: ExecutionContext, _ view: ViewDefinition, asDefault: Bool) {
        DefaultFormatter.of(context).views.register(view, asDefault: asDefault)
    }
}
