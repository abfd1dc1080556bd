// Type names, attributes and parameter declarations. Inside `[ ]` the text is scanned directly
// (type names are not ordinary tokens: `System.Collections.Generic.List[string]`).

/// One `[ … ]` item: an attribute (`[Parameter(…)]`) or a type constraint (`[int]`).
struct AttributeOrType {
    var attribute: AttributeAst?
    var type: TypeName
    var extent: SourceExtent
}

extension Parser {
    private func skipSpaces() {
        var ignored: [LexError] = []
        pos = lexer.skipTrivia(from: pos, errors: &ignored)
    }

    private func skipSpacesAndNewlines() {
        while true {
            skipSpaces()
            if currentByte == 0x0A || currentByte == 0x0D, pos < lexer.limit { pos += 1 } else { return }
        }
    }

    // G attribute-list: (attribute | type-literal) (new-lines? (attribute | type-literal))*
    /// Parses consecutive `[ … ]` items (newlines allowed between them in parameter lists).
    func parseAttributeList(allowNewlines: Bool = true) -> [AttributeOrType] {
        var items: [AttributeOrType] = []
        while true {
            let save = pos
            if allowNewlines && !items.isEmpty { skipSpacesAndNewlines() } else { skipSpaces() }
            guard currentByte == UInt8(ascii: "["), pos < lexer.limit else { pos = save; break }
            guard let item = parseAttributeOrType() else { break }
            items.append(item)
            if !allowNewlines { continue }
        }
        return items
    }

    // G attribute: '[' type-name '(' attribute-arguments? ')' ']'
    // G type-literal: '[' type-name ']'
    func parseAttributeOrType() -> AttributeOrType? {
        skipSpaces()
        let start = pos
        guard currentByte == UInt8(ascii: "[") else { return nil }
        pos += 1
        lastTokenEnd = pos
        skipSpaces()
        guard let type = parseTypeName() else {
            reportIncomplete("MissingTypename", "Missing type name after '['.", start + 1, detectedAt: pos)
            skipToCloseBracket()
            return nil
        }
        skipSpaces()
        var attribute: AttributeAst?
        if currentByte == UInt8(ascii: "(") {
            let open = pos
            pos += 1
            lastTokenEnd = pos
            let (positional, named) = parseAttributeArguments(openAt: open)
            attribute = AttributeAst(typeName: type, positionalArguments: positional, namedArguments: named,
                                     extent: extent(start, lastTokenEnd))
            skipSpaces()
        }
        if currentByte == UInt8(ascii: "]") {
            pos += 1
            lastTokenEnd = pos
        } else {
            let id = attribute == nil ? "EndSquareBracketExpectedAtEndOfType" : "EndSquareBracketExpectedAtEndOfAttribute"
            reportIncomplete(id, "Missing closing ']' after the type name.", lastTokenEnd, detectedAt: pos)
        }
        let ext = extent(start, lastTokenEnd)
        attribute?.extent = ext
        return AttributeOrType(attribute: attribute, type: TypeName(copying: type, extent: ext), extent: ext)
    }

    private func skipToCloseBracket() {
        while pos < lexer.limit, currentByte != UInt8(ascii: "]"), currentByte != 0x0A { pos += 1 }
        if currentByte == UInt8(ascii: "]") { pos += 1 }
        lastTokenEnd = pos
    }

    /// `[type]` for `catch` and `trap`.
    func parseBracketedType() -> TypeName? {
        guard let item = parseAttributeOrType() else { return nil }
        if let a = item.attribute {
            report("UnexpectedAttribute", "An attribute is not allowed here.", a.extent.startOffset, a.extent.endOffset)
        }
        return item.type
    }

    // G type-name: type-identifier generic-arguments? array-rank*
    // G generic-arguments: '[' type-spec (',' type-spec)* ']'
    /// Parses a type name at the current position (after `[`), leaving the closing `]` unconsumed.
    func parseTypeName() -> TypeName? {
        guard let word = lexer.scanTypeNameWord(at: pos) else { return nil }
        let start = word.start
        pos = word.end
        lastTokenEnd = pos
        var type = TypeName(name: word.text, extent: extent(of: word))
        while currentByte == UInt8(ascii: "[") {
            var j = pos + 1
            while lexer.spaceLength(j) > 0 { j += 1 }
            if lexer.byte(j) == UInt8(ascii: "]") || lexer.byte(j) == UInt8(ascii: ",") {
                var rank = 1
                while lexer.byte(j) == UInt8(ascii: ",") || lexer.spaceLength(j) > 0 {
                    if lexer.byte(j) == UInt8(ascii: ",") { rank += 1 }
                    j += 1
                }
                guard lexer.byte(j) == UInt8(ascii: "]") else { break }
                pos = j + 1
                lastTokenEnd = pos
                type = TypeName(arrayOf: type, rank: rank, extent: extent(start, pos))
                continue
            }
            // Generic arguments.
            pos += 1
            var args: [TypeName] = []
            while true {
                skipSpacesAndNewlines()
                var arg: TypeName?
                if currentByte == UInt8(ascii: "[") {
                    pos += 1
                    skipSpaces()
                    arg = parseTypeName()
                    skipSpaces()
                    if currentByte == UInt8(ascii: "]") { pos += 1 }
                } else {
                    arg = parseTypeName()
                }
                guard let a = arg else {
                    reportIncomplete("MissingTypename", "Missing generic type argument.", pos, detectedAt: pos)
                    return type
                }
                args.append(a)
                skipSpacesAndNewlines()
                if currentByte == UInt8(ascii: ",") { pos += 1; continue }
                if currentByte == UInt8(ascii: "]") { pos += 1 } else {
                    reportIncomplete("EndSquareBracketExpectedAtEndOfType", "Missing ']' after the generic arguments.", pos,
                                     detectedAt: pos)
                }
                break
            }
            lastTokenEnd = pos
            type = TypeName(name: type.name, genericArguments: args, extent: extent(start, pos))
        }
        return type
    }

