import PSRuntime

/// Sorts pipeline objects by their values or by property values.
final class SortObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SortObjectCommand.self, name: "Sort-Object", aliases: ["sort"],
        synopsis: "Sorts objects by property values or by the objects themselves.",
        description: "Keys may be property names, script blocks, or hashtables with Expression and Ascending/Descending. Text compares without regard to case unless -CaseSensitive is given; $null sorts first. The sort is stable.",
        defaultParameterSet: "Default",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("3, 1, 2 | Sort-Object", "Sorts numbers."),
                   HelpExample("Get-ChildItem | Sort-Object Length -Descending", "Largest files first."),
                   HelpExample("$people | Sort-Object @{Expression='Age'; Descending=$true}, Name", "Sorts by age (descending), then by name.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to sort."),
            Parameter("Property", \.property, position: 0, help: "Sort keys: names, script blocks or hashtables."),
            .switchParameter("Descending", \.descending, help: "Sorts from largest to smallest."),
            .switchParameter("Unique", \.unique, help: "Keeps one object of each group of equal keys."),
            .switchParameter("Stable", \.stable, sets: ["Stable"], help: "Keeps equal objects in input order (always the case here)."),
            Parameter("Top", \.top, mandatory: true, sets: ["Top"], help: "Returns only this many objects from the start of the order."),
            Parameter("Bottom", \.bottom, mandatory: true, sets: ["Bottom"], help: "Returns only this many objects from the end of the order."),
            Parameter("Culture", \.culture, help: "The culture for text comparison (text always compares the same way here)."),
            .switchParameter("CaseSensitive", \.caseSensitive, help: "Orders text case-sensitively (lowercase first)."),
        ])

    var inputObject: PSValue = .null
    var property: [PSValue] = []
    var descending = false
    var unique = false
    var stable = false
    var top: Int?
    var bottom: Int?
    var culture: String?
    var caseSensitive = false

    private var expressions: [PropertyExpression] = []
    private var items: [PSValue] = []

    func begin(_ context: CommandContext) throws {
        expressions = try PropertyExpression.parse(property, keys: .sort, context: context)
    }

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject else { return }
        items.append(inputObject)
    }

    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let comparer = ObjectComparer(caseSensitive: caseSensitive, context: context.session)
        var keys: [[PSValue]] = []
        keys.reserveCapacity(items.count)
        for item in items {
            if expressions.isEmpty {
                keys.append([item])
            } else {
                keys.append(try expressions.map { try $0.value(on: item, context: context) })
            }
        }
        let ascending = expressions.isEmpty
            ? [!descending]
            : expressions.map { $0.ascending ?? !descending }
        var order = Array(items.indices)
        // Ties keep input order, so the sort is stable whatever the algorithm.
        order.sort { a, b in
            let c = comparer.compare(keys: keys[a], keys[b], ascending: ascending)
            return c != 0 ? c < 0 : a < b
        }
        if unique {
            var kept: [Int] = []
            for i in order where kept.last.map({ comparer.compare(keys: keys[$0], keys[i], ascending: ascending) != 0 }) ?? true {
                kept.append(i)
            }
            order = kept
        }
        if let top { order = Array(order.prefix(max(0, top))) }
        if let bottom { order = Array(order.suffix(max(0, bottom))) }
        for i in order { try context.write(items[i]) }
    }
}
