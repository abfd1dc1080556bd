import PSRuntime

/// Picks properties of objects, or picks objects by position, or both.
final class SelectObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SelectObjectCommand.self, name: "Select-Object", aliases: ["select"],
        synopsis: "Selects properties of objects, or a range of objects from the pipeline.",
        description: "With -Property, each object becomes a new object holding only the named properties (wildcards and calculated properties such as @{Name='KB'; Expression={$_.Length / 1KB}} allowed). -ExpandProperty writes a property's value instead. -First, -Last, -Skip, -SkipLast, -Index and -Unique pick objects; -First stops the commands before it once it has enough.",
        defaultParameterSet: "DefaultParameter",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("Get-ChildItem | Select-Object Name, Length", "Keeps only the name and size of each file."),
                   HelpExample("1..100 | Select-Object -First 5", "Takes the first five numbers."),
                   HelpExample("Get-ChildItem | Select-Object Name, @{Name='KB'; Expression={ $_.Length / 1KB }}", "Adds a calculated property.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The object to select from."),
            Parameter("Property", \.property, position: 0, sets: ["DefaultParameter", "SkipLastParameter"],
                      help: "Properties to keep: names, wildcards, script blocks or hashtables with Name and Expression."),
            Parameter("ExcludeProperty", \.excludeProperty, sets: ["DefaultParameter", "SkipLastParameter"],
                      help: "Properties to leave out."),
            Parameter("ExpandProperty", \.expandProperty, sets: ["DefaultParameter", "SkipLastParameter"],
                      help: "A property whose value is written instead of the object."),
            .switchParameter("Unique", \.unique, help: "Writes each distinct object once."),
            .switchParameter("CaseInsensitive", \.caseInsensitive, help: "Makes -Unique ignore case."),
            Parameter("Last", \.last, sets: ["DefaultParameter"], help: "The number of objects to take from the end."),
            Parameter("First", \.first, sets: ["DefaultParameter"], help: "The number of objects to take from the start."),
            Parameter("Skip", \.skip, sets: ["DefaultParameter", "SkipLastParameter"],
                      help: "The number of objects to skip at the start (with -Last alone: of the last ones)."),
            Parameter("SkipLast", \.skipLast, sets: ["SkipLastParameter"], help: "The number of objects to skip at the end."),
            .switchParameter("Wait", \.wait, sets: ["DefaultParameter", "IndexParameter"],
                             help: "Lets the commands before it finish (no early stop with -First)."),
            Parameter("Index", \.index, sets: ["IndexParameter"], help: "Zero-based positions of the objects to take."),
            Parameter("SkipIndex", \.skipIndex, sets: ["SkipIndexParameter"], help: "Zero-based positions of the objects to leave out."),
        ])

    var inputObject: PSValue = .null
    var property: [PSValue] = []
    var excludeProperty: [String] = []
    var expandProperty: String?
    var unique = false
    var caseInsensitive = false
    var last: Int?
    var first: Int?
    var skip = 0
    var skipLast = 0
    var wait = false
    var index: [Int] = []
    var skipIndex: [Int] = []

    private var expressions: [PropertyExpression] = []
    private var exclusions: [WildcardPattern] = []
    private var selectsProperties = false
    private var position = 0
    private var window = SelectionWindow(first: nil, last: nil, skip: 0, skipLast: 0)
    /// -Index or -SkipIndex, sorted; `nextIndex` is the next one not yet reached.
    private var indices: [Int] = []
    private var nextIndex = 0
    private var uniques: [PSValue] = []
    private lazy var comparer = ObjectComparer(caseSensitive: !caseInsensitive, context: nil)

    func begin(_ context: CommandContext) throws {
        for name in ["First", "Last", "Skip", "SkipLast", "Index", "SkipIndex"] where context.isBound(name) {
            let values: [Int]
            switch name {
            case "First": values = [first ?? 0]
            case "Last": values = [last ?? 0]
            case "Skip": values = [skip]
            case "SkipLast": values = [skipLast]
            case "Index": values = index
            default: values = skipIndex
            }
            if values.contains(where: { $0 < 0 }) {
                throw context.terminatingError("The -\(name) argument must not be negative.", id: "ParameterArgumentValidationError",
                                               category: .InvalidData,
                                               exceptionType: "System.Management.Automation.ParameterBindingException")
            }
        }
        expressions = try PropertyExpression.parse(property, keys: .select, context: context)
        exclusions = excludeProperty.map { WildcardPattern($0) }
        if expressions.isEmpty && !excludeProperty.isEmpty {
            expressions = [PropertyExpression(source: PropertyExpression.source(forName: "*"))]
        }
        selectsProperties = !expressions.isEmpty
        indices = (context.parameterSetName == "SkipIndexParameter" ? skipIndex : index).sorted()
        window = SelectionWindow(first: first, last: last, skip: skip, skipLast: skipLast)
    }

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject, !inputObject.isNull else { return }
        let current = inputObject
        switch context.parameterSetName {
        case "IndexParameter", "SkipIndexParameter":
            try processIndexed(current, keeping: context.parameterSetName == "IndexParameter", context)
        default:
            if let ready = window.take(current) { try select(ready, context) }
            if window.isComplete && !wait { try stopIfPossible(context) }
        }
    }

    /// -Index writes the objects at the given positions, -SkipIndex all the others.
    private func processIndexed(_ current: PSValue, keeping: Bool, _ context: CommandContext) throws {
        defer { position += 1 }
        let atIndex = nextIndex < indices.count && indices[nextIndex] == position
        while nextIndex < indices.count && indices[nextIndex] <= position { nextIndex += 1 }
        if atIndex == keeping { try select(current, context) }
        if keeping && nextIndex >= indices.count && !wait { try stopIfPossible(context) }
    }

    func end(_ context: CommandContext) throws {
        guard context.parameterSetName == "DefaultParameter" else { return }
        for item in window.remaining() { try select(item, context) }
    }

    /// Ends upstream commands once nothing more can be selected (only when fed by a pipeline).
    private func stopIfPossible(_ context: CommandContext) throws {
        if context.expectingInput { try context.stopUpstream() }
    }

    // MARK: Selecting properties

    private func select(_ object: PSValue, _ context: CommandContext) throws {
        if let expandProperty {
            try expand(object, expandProperty, context)
        } else if selectsProperties {
            try emit(.object(try selectedObject(from: object, context)), context)
        } else {
            try emit(object, context)
        }
    }

    /// A new object holding the selected properties, typed `Selected.<original type>`.
    private func selectedObject(from object: PSValue, _ context: CommandContext) throws -> PSObject {
        let result = PSObject(typeNames: ["Selected." + UtilityProperties.typeName(of: object)] + PSObject.customObjectTypeNames)
        for (name, value) in try selectedPairs(of: object, context) {
            if result.hasProperty(name) {
                try context.writeError("The property \"\(name)\" cannot be added because it already exists.",
                                       id: "AlreadyExistingUserSpecifiedPropertyNoExpand", category: .InvalidOperation,
                                       target: object, exceptionType: "System.Management.Automation.PSArgumentException")
                continue
            }
            result.add(name, value)
        }
        return result
    }

    private func selectedPairs(of object: PSValue, _ context: CommandContext) throws -> [(name: String, value: PSValue)] {
        var pairs: [(name: String, value: PSValue)] = []
        for expression in expressions {
            for pair in try expression.evaluate(on: object, context: context)
            where !exclusions.contains(where: { $0.matches(pair.name) }) {
                pairs.append(pair)
            }
        }
        return pairs
    }

    private func expand(_ object: PSValue, _ name: String, _ context: CommandContext) throws {
        let expression = PropertyExpression(source: PropertyExpression.source(forName: name))
        let found = try expression.evaluate(on: object, context: context)
        let exists: Bool
        if case .wildcard = expression.source { exists = !found.isEmpty } else { exists = expression.exists(on: object) }
        guard exists, let value = found.first?.value else {
            try context.writeError("The property \"\(name)\" cannot be found on the input object.", id: "ExpandPropertyNotFound",
                                   category: .InvalidArgument, target: object,
                                   exceptionType: "System.Management.Automation.PSArgumentException")
            return
        }
        if found.count > 1 {
            try context.writeError("The name \"\(name)\" matches several properties; -ExpandProperty needs exactly one.",
                                   id: "MutlipleExpandProperties", category: .InvalidArgument, target: object,
                                   exceptionType: "System.Management.Automation.PSArgumentException")
            return
        }
        let items = value.enumerated ?? [value]
        for item in items {
            guard selectsProperties else { try emit(item, context); continue }
            // The selected properties ride along on each expanded object.
            let decorated = UtilityProperties.wrap(item)
            for (name, extra) in try selectedPairs(of: object, context) {
                if decorated.hasProperty(name) {
                    try context.writeError("The property \"\(name)\" cannot be added because it already exists.",
                                           id: "AlreadyExistingUserSpecifiedPropertyExpand", category: .InvalidOperation,
                                           target: item, exceptionType: "System.Management.Automation.PSArgumentException")
                    continue
                }
                decorated.add(name, extra)
            }
            try emit(.object(decorated), context)
        }
    }

    private func emit(_ value: PSValue, _ context: CommandContext) throws {
        if unique {
            if uniques.contains(where: { isSame($0, value) }) { return }
            uniques.append(value)
        }
        try context.write(value)
    }

    /// -Unique's equality: selected objects match when all their property values match.
    private func isSame(_ a: PSValue, _ b: PSValue) -> Bool {
        if let x = a.asPSObject, let y = b.asPSObject, x.baseObject == nil, y.baseObject == nil {
            guard x.properties.count == y.properties.count else { return false }
            for (p, q) in zip(x.properties, y.properties) {
                if !p.name.equalsIgnoringCase(q.name) || !comparer.equals(p.value, q.value) { return false }
            }
            return true
        }
        return comparer.equals(a, b)
    }
}
