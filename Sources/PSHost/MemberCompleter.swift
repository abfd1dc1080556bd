import PSCmdlets
import PSLanguage
import PSRuntime

/// Completes `target.name`: evaluates the target — only when that cannot change anything — and
/// lists the value's properties and methods, as pwsh does for a target it can evaluate safely.
/// Safe means variables, constants, property access, constant indexes and parenthesised calls of
/// read-only cmdlets (`(Get-CsPool)[0]`); never a method call, a script block or another command.
struct MemberCompleter {
    let context: ExecutionContext

    /// Verbs of cmdlets that only read, so Tab may run them to learn what they return.
    static let readOnlyVerbs: Set<String> = ["get", "test", "select", "measure", "sort", "group", "compare",
                                             "find", "search", "resolve", "convertto", "convertfrom", "join", "split"]

    /// The members for the text before `end`, or nil when that text is not `expression.partialName`
    /// (then it is a path, a command… for the caller to complete).
    func complete(_ bytes: [UInt8], end: Int) -> CompletionResult? {
        var nameStart = end
        while nameStart > 0, Self.isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        let dot = nameStart - 1
        guard dot > 0, bytes[dot] == UInt8(ascii: "."), Self.endsExpression(bytes[dot - 1]) else { return nil }
        let start = Self.expressionStart(bytes, before: dot)
        let source = String(decoding: bytes[start..<dot], as: UTF8.self)
        guard let target = Self.expression(in: source) else { return nil }
        let prefix = String(decoding: bytes[nameStart..<end], as: UTF8.self)
        guard isSafe(target), let value = evaluate(source) else {
            return CompletionResult(replacementStart: nameStart, items: [])
        }
        return CompletionResult(replacementStart: nameStart, items: members(of: value, prefix: prefix))
    }

    /// Properties (by name), then methods as `Name(`, then hashtable keys — pwsh's order.
    func members(of value: PSValue, prefix: String) -> [CompletionItem] {
        var entries = MemberCatalog.members(of: value, context: context).map { entry in
            (name: entry.name, isMethod: Self.isMethod(entry.memberType), rank: Self.rank(entry.memberType))
        }
        // Arrays and lists take the `.Where()` / `.ForEach()` intrinsic methods.
        if case .object(let object) = value.baseValue, object is PSArray {
            for name in ["ForEach", "Where"] where !entries.contains(where: { $0.name == name }) {
                entries.append((name: name, isMethod: true, rank: Self.rank("Method")))
            }
        }
        entries.sort { ($0.rank, $0.name.lowercased()) < ($1.rank, $1.name.lowercased()) }
        var items = entries.map { CompletionItem(text: $0.isMethod ? $0.name + "(" : Self.quotedIfNeeded($0.name),
                                                 kind: $0.isMethod ? .method : .property) }
        if let table = value.baseValue.asHashtable {
            let keys = table.keys.compactMap(\.asString).sorted { $0.lowercased() < $1.lowercased() }
            items += keys.map { CompletionItem(text: Self.quotedIfNeeded($0), kind: .property) }
        }
        var seen = Set<String>()
        return items.filter { item in
            let name = item.text.hasPrefix("'") ? String(item.text.dropFirst()) : item.text
            return name.lowercased().hasPrefix(prefix.lowercased()) && seen.insert(item.text.lowercased()).inserted
        }
    }

    // MARK: - Finding the target

    /// The single expression `source` consists of, or nil when it is something else (a command word).
    static func expression(in source: String) -> Expression? {
        let parsed = Parser.parse(source)
        guard parsed.errors.isEmpty, let statements = parsed.ast.endBlock, statements.count == 1,
              case .pipeline(let chain) = statements[0].kind, chain.rest.isEmpty, !chain.background,
              chain.first.elements.count == 1,
              case .expression(let expression, let redirections) = chain.first.elements[0], redirections.isEmpty
        else { return nil }
        return expression
    }

