import Foundation

/// The `-split` operator as PowerShell implements it: a regular expression (or a literal with
/// SimpleMatch, or a script-block predicate) splits each input string; a positive maximum count
/// keeps the rest in the last piece, a negative one counts pieces from the right.
enum SplitOperator {
    /// `System.Management.Automation.SplitOptions`, in declaration order.
    struct Options: OptionSet {
        let rawValue: Int
        static let simpleMatch = Options(rawValue: 0x01)
        static let regexMatch = Options(rawValue: 0x02)
        static let cultureInvariant = Options(rawValue: 0x04)
        static let ignorePatternWhitespace = Options(rawValue: 0x08)
        static let multiline = Options(rawValue: 0x10)
        static let singleline = Options(rawValue: 0x20)
        static let ignoreCase = Options(rawValue: 0x40)
        static let explicitCapture = Options(rawValue: 0x80)

        static let names: [(String, Options)] = [
            ("SimpleMatch", .simpleMatch), ("RegexMatch", .regexMatch), ("CultureInvariant", .cultureInvariant),
            ("IgnorePatternWhitespace", .ignorePatternWhitespace), ("Multiline", .multiline),
            ("Singleline", .singleline), ("IgnoreCase", .ignoreCase), ("ExplicitCapture", .explicitCapture),
        ]
    }

    /// Binary `-split`/`-isplit` (`ignoreCase`) and `-csplit`.
    static func split(_ lhs: PSValue, _ rhs: PSValue, ignoreCase: Bool, context: ExecutionContext) throws -> PSValue {
        let inputs = (lhs.enumerated ?? [lhs]).map { LanguagePrimitives.toString($0, context: context) }
        let arguments = rhs.enumerated ?? [rhs]
        guard let delimiter = arguments.first else {
            throw RuntimeError("The argument to operator '-split' is not valid: \(LanguagePrimitives.toString(rhs, context: context)).",
                               id: "BadOperatorArgument", category: .InvalidOperation, target: rhs)
        }
        let predicate = delimiter.baseValue.asScriptBlock
        let limit = arguments.count > 1 ? Int(try LanguagePrimitives.toInt32(arguments[1])) : 0
        var options: Options = []
        if arguments.count > 2, !arguments[2].isNull {
            // An empty options string is ignored altogether (and then so is the operator's own case rule).
            if arguments[2].baseValue.asString?.isEmpty != true {
                options = try parseOptions(arguments[2])
                if predicate != nil {
                    throw RuntimeError("Options are not allowed on the -split operator with a predicate.",
                                       id: "InvalidSplitOptionWithPredicate", category: .InvalidOperation,
                                       exceptionType: "System.Management.Automation.ParseException")
                }
                if ignoreCase { options.insert(.ignoreCase) }
            }
        } else if ignoreCase {
            options.insert(.ignoreCase)
        }
        let pieces: [String]
        if let predicate {
            pieces = try inputs.flatMap { try splitWithPredicate($0, predicate, limit: limit, context: context) }
        } else {
            let pattern = LanguagePrimitives.toString(delimiter, context: context)
            pieces = try splitWithPattern(inputs, pattern, limit: limit, options: options, context: context)
        }
        return .array(pieces.map { .string($0) })
    }

    /// Unary `-split`: each string, trimmed, split at runs of whitespace.
    static func unarySplit(_ operand: PSValue, context: ExecutionContext) throws -> PSValue {
        let inputs = (operand.enumerated ?? [operand]).map {
            LanguagePrimitives.toString($0, context: context).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let pieces = try splitWithPattern(inputs, "\\s+", limit: 0, options: [], context: context)
        return .array(pieces.map { .string($0) })
    }

    /// Converts the third operand as PowerShell converts to the SplitOptions enumeration: a
    /// number, or names separated by commas (case-insensitive).
    static func parseOptions(_ value: PSValue) throws -> Options {
        if let number = Numeric.of(value.baseValue) { return Options(rawValue: Int(number.asLong)) }
        let text = LanguagePrimitives.toString(value, context: nil)
        if let number = Int(text.trimmingCharacters(in: .whitespaces)) { return Options(rawValue: number) }
        var options: Options = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let match = Options.names.first(where: { $0.0.equalsIgnoringCase(name) }) else {
                let known = Options.names.map(\.0).joined(separator: ", ")
                throw RuntimeError("Cannot convert value \"\(text)\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name \(name) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(known)\"",
                                   id: "RuntimeException", category: .NotSpecified, target: value)
            }
            options.insert(match.1)
        }
        return options
    }

    // MARK: Pattern

