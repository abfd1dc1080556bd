import Foundation
import PSRuntime

/// Counts objects and computes sums, averages, extremes or text statistics.
final class MeasureObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        MeasureObjectCommand.self, name: "Measure-Object", aliases: ["measure"],
        synopsis: "Counts objects and computes statistics of numbers or text.",
        description: "Without switches only the count is computed. -Sum, -Average, -Maximum, -Minimum and -StandardDeviation (or -AllStats) work on the objects or on their -Property values; -Line, -Word and -Character count text. $null input is not counted.",
        defaultParameterSet: "GenericMeasure",
        outputTypes: ["Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.TextMeasureInfo"],
        examples: [HelpExample("1..10 | Measure-Object -Sum -Average", "Count 10, Sum 55, Average 5.5."),
                   HelpExample("Get-ChildItem | Measure-Object Length -Maximum", "The size of the largest file."),
                   HelpExample("Get-Content notes.txt | Measure-Object -Line -Word", "Counts lines and words.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to measure."),
            Parameter("Property", \.property, position: 0, help: "The properties to measure (names, wildcards or script blocks)."),
            .switchParameter("StandardDeviation", \.standardDeviation, sets: ["GenericMeasure"], help: "Computes the sample standard deviation."),
            .switchParameter("Sum", \.sum, sets: ["GenericMeasure"], help: "Adds the values."),
            .switchParameter("AllStats", \.allStats, sets: ["GenericMeasure"], help: "Computes every statistic."),
            .switchParameter("Average", \.average, sets: ["GenericMeasure"], help: "Averages the values."),
            .switchParameter("Maximum", \.maximum, sets: ["GenericMeasure"], help: "Finds the largest value."),
            .switchParameter("Minimum", \.minimum, sets: ["GenericMeasure"], help: "Finds the smallest value."),
            .switchParameter("Line", \.line, sets: ["TextMeasure"], help: "Counts lines."),
            .switchParameter("Word", \.word, sets: ["TextMeasure"], help: "Counts words."),
            .switchParameter("Character", \.character, sets: ["TextMeasure"], help: "Counts characters."),
            .switchParameter("IgnoreWhiteSpace", \.ignoreWhiteSpace, sets: ["TextMeasure"], help: "Leaves white space out of the character count."),
        ])

    static let genericTypeName = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    static let objectTypeName = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
    static let textTypeName = "Microsoft.PowerShell.Commands.TextMeasureInfo"

    var inputObject: PSValue = .null
    var property: [PSValue] = []
    var standardDeviation = false
    var sum = false
    var allStats = false
    var average = false
    var maximum = false
    var minimum = false
    var line = false
    var word = false
    var character = false
    var ignoreWhiteSpace = false

    private var isText = false
    private var needsNumbers = false
    private var expressions: [PropertyExpression] = []
    /// Statistics of the objects themselves (no -Property).
    private var totals = MeasureStatistics()
    /// Statistics per resolved property name, in order of first appearance.
    private var byProperty: [(name: String, stats: MeasureStatistics)] = []
    private var nonNumeric = false
    private var comparer = ObjectComparer(context: nil)

    func begin(_ context: CommandContext) throws {
        if allStats { sum = true; average = true; maximum = true; minimum = true; standardDeviation = true }
        isText = line || word || character
        needsNumbers = sum || average || standardDeviation
        comparer = ObjectComparer(context: context.session)
        expressions = try PropertyExpression.parse(property, keys: .noHashtable, context: context)
        for expression in expressions {
            if case .wildcard = expression.source { continue }
            byProperty.append((expression.displayName, MeasureStatistics()))
        }
    }

    func process(_ context: CommandContext) throws {
        let object = inputObject
        if case .null = object { return }
        if expressions.isEmpty {
            // The hot path: counting alone touches nothing else.
            totals.count += 1
            if isText || needsNumbers || minimum || maximum { try analyze(object.baseValue, into: &totals, context) }
            return
        }
        for expression in expressions {
            for (name, value) in try expression.evaluate(on: object, context: context) {
                if case .name = expression.source, !expression.exists(on: object) { continue }
                if value.isNull { continue }
                let slot = byProperty.firstIndex { $0.name.equalsIgnoringCase(name) } ?? {
                    byProperty.append((name, MeasureStatistics()))
                    return byProperty.count - 1
                }()
                byProperty[slot].stats.count += 1
                try analyze(value.baseValue, into: &byProperty[slot].stats, context)
            }
        }
    }

    private func analyze(_ value: PSValue, into stats: inout MeasureStatistics, _ context: CommandContext) throws {
        if isText {
            let text = LanguagePrimitives.toString(value, context: context.session)
            if line { stats.lines += MeasureStatistics.countLines(text) }
            if word { stats.words += MeasureStatistics.countWords(text) }
            if character { stats.characters += MeasureStatistics.countCharacters(text, ignoreWhiteSpace: ignoreWhiteSpace) }
            return
        }
        if needsNumbers {
            guard case .double(let number)? = MeasureStatistics.numeric(value) else {
                nonNumeric = true
                try context.writeError("The input object \"\(LanguagePrimitives.toString(value, context: context.session))\" is not numeric.",
                                       id: "NonNumericInputObject", category: .InvalidType, target: value,
                                       exceptionType: "System.Management.Automation.PSInvalidOperationException")
                return
            }
            stats.addNumber(number)
        }
        if minimum { stats.minimum = MeasureStatistics.extreme(stats.minimum, value, wantMinimum: true, comparer: comparer) }
        if maximum { stats.maximum = MeasureStatistics.extreme(stats.maximum, value, wantMinimum: false, comparer: comparer) }
    }

    func end(_ context: CommandContext) throws {
        if expressions.isEmpty {
            try context.write(.object(result(totals, property: nil)))
            return
        }
        for (name, stats) in byProperty {
            if stats.count == 0 {
                try context.writeError("The property \"\(name)\" cannot be found in any of the input objects.",
                                       id: isText ? "TextMeasurePropertyNotFound" : "GenericMeasurePropertyNotFound",
                                       category: .InvalidArgument, target: .string(name),
                                       exceptionType: "System.Management.Automation.PSArgumentException")
                continue
            }
            try context.write(.object(result(stats, property: name)))
        }
    }

    private func result(_ stats: MeasureStatistics, property: String?) -> PSObject {
        let propertyValue: PSValue = property.map { .string($0) } ?? .null
        if isText {
            let info = PSObject(typeNames: [Self.textTypeName, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"])
            info.add("Lines", line ? .int(Int32(clamping: stats.lines)) : .null)
            info.add("Words", word ? .int(Int32(clamping: stats.words)) : .null)
            info.add("Characters", character ? .int(Int32(clamping: stats.characters)) : .null)
            info.add("Property", propertyValue)
            return info
        }
        // Extremes that are all numbers make a GenericMeasureInfo with doubles; otherwise the
        // original values are kept in a GenericObjectMeasureInfo.
        let numericExtremes = [stats.minimum, stats.maximum].allSatisfy { $0.map { MeasureStatistics.numeric($0) != nil } ?? true }
        let typeName = numericExtremes ? Self.genericTypeName : Self.objectTypeName
        let info = PSObject(typeNames: [typeName, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"])
        func extreme(_ v: PSValue?, _ wanted: Bool) -> PSValue {
            guard wanted, let v else { return .null }
            return numericExtremes ? (MeasureStatistics.numeric(v) ?? .null) : v
        }
        let numbersOK = !nonNumeric
        info.add("Count", .int(Int32(clamping: stats.count)))
        info.add("Average", average && numbersOK && stats.count > 0 ? .double(stats.sum / Double(stats.count)) : .null)
        info.add("Sum", sum && numbersOK ? .double(stats.sum) : .null)
        info.add("Maximum", extreme(stats.maximum, maximum))
        info.add("Minimum", extreme(stats.minimum, minimum))
        let deviation = stats.count > 1 ? (stats.squaredDeviations / Double(stats.count - 1)).squareRoot() : 0
        info.add("StandardDeviation", standardDeviation && numbersOK ? .double(deviation) : .null)
        info.add("Property", propertyValue)
        return info
    }
}
