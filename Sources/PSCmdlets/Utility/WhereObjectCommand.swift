import PSLanguage
import PSRuntime

/// Passes on the pipeline objects for which a filter holds.
final class WhereObjectCommand: Cmdlet {
    /// The comparison switches of the simplified syntax: parameter name, its `I…` alias, the
    /// parameter set and the operator it stands for.
    struct Comparison {
        let name: String
        let alias: String?
        let set: String
        let op: Operator
    }

    enum Operator {
        case binary(BinaryOperator)
        /// `-In`/`-NotIn`: the property value is looked up in -Value.
        case membership(negated: Bool, caseSensitive: Bool)
        case isType(negated: Bool)
        case not
    }

    static let comparisons: [Comparison] = {
        var list: [Comparison] = []
        func add(_ name: String, _ set: String, _ op: ComparisonOperator) {
            list.append(Comparison(name: name, alias: "I" + name, set: set + "Set", op: .binary(.comparison(op, caseSensitive: false))))
            list.append(Comparison(name: "C" + name, alias: nil, set: "CaseSensitive" + set + "Set",
                                   op: .binary(.comparison(op, caseSensitive: true))))
        }
        add("EQ", "Equal", .eq)
        add("NE", "NotEqual", .ne)
        add("GT", "GreaterThan", .gt)
        add("LT", "LessThan", .lt)
        add("GE", "GreaterOrEqual", .ge)
        add("LE", "LessOrEqual", .le)
        add("Like", "Like", .like)
        add("NotLike", "NotLike", .notlike)
        add("Match", "Match", .match)
        add("NotMatch", "NotMatch", .notmatch)
        add("Contains", "Contains", .contains)
        add("NotContains", "NotContains", .notcontains)
        list.append(Comparison(name: "In", alias: "IIn", set: "InSet", op: .membership(negated: false, caseSensitive: false)))
        list.append(Comparison(name: "CIn", alias: nil, set: "CaseSensitiveInSet", op: .membership(negated: false, caseSensitive: true)))
        list.append(Comparison(name: "NotIn", alias: "INotIn", set: "NotInSet", op: .membership(negated: true, caseSensitive: false)))
        list.append(Comparison(name: "CNotIn", alias: nil, set: "CaseSensitiveNotInSet", op: .membership(negated: true, caseSensitive: true)))
        list.append(Comparison(name: "Is", alias: nil, set: "IsSet", op: .isType(negated: false)))
        list.append(Comparison(name: "IsNot", alias: nil, set: "IsNotSet", op: .isType(negated: true)))
        list.append(Comparison(name: "Not", alias: nil, set: "Not", op: .not))
        return list
    }()

    static let declaration: CmdletDeclaration = {
        let propertySets = comparisons.map(\.set)
        var parameters: [Parameter<WhereObjectCommand>] = [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The object to test."),
            Parameter("FilterScript", \.filterScript, position: 0, mandatory: true, sets: ["ScriptBlockSet"],
                      help: "The test: objects for which it returns a true value pass."),
            Parameter("Property", \.property, position: 0, mandatory: true, sets: propertySets,
                      help: "The property to test (simplified syntax)."),
            Parameter("Value", \.value, position: 1, sets: propertySets.filter { $0 != "Not" },
                      help: "The value to compare the property with."),
        ]
        for comparison in comparisons {
            parameters.append(.switchParameter(comparison.name, \.switchValue, sets: [comparison.set],
                                               aliases: comparison.alias.map { [$0] } ?? [],
                                               help: "Compares with the \(comparison.name) operator."))
        }
        let allParameters = parameters
        return CmdletDeclaration(
            WhereObjectCommand.self, name: "Where-Object", aliases: ["?", "where"],
            synopsis: "Selects the objects for which a condition holds.",
            description: "With a script block, each object is passed on when the block returns a true value ($_ is the object). The simplified syntax compares one property with a value: Where-Object Length -gt 10. With only a property name, objects whose property is true pass.",
            module: "Microsoft.PowerShell.Core", defaultParameterSet: "EqualSet",
            examples: [HelpExample("1..10 | Where-Object { $_ % 2 -eq 0 }", "Keeps the even numbers."),
                       HelpExample("Get-ChildItem | Where-Object Length -gt 1KB", "Keeps files larger than 1 KB."),
                       HelpExample("$items | Where-Object Enabled", "Keeps objects whose Enabled property is true.")],
            parameters: allParameters)
    }()