    private static func splitWithPattern(_ inputs: [String], _ separator: String, limit: Int, options: Options,
                                         context: ExecutionContext) throws -> [String] {
        var options = options
        if !options.contains(.simpleMatch) && !options.contains(.regexMatch) { options.insert(.regexMatch) }
        var pattern = separator
        if options.contains(.simpleMatch) {
            guard options.subtracting([.simpleMatch, .ignoreCase]).isEmpty else {
                throw RuntimeError("The combination of options with the -split operator is not valid.",
                                   id: "InvalidSplitOptionCombination", category: .InvalidOperation,
                                   exceptionType: "System.Management.Automation.ParseException")
            }
            pattern = NSRegularExpression.escapedPattern(for: separator)
        }
        var regexOptions: NSRegularExpression.Options = []
        if options.contains(.ignorePatternWhitespace) { regexOptions.insert(.allowCommentsAndWhitespace) }
        if options.contains(.multiline) { regexOptions.insert(.anchorsMatchLines) }
        if options.contains(.singleline) { regexOptions.insert(.dotMatchesLineSeparators) }
        if options.contains(.explicitCapture) { pattern = withoutUnnamedCaptures(pattern) }
        let regex = try RegexCache.on(context).regex(pattern, ignoreCase: options.contains(.ignoreCase), extraOptions: regexOptions)
        let groupOrder = dotNetGroupOrder(RegexSupport.groupNames(pattern))
        return inputs.flatMap { regexSplit($0, regex, count: abs(limit), rightToLeft: limit < 0, groupOrder: groupOrder) }
    }

    /// .NET's `Regex.Split`: at most `count` pieces (0 = all), captured groups of each separator
    /// kept between the pieces. Right to left takes the separators nearest the end.
    private static func regexSplit(_ input: String, _ regex: NSRegularExpression, count: Int, rightToLeft: Bool,
                                   groupOrder: [Int]) -> [String] {
        if count == 1 { return [input] }
        let text = input as NSString
        var matches = regex.matches(in: input, range: NSRange(location: 0, length: text.length))
        if matches.isEmpty { return [input] }
        if count > 1, matches.count > count - 1 {
            matches = rightToLeft ? Array(matches.suffix(count - 1)) : Array(matches.prefix(count - 1))
        }
        func captures(_ match: NSTextCheckingResult) -> [String] {
            groupOrder.compactMap { g in
                guard g < match.numberOfRanges else { return nil }
                let r = match.range(at: g)
                return r.location == NSNotFound ? nil : text.substring(with: r)
            }
        }
        var pieces: [String] = []
        if rightToLeft {
            // Built from the end as .NET does (captures in reverse order), then reversed.
            var previous = text.length
            for match in matches.reversed() {
                let end = match.range.location + match.range.length
                pieces.append(text.substring(with: NSRange(location: end, length: max(0, previous - end))))
                previous = match.range.location
                pieces += captures(match)
            }
            pieces.append(text.substring(to: previous))
            return pieces.reversed()
        }
        var previous = 0
        for match in matches {
            pieces.append(text.substring(with: NSRange(location: previous, length: max(0, match.range.location - previous))))
            previous = match.range.location + match.range.length
            pieces += captures(match)
        }
        pieces.append(text.substring(from: previous))
        return pieces
    }

    /// Capture group numbers in .NET order: unnamed groups first, then named ones.
    private static func dotNetGroupOrder(_ names: [String?]) -> [Int] {
        let numbered = names.indices.filter { names[$0] == nil }.map { $0 + 1 }
        let named = names.indices.filter { names[$0] != nil }.map { $0 + 1 }
        return numbered + named
    }

    /// ExplicitCapture: plain `( … )` groups stop capturing; only named groups remain.
    static func withoutUnnamedCaptures(_ pattern: String) -> String {
        var out = ""
        var escaped = false, inClass = false
        var chars = pattern.makeIterator()
        var pending = chars.next()
        while let c = pending {
            pending = chars.next()
            out.append(c)
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass && pending != "?": out.append("?:")
            default: break
            }
        }
        return out
    }

    // MARK: Predicate

    /// Splits where the predicate (given each character as `$_`, and the string and the index as
    /// `$args`) is true; a negative limit works from the end of the string.
    private static func splitWithPredicate(_ item: String, _ predicate: ScriptBlock, limit: Int,
                                           context: ExecutionContext) throws -> [String] {
        if limit == 1 || limit == -1 { return [item] }
        let units = Array(item.utf16)
        func isDelimiter(_ i: Int) throws -> Bool {
            let result = try ScriptBlockCalls.invoke(predicate, dollarUnder: .char(units[i]),
                                                     arguments: [.string(item), .int(Int32(i))], context: context)
            return LanguagePrimitives.isTrue(.array(result))
        }
        func piece(_ from: Int, _ length: Int) -> String {
            String(utf16CodeUnits: Array(units[from..<(from + length)]), count: length)
        }
        var pieces: [String] = []
        if limit >= 0 {
            var cursor = 0, length = 0
            while cursor < units.count {
                if try !isDelimiter(cursor) {
                    length += 1
                    cursor += 1
                    continue
                }
                pieces.append(piece(cursor - length, length))
                length = 0
                cursor += 1
                if limit == pieces.count + 1 { break }
            }
            pieces.append(cursor == units.count ? piece(cursor - length, length) : piece(cursor, units.count - cursor))
            return pieces
        }
        var cursor = units.count - 1, length = 0
        while cursor >= 0 {
            if try !isDelimiter(cursor) {
                length += 1
                cursor -= 1
                continue
            }
            pieces.append(piece(cursor + 1, length))
            length = 0
            cursor -= 1
            if -limit == pieces.count + 1 { break }
        }
        pieces.append(cursor == -1 ? piece(0, length) : piece(0, cursor + 1))
        return pieces.reversed()
    }
}
