import Foundation

/// Checks `[Validate…]` rules on a converted value. Collections are checked element by element,
/// as PowerShell does.
public enum ParameterValidation {
    /// Throws the error `makeError(reason)` builds when `value` breaks a rule.
    public static func validate(_ value: PSValue, with validators: [ParameterValidator], context: ExecutionContext,
                                makeError: (String) -> RuntimeError) throws {
        for validator in validators {
            if let reason = try check(value, validator, context: context) { throw makeError(reason) }
        }
    }

    private static func check(_ value: PSValue, _ validator: ParameterValidator, context: ExecutionContext) throws -> String? {
        let items = value.enumerated ?? [value]
        switch validator {
        case .notNull:
            if value.isNull { return "The argument is null. Provide a valid value for the argument, and then try running the command again." }
        case .notNullOrEmpty:
            if value.isNull { return "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again." }
            if let a = value.asArray, a.items.isEmpty {
                return "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again."
            }
            for item in items {
                if item.isNull || (item.asString?.isEmpty ?? false) {
                    return "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
                }
            }
        case .set(let allowed, let ignoreCase):
            for item in items {
                let text = LanguagePrimitives.toString(item, context: context)
                let ok = allowed.contains { ignoreCase ? $0.equalsIgnoringCase(text) : $0 == text }
                if !ok {
                    return "The argument \"\(text)\" does not belong to the set \"\(allowed.joined(separator: ","))\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
                }
            }
        case .range(let min, let max):
            for item in items {
                guard let d = try? LanguagePrimitives.toDouble(item) else { continue }
                if d < min {
                    return "The \(LanguagePrimitives.toString(item, context: context)) argument is less than the minimum allowed range of \(format(min)). Supply an argument that is greater than or equal to \(format(min)) and then try the command again."
                }
                if d > max {
                    return "The \(LanguagePrimitives.toString(item, context: context)) argument is greater than the maximum allowed range of \(format(max)). Supply an argument that is less than or equal to \(format(max)) and then try the command again."
                }
            }
        case .pattern(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
            for item in items {
                let text = LanguagePrimitives.toString(item, context: context)
                if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    return "The argument \"\(text)\" does not match the \"\(pattern)\" pattern. Supply an argument that matches \"\(pattern)\" and try the command again."
                }
            }
        case .count(let min, let max):
            let n = items.count
            if n < min || n > max {
                return "The parameter requires at least \(min) value(s) and no more than \(max) value(s) - \(n) value(s) were provided."
            }
        case .length(let min, let max):
            for item in items {
                let n = LanguagePrimitives.toString(item, context: context).count
                if n < min { return "The character length of the \(n) argument is too short. Shorten the character length of the argument so it is fewer than or equal to \"\(max)\" characters, and then try the command again." }
                if n > max { return "The character length of the \(n) argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"\(max)\" characters, and then try the command again." }
            }
        case .script(let reference):
            let block = try ParsedScriptCache.of(context).block(key: "ValidateScript:" + reference.source, text: reference.source) {
                try context.createScriptBlock($0)
            }
            for item in items {
                var results: [PSValue] = []
                try context.invokeScriptBlock(block, dollarUnder: item, arguments: [], newScope: true) { results.append($0) }
                let ok = results.count == 1 ? LanguagePrimitives.isTrue(results[0]) : !results.isEmpty && results.allSatisfy(LanguagePrimitives.isTrue)
                if !ok {
                    return "The \"\(reference.source)\" validation script for the argument with value \"\(LanguagePrimitives.toString(item, context: context))\" did not return a result of True. Determine why the validation script failed, and then try the command again."
                }
            }
        }
        return nil
    }

    private static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