    /// Where the expression that ends at `end` starts: back over balanced brackets and quoted
    /// strings, up to a space, an operator or an unmatched opening bracket.
    static func expressionStart(_ bytes: [UInt8], before end: Int) -> Int {
        let openers = Set("([{".utf8), closers = Set(")]}".utf8), stops = Set(" \t\n|;,=&!+*/%<>-".utf8)
        var index = end
        var depth = 0
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var open = index - 1
                while open > 0, bytes[open - 1] != byte { open -= 1 }
                guard open > 0 else { return index }
                index = open - 1
                continue
            }
            if closers.contains(byte) {
                depth += 1
            } else if openers.contains(byte) {
                if depth == 0 { return index }
                depth -= 1
            } else if depth == 0, stops.contains(byte) {
                return index
            }
            index -= 1
        }
        return 0
    }

    // MARK: - Safety

    /// True when evaluating `expression` reads values only.
    func isSafe(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .constant, .stringConstant, .typeLiteral:
            return true
        case .variable(_, let splatted):
            return !splatted
        case .member(let target, let member, _, _):
            guard case .stringConstant = member.kind else { return false }
            return isSafe(target)
        case .index(let target, let index, _):
            return isSafe(target) && Self.isConstant(index)
        case .arrayLiteral(let items):
            return items.allSatisfy { isSafe($0) }
        case .paren(let statement):
            return isSafeStatements([statement])
        case .subExpression(let statements), .arrayExpression(let statements):
            return isSafeStatements(statements)
        default:
            // Method calls, script blocks, casts, operators, expandable strings: never run.
            return false
        }
    }

    private func isSafeStatements(_ statements: [Statement]) -> Bool {
        guard statements.count == 1, case .pipeline(let chain) = statements[0].kind, chain.rest.isEmpty, !chain.background
        else { return false }
        return chain.first.elements.allSatisfy { element in
            switch element {
            case .expression(let expression, let redirections): return redirections.isEmpty && isSafe(expression)
            case .command(let command): return isReadOnly(command)
            }
        }
    }

    /// A cmdlet (not a function or a program) with a read-only verb, given plain arguments.
    private func isReadOnly(_ command: CommandAst) -> Bool {
        guard command.invocation == .none, command.redirections.isEmpty,
              case .stringConstant(let name, quoting: .bareword) = command.name.kind,
              case .cmdlet(let declaration) = context.resolveCommand(name),
              let verb = declaration.name.split(separator: "-").first,
              Self.readOnlyVerbs.contains(verb.lowercased())
        else { return false }
        return command.elements.allSatisfy { element in
            switch element {
            case .parameter(_, let argument, _): return argument.map { isSafe($0) } ?? true
            case .argument(let argument): return isSafe(argument)
            case .stopParsing: return false
            }
        }
    }

    private static func isConstant(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .constant, .stringConstant: return true
        case .unary(.negate, let operand): return isConstant(operand)
        case .arrayLiteral(let items): return items.allSatisfy(isConstant)
        default: return false
        }
    }

    // MARK: - Evaluation

    /// The value of `source` (already checked), with errors silenced and the session's `$?` and
    /// `$Error` left as they were: completing must not show or record anything.
    private func evaluate(_ source: String) -> PSValue? {
        let quiet = ["ErrorActionPreference", "WarningPreference", "InformationPreference", "ProgressPreference"]
            .map { "$\($0) = 'SilentlyContinue'" }.joined(separator: "; ")
        let parsed = Parser.parse(quiet + "\n" + source)
        guard parsed.errors.isEmpty else { return nil }
        let status = context.lastStatus
        let errors = context.errorList.items
        defer {
            context.lastStatus = status
            context.errorList.items = errors
        }
        var values: [PSValue] = []
        do {
            try context.invokeScriptBlock(ScriptBlock(ast: parsed.ast), dollarUnder: nil, arguments: [], newScope: true) {
                values.append($0)
            }
        } catch {
            return nil
        }
        switch values.count {
        case 0: return nil
        case 1: return values[0].isNull ? nil : values[0]
        default: return .object(PSArray(values))
        }
    }

    // MARK: - Helpers

    /// pwsh's member-type order (its MemberTypes values): adapted and note properties, then methods.
    private static func rank(_ memberType: String) -> Int {
        let order = ["AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Method", "CodeMethod",
                     "ScriptMethod", "ParameterizedProperty"]
        return order.firstIndex(of: memberType) ?? order.count
    }

    /// Parameterized properties (`Chars`, `Item`) are called like methods, so pwsh completes them with `(`.
    private static func isMethod(_ memberType: String) -> Bool {
        memberType.hasSuffix("Method") || memberType == "ParameterizedProperty"
    }

    /// A member name that is not a plain identifier is written quoted: `$h.'two words'`.
    private static func quotedIfNeeded(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return plain ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// A byte that can end the target of a member access (`$x`, `)`, `]`, `'s'`).
    private static func endsExpression(_ byte: UInt8) -> Bool {
        isNameByte(byte) || ")]}'\"".utf8.contains(byte)
    }
}
