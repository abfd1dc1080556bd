import PSRuntime

/// Compares two sets of objects and reports which side each difference is on.
final class CompareObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        CompareObjectCommand.self, name: "Compare-Object",
        synopsis: "Compares two sets of objects.",
        description: "Objects only in the reference set are marked <=, objects only in the difference set =>, and with -IncludeEqual objects in both ==. -Property compares property values instead of the objects; -PassThru writes the original objects with a SideIndicator property added.",
        outputTypes: ["System.Management.Automation.PSCustomObject"],
        examples: [HelpExample("Compare-Object 1, 2, 3 2, 3, 4", "4 is marked =>, 1 is marked <=."),
                   HelpExample("Compare-Object $old $new -Property Name -IncludeEqual", "Compares by name, listing matches too.")],
        parameters: [
            Parameter("ReferenceObject", \.referenceObject, position: 0, mandatory: true, help: "The objects to compare against."),
            Parameter("DifferenceObject", \.differenceObject, position: 1, mandatory: true, pipeline: .byValue,
                      help: "The objects compared with the reference set."),
            Parameter("SyncWindow", \.syncWindow, help: "How far to look for a match (accepted; the whole set is searched).",
                      defaultValue: "[Int32]::MaxValue"),
            Parameter("Property", \.property, help: "Properties to compare: names, script blocks or hashtables with Expression."),
            .switchParameter("ExcludeDifferent", \.excludeDifferent, help: "Leaves out the differences (implies -IncludeEqual)."),
            .switchParameter("IncludeEqual", \.includeEqual, help: "Also writes the objects found in both sets."),
            .switchParameter("PassThru", \.passThru, help: "Writes the original objects with a SideIndicator property."),
            Parameter("Culture", \.culture, help: "The culture for text comparison."),
            .switchParameter("CaseSensitive", \.caseSensitive, help: "Compares text case-sensitively."),
        ])

    var referenceObject: [PSValue] = []
    var differenceObject: [PSValue] = []
    var syncWindow = Int(Int32.max)
    var property: [PSValue] = []
    var excludeDifferent = false
    var includeEqual = false
    var passThru = false
    var culture: String?
    var caseSensitive = false

    private var expressions: [PropertyExpression] = []
    private var differences: [PSValue] = []

    func begin(_ context: CommandContext) throws {
        expressions = try PropertyExpression.parse(property, keys: .expressionOnly, context: context)
        if excludeDifferent { includeEqual = true }
    }

    func process(_ context: CommandContext) throws {
        differences.append(contentsOf: differenceObject)
    }

    func end(_ context: CommandContext) throws {
        let comparer = ObjectComparer(caseSensitive: caseSensitive, context: context.session)
        let referenceKeys = try referenceObject.map { try keys(of: $0, context) }
        var matched = Array(repeating: false, count: referenceObject.count)
        for item in differences {
            let itemKeys = try keys(of: item, context)
            let match = referenceKeys.indices.first { i in
                !matched[i] && referenceKeys[i].count == itemKeys.count
                    && zip(referenceKeys[i], itemKeys).allSatisfy { comparer.equals($0, $1) }
            }
            if let match {
                matched[match] = true
                if includeEqual { try report(referenceObject[match], keys: referenceKeys[match], side: "==", context) }
            } else if !excludeDifferent {
                try report(item, keys: itemKeys, side: "=>", context)
            }
        }
        guard !excludeDifferent else { return }
        for (i, item) in referenceObject.enumerated() where !matched[i] {
            try report(item, keys: referenceKeys[i], side: "<=", context)
        }
    }

    private func keys(of object: PSValue, _ context: CommandContext) throws -> [PSValue] {
        if expressions.isEmpty { return [object] }
        return try expressions.map { try $0.value(on: object, context: context) }
    }

    private func report(_ object: PSValue, keys: [PSValue], side: String, _ context: CommandContext) throws {
        if passThru {
            let decorated = UtilityProperties.wrap(object)
            decorated.add("SideIndicator", .string(side))
            try context.write(.object(decorated))
            return
        }
        let result = PSObject()
        if expressions.isEmpty {
            result.add("InputObject", object)
        } else {
            for (expression, value) in zip(expressions, keys) { result.add(expression.displayName, value) }
        }
        result.add("SideIndicator", .string(side))
        try context.write(.object(result))
    }
}