    var inputObject: PSValue = .null
    var filterScript: ScriptBlock?
    var property = ""
    var value: PSValue = .null
    /// Every operator switch shares this storage: the parameter set says which one was given.
    var switchValue = false

    private var comparison: Operator?
    private var forceBoolean = false
    private var rightOperand: PSValue = .null

    func begin(_ context: CommandContext) throws {
        guard filterScript == nil, context.parameterSetName != "ScriptBlockSet" else { return }
        let setName = context.parameterSetName
        let chosen = Self.comparisons.first { $0.set.equalsIgnoringCase(setName) } ?? Self.comparisons[0]
        comparison = chosen.op
        forceBoolean = chosen.name == "EQ" && !context.isBound("EQ")
        let valueGiven = context.isBound("Value")
        var isNot = false
        if case .not = chosen.op { isNot = true }
        if !isNot && !valueGiven && !forceBoolean {
            throw context.terminatingError("The \(chosen.name) operator needs a -Value to compare with.",
                                           id: "ValueNotSpecifiedForWhereObject", category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.PSArgumentException")
        }
        if valueGiven && forceBoolean {
            throw context.terminatingError("A -Value was given without an operator such as -EQ or -Like.",
                                           id: "OperatorNotSpecified", category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.PSArgumentException")
        }
        rightOperand = value
        if case .isType = chosen.op {
            var typeText = LanguagePrimitives.toString(value, context: context.session)
            if typeText.count > 2, typeText.hasPrefix("["), typeText.hasSuffix("]") {
                typeText = String(typeText.dropFirst().dropLast())
            }
            if value.asString != nil {
                guard let type = PSTypeInfo.resolve(name: typeText) else {
                    throw context.terminatingError("Unable to find type [\(typeText)].", id: "TypeNotFound",
                                                   category: .InvalidType,
                                                   exceptionType: "System.Management.Automation.PSInvalidCastException")
                }
                rightOperand = .object(type)
            }
        }
    }

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject else { return }
        let current = inputObject
        if let filterScript {
            // Truth of the block's output without collecting it: no output is false, one value
            // is its own truth, two or more (an array) are true.
            var count = 0
            var first: PSValue = .null
            try context.invokeInCurrentScope(filterScript, dollarUnder: current) { result in
                if count == 0 { first = result }
                count += 1
            }
            if count > 1 || (count == 1 && LanguagePrimitives.isTrue(first)) { try context.write(current) }
            return
        }
        guard let comparison else { return }
        let left = propertyValue(of: current, context)
        let passes: Bool
        do {
            passes = try evaluate(comparison, left, context)
        } catch let error as RuntimeError {
            try context.writeError(ErrorRecord(exception: error.record.exception, errorId: "OperatorFailed",
                                               category: .InvalidOperation, targetObject: current))
            return
        }
        if passes { try context.write(current) }
    }

    /// The -Property wildcard, compiled once (nil when the name has no wildcard).
    private lazy var propertyPattern: WildcardPattern? = WildcardPattern.containsWildcard(property) ? WildcardPattern(property) : nil

    private func propertyValue(of object: PSValue, _ context: CommandContext) -> PSValue {
        if object.isNull { return .null }
        if let table = object.baseValue.asHashtable, let entry = table[string: property] { return entry }
        if let pattern = propertyPattern {
            let matches = UtilityProperties.names(of: object).filter { pattern.matches($0) }
            guard matches.count == 1 else { return .null }
            return (try? UtilityProperties.value(of: object, matches[0], context: context.session)) ?? .null
        }
        return (try? UtilityProperties.value(of: object, property, context: context.session)) ?? .null
    }

    private func evaluate(_ op: Operator, _ left: PSValue, _ context: CommandContext) throws -> Bool {
        switch op {
        case .not:
            return !LanguagePrimitives.isTrue(left)
        case .binary(let binary):
            if forceBoolean { return LanguagePrimitives.isTrue(left) }
            return LanguagePrimitives.isTrue(try Operators.binary(binary, left, rightOperand, context: context.session))
        case .membership(let negated, let caseSensitive):
            let found = try Operators.binary(.comparison(.in, caseSensitive: caseSensitive), left, rightOperand,
                                             context: context.session)
            return LanguagePrimitives.isTrue(found) != negated
        case .isType(let negated):
            let result = try Operators.binary(negated ? .isNotType : .isType, left, rightOperand, context: context.session)
            return LanguagePrimitives.isTrue(result)
        }
    }
}