    // G attribute-arguments: attribute-argument (',' new-lines? attribute-argument)*
    // G attribute-argument: expression | simple-name ('=' new-lines? expression)?
    private func parseAttributeArguments(openAt: Int) -> ([Expression], [NamedAttributeArgument]) {
        withMode(.expression) {
            let oldComma = disableCommaOperator
            disableCommaOperator = true
            defer { disableCommaOperator = oldComma }
            var positional: [Expression] = []
            var named: [NamedAttributeArgument] = []
            while true {
                skipNewlines()
                let t = peek()
                if t.kind == .rParen || t.kind == .endOfInput { break }
                if t.kind == .identifier {
                    advance(t)
                    skipNewlines()
                    if peek().kind == .equals {
                        let eq = next()
                        skipNewlines()
                        guard let value = parseExpression() else {
                            reportIncomplete("MissingExpressionInNamedArgument", "Missing value after '='.", eq.end,
                                             detectedAt: peek().start)
                            break
                        }
                        named.append(NamedAttributeArgument(name: t.text, value: value,
                                                            extent: extent(t.start, value.extent.endOffset)))
                    } else {
                        named.append(NamedAttributeArgument(name: t.text, value: nil, extent: extent(of: t)))
                    }
                } else if let e = parseExpression() {
                    positional.append(e)
                } else {
                    report("UnexpectedToken", "Unexpected token '\(t.text)' in attribute arguments.", t.start, t.end)
                    advance(t)
                }
                skipNewlines()
                let c = peek()
                if c.kind == .comma {
                    advance(c)
                    continue
                }
                break
            }
            let close = peek()
            if close.kind == .rParen {
                advance(close)
            } else {
                reportIncomplete("MissingEndParenthesisInExpression", "Missing ')' after the attribute arguments.",
                                 lastTokenEnd, detectedAt: close.start)
            }
            return (positional, named)
        }
    }

    // G param-block: 'param' new-lines? '(' parameter-list? new-lines? ')'
    func parseParamBlock(attributes: [AttributeAst]) -> ParamBlockAst {
        let start = attributes.first?.extent.startOffset ?? nextSignificantOffset
        let kw = withMode(.command) { next() }
        let parameters: [ParameterAst] = withMode(.command) {
            skipNewlines()
            let open = peek()
            guard open.kind == .lParen else {
                reportIncomplete("MissingOpenParenthesisAfterKeyword", "Missing '(' after 'param'.", kw.end,
                                 detectedAt: open.start)
                return []
            }
            advance(open)
            return withMode(.expression) { parseParameterList(closeAfter: open) }
        }
        return ParamBlockAst(attributes: attributes, parameters: parameters, extent: extent(from: start))
    }

    // G parameter-list: parameter (',' new-lines? parameter)*
    /// Parses parameters after `(` up to and including `)`.
    func parseParameterList(closeAfter open: Token) -> [ParameterAst] {
        var parameters: [ParameterAst] = []
        while true {
            skipNewlines()
            let t = peek()
            if t.kind == .rParen { advance(t); break }
            if t.kind == .endOfInput {
                reportIncomplete("MissingEndParenthesisInFunctionParameterList", "The parameter list is missing its closing ')'.",
                                 open.start, open.end, detectedAt: t.start)
                break
            }
            if let p = parseParameter() {
                parameters.append(p)
            } else {
                let bad = peek()
                if bad.kind == .endOfInput { continue }
                if bad.kind == .rParen { continue }
                report("InvalidFunctionParameter", "Expected a parameter variable such as '$Name'.", bad.start, bad.end)
                advance(bad)
                continue
            }
            skipNewlines()
            let c = peek()
            if c.kind == .comma { advance(c); continue }
            if c.kind == .rParen { advance(c); break }
            if c.kind == .endOfInput { continue }
            report("MissingEndParenthesisInFunctionParameterList", "Expected ',' or ')' in the parameter list.", c.start, c.end)
            advance(c)
        }
        return parameters
    }

    // G parameter: attribute-list? new-lines? variable ('=' new-lines? expression)?
    private func parseParameter() -> ParameterAst? {
        let start = nextSignificantOffset
        let items = parseAttributeList(allowNewlines: true)
        skipNewlines()
        let v = peek()
        guard v.kind == .variable, let path = v.variablePath else {
            if !items.isEmpty {
                reportIncomplete("InvalidFunctionParameter", "Expected a parameter variable after the attributes.", lastTokenEnd,
                                 detectedAt: v.start)
            }
            return nil
        }
        advance(v)
        var defaultValue: Expression?
        let eq = peek()
        if eq.kind == .equals {
            advance(eq)
            skipNewlines()
            let old = disableCommaOperator
            disableCommaOperator = true
            defaultValue = parseExpression()
            disableCommaOperator = old
            if defaultValue == nil {
                reportIncomplete("MissingExpressionAfterToken", "Missing default value after '='.", eq.end,
                                 detectedAt: peek().start)
            }
        }
        return ParameterAst(name: path.description, attributes: items.compactMap(\.attribute),
                            typeConstraints: items.filter { $0.attribute == nil }.map(\.type),
                            defaultValue: defaultValue, extent: extent(from: start))
    }
}

extension TypeName {
    init(copying other: TypeName, extent: SourceExtent) {
        self = other
        self.extent = extent
    }
}
