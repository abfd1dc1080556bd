import Foundation
import PSLanguage

extension Operators {
    // MARK: -match

    static func match(_ lhs: PSValue, _ rhs: PSValue, negate: Bool, ignoreCase: Bool, context: ExecutionContext) throws -> PSValue {
        let regex = try regexOperand(rhs, ignoreCase: ignoreCase, context: context)
        if let items = lhs.enumerated {
            var kept: [PSValue] = []
            for item in items {
                let text = LanguagePrimitives.toString(item, context: context) as NSString
                let found = regex.firstMatch(in: text as String, range: NSRange(location: 0, length: text.length)) != nil
                if found != negate { kept.append(item) }
            }
            return .array(kept)
        }
        let text = LanguagePrimitives.toString(lhs, context: context) as NSString
        guard let result = regex.firstMatch(in: text as String, range: NSRange(location: 0, length: text.length)) else {
            return .bool(negate)
        }
        let m = RegexSupport.matchValue(result, in: text, names: RegexSupport.groupNames(regex.pattern))
        try context.setVariable("Matches", .object(RegexSupport.matchesTable(m)))
        return .bool(!negate)
    }

    /// The compiled regex for a pattern operand (a `[regex]` keeps its own options).
    static func regexOperand(_ v: PSValue, ignoreCase: Bool, context: ExecutionContext?) throws -> NSRegularExpression {
        if case .object(let o) = v.baseValue, let r = o as? RegexValue { return r.regex }
        return try RegexCache.on(context).regex(LanguagePrimitives.toString(v, context: context), ignoreCase: ignoreCase)
    }

    // MARK: -replace

    static func replace(_ lhs: PSValue, _ rhs: PSValue, ignoreCase: Bool, context: ExecutionContext) throws -> PSValue {
        var patternValue = rhs
        var replacement: PSValue = .string("")
        if let parts = rhs.enumerated {
            guard parts.count <= 2 else {
                throw RuntimeError("The -replace operator allows only two elements to follow it, not \(parts.count).",
                                   id: "BadReplaceArgument", category: .InvalidOperation, target: rhs)
            }
            patternValue = parts.first ?? .string("")
            if parts.count == 2 { replacement = parts[1] }
        }
        let regex = try regexOperand(patternValue, ignoreCase: ignoreCase, context: context)
        let names = RegexSupport.groupNames(regex.pattern)
        let block = replacement.baseValue.asScriptBlock
        let template = block == nil ? LanguagePrimitives.toString(replacement, context: context) : ""
        func apply(_ item: PSValue) throws -> String {
            let text = LanguagePrimitives.toString(item, context: context) as NSString
            let results = regex.matches(in: text as String, range: NSRange(location: 0, length: text.length))
            if results.isEmpty { return text as String }
            var out = ""
            var last = 0
            for r in results {
                out += text.substring(with: NSRange(location: last, length: r.range.location - last))
                let m = RegexSupport.matchValue(r, in: text, names: names)
                if let block {
                    let produced = try ScriptBlockCalls.invoke(block, dollarUnder: .object(m), arguments: [], context: context)
                    out += produced.map { LanguagePrimitives.toString($0, context: context) }.joined()
                } else {
                    out += RegexSupport.expand(template, m, input: text)
                }
                last = r.range.location + r.range.length
            }
            out += text.substring(from: last)
            return out
        }
        if let items = lhs.enumerated { return .array(try items.map { .string(try apply($0)) }) }
        return .string(try apply(lhs))
    }

    // MARK: -join and -f

    static func join(_ v: PSValue, separator: String, context: ExecutionContext?) -> String {
        guard let items = v.enumerated else { return LanguagePrimitives.toString(v, context: context) }
        var out = ""
        for (i, item) in items.enumerated() {
            if i > 0 { out += separator }
            out += LanguagePrimitives.toString(item, context: context)
        }
        return out
    }

    static func format(_ lhs: PSValue, _ rhs: PSValue, context: ExecutionContext) throws -> PSValue {
        let formatText = LanguagePrimitives.toString(lhs, context: context)
        let arguments = rhs.enumerated ?? [rhs]
        return .string(try DotNetFormat.composite(formatText, arguments))
    }
}

/// Runs script blocks for operators and methods (`-replace {…}`, `.ForEach{…}`, script properties).
enum ScriptBlockCalls {
    static func invoke(_ block: ScriptBlock, dollarUnder: PSValue?, arguments: [PSValue], context: ExecutionContext) throws -> [PSValue] {
        var results: [PSValue] = []
        try context.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: arguments, newScope: false) { results.append($0) }
        return results
    }

    /// Runs a script property getter or script method with `$this` bound to the target.
    static func invoke(_ block: ScriptBlock, this target: PSValue, arguments: [PSValue], context: ExecutionContext) throws -> [PSValue] {
        try context.withScope(Scope(parent: context.currentScope)) {
            try context.setVariable("this", target)
            var results: [PSValue] = []
            try context.invokeScriptBlock(block, dollarUnder: nil, arguments: arguments, newScope: false) { results.append($0) }
            return results
        }
    }

    /// Collapses pipeline output to one value: nothing → $null, one → itself, more → array.
    static func collapse(_ values: [PSValue]) -> PSValue {
        switch values.count {
        case 0: return .null
        case 1: return values[0]
        default: return .array(values)
        }
    }
}
