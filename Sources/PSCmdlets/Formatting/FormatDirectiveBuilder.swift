import PSRuntime

/// Turns the input of a Format-* cmdlet into a `FormatDirective`: the first object decides the
/// fields (the -Property list, else the type's registered view, else its properties), later
/// objects are read through the same fields, and scalars without -Property stay plain text.
struct FormatDirectiveBuilder {
    enum Kind {
        case table(autoSize: Bool, hideHeaders: Bool, wrap: Bool)
        case list
        case wide(columns: Int?, autoSize: Bool)
    }

    let kind: Kind
    let specs: [FormatPropertySpec]?
    let groupBy: FormatPropertySpec?

    /// The -GroupBy argument as a spec (nil when not given).
    static func groupSpec(_ value: PSValue, context: CommandContext) throws -> FormatPropertySpec? {
        if value.isNull { return nil }
        return try FormatPropertySpec.parse([value], allowWidth: false, context: context).first
    }

    func build(_ inputs: [PSValue], context: CommandContext) -> FormatDirective? {
        var objects: [PSValue] = []
        for input in inputs { OutputShape.expand(input, into: &objects) }
        objects.removeAll { $0.isNull }
        guard !objects.isEmpty else { return nil }
        let session = context.session
        let limit = FieldText.enumerationLimit(session)
        let first = objects.first { isObject($0, session) } ?? objects[0]
        let fields = self.fields(for: first, context: context)

        var groups: [FormatDirective.Group] = []
        var currentKey: String?
        for object in objects {
            if let groupBy {
                let key = groupValue(groupBy, object, context: context, limit: limit)
                if groups.isEmpty || key != currentKey {
                    groups.append(FormatDirective.Group(header: "\(groupLabel(groupBy)): \(key)", entries: []))
                    currentKey = key
                }
            } else if groups.isEmpty {
                groups.append(FormatDirective.Group(header: nil, entries: []))
            }
            groups[groups.count - 1].entries.append(entry(for: object, fields: fields, context: context, limit: limit))
        }
        return FormatDirective(shape: shape(fields, first: first, context: context), groups: groups)
    }

    // MARK: Fields

    private func isObject(_ value: PSValue, _ session: ExecutionContext) -> Bool {
        if case .object = OutputShape.classify(value, context: session) { return true }
        return false
    }

    private func fields(for first: PSValue, context: CommandContext) -> [FormatField] {
        if let specs { return FormatField.resolve(specs, first: first) }
        let views = DefaultFormatter.of(context.session).views
        let typeNames = FormatTypeNames.of(first)
        let view: ViewDefinition?
        switch kind {
        case .table: view = views.view(for: typeNames, shape: .table)
        case .list: view = views.view(for: typeNames, shape: .list)
        case .wide: view = views.view(for: typeNames)
        }
        switch kind {
        case .table:
            if case .table(let columns)? = view?.control {
                return columns.map { FormatField(label: $0.spec.label, getter: .view($0.value), width: $0.spec.width,
                                                 alignment: $0.spec.alignment, growsToContent: $0.spec.growsToContent) }
            }
            return FormatField.allProperties(of: first)
        case .list:
            if case .list(let items)? = view?.control {
                return items.map { FormatField(label: $0.label, getter: .view($0.value)) }
            }
            return FormatField.allProperties(of: first)
        case .wide:
            if let field = displayNameField(of: first) { return [field] }
            if case .table(let columns)? = view?.control, let column = columns.first {
                return [FormatField(label: column.spec.label, getter: .view(column.value))]
            }
            return []
        }
    }

    /// The property Format-Wide shows when none is given: the first matching `Name`, `Id`,
    /// `Key`, `*Key`, `*Name`, `*Id` (as PowerShell picks a display name).
    private func displayNameField(of object: PSValue) -> FormatField? {
        let names = FormatTypeNames.propertyNames(of: object)
        for pattern in ["name", "id", "key", "*key", "*name", "*id"] {
            let wildcard = WildcardPattern(pattern, ignoreCase: true)
            if let match = names.first(where: { wildcard.matches($0) }) {
                return FormatField(label: match, getter: .property(match))
            }
        }
        return nil
    }

    private func shape(_ fields: [FormatField], first: PSValue, context: CommandContext) -> FormatDirective.Shape {
        switch kind {
        case .table(let autoSize, let hideHeaders, let wrap):
            let columns = fields.map { field -> TableColumnSpec in
                var alignment = field.alignment
                if alignment == nil {
                    let value = field.value(of: first, context: context)
                    alignment = field.formatString == nil && OutputShape.isRightAligned(value) ? .right : .left
                }
                let width = autoSize && field.getter.isView ? nil : field.width
                return TableColumnSpec(label: field.label, width: width, alignment: alignment ?? .left,
                                       growsToContent: field.growsToContent)
            }
            return .table(columns: columns, hideHeaders: hideHeaders, wrap: wrap)
        case .list:
            return .list
        case .wide(let columns, let autoSize):
            return .wide(columns: columns, autoSize: autoSize)
        }
    }

    // MARK: Entries

    private func entry(for object: PSValue, fields: [FormatField], context: CommandContext, limit: Int) -> FormatDirective.Entry {
        let session = context.session
        if specs == nil || fields.isEmpty {
            switch OutputShape.classify(object, context: session) {
            case .text(let text): return .text(text)
            case .error(let record): return .text(ErrorRecordText.concise(record))
            case .nothing: return .text("")
            case .object: break
            }
        }
        if fields.isEmpty { return .text(LanguagePrimitives.toString(object, context: session)) }
        switch kind {
        case .table, .wide:
            return .cells(fields.map { $0.text(of: object, context: context, enumerationLimit: limit) })
        case .list:
            return .items(fields.map { ($0.label, $0.text(of: object, context: context, enumerationLimit: limit)) })
        }
    }

    private func groupValue(_ spec: FormatPropertySpec, _ object: PSValue, context: CommandContext, limit: Int) -> String {
        guard let field = FormatField.resolve([spec], first: object).first else { return "" }
        return field.text(of: object, context: context, enumerationLimit: limit)
    }

    private func groupLabel(_ spec: FormatPropertySpec) -> String {
        if let label = spec.label { return label }
        switch spec.source {
        case .name(let name): return name
        case .wildcard: return "*"
        case .script(let block): return block.text.trimmingTrailingSpaces()
        }
    }
}

extension FormatField.Getter {
    var isView: Bool {
        if case .view = self { return true }
        return false
    }
}
