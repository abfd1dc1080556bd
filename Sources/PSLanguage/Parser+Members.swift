// Member access, method calls and indexing after a primary expression. No whitespace is
// allowed before `.`, `::`, `[`, `?.` and `?[`.

extension Parser {
    /// True when a member-access operator starts exactly at the current position.
    func isMemberAccessAhead() -> Bool {
        let c = currentByte
        let c1 = lexer.byte(pos + 1)
        if pos >= lexer.limit { return false }
        switch c {
        case UInt8(ascii: "."):
            if c1 == UInt8(ascii: ".") { return false }
            // In command mode `$x. ` ends the argument (`.` then whitespace).
            if mode == .command && (c1 == 0 || c1 == 0x20 || c1 == 0x09 || c1 == 0x0A || c1 == 0x0D) { return false }
            return true
        case UInt8(ascii: ":"):
            guard c1 == UInt8(ascii: ":") else { return false }
            let c2 = lexer.byte(pos + 2)
            if mode == .command && (c2 == 0 || c2 == 0x20 || c2 == 0x09 || c2 == 0x0A || c2 == 0x0D) { return false }
            return true
        case UInt8(ascii: "["): return true
        case UInt8(ascii: "?"): return c1 == UInt8(ascii: ".") || c1 == UInt8(ascii: "[")
        default: return false
        }
    }

    /// Consumes `count` bytes of punctuation at the current position.
    private func consumeBytes(_ count: Int) {
        pos += count
        lastTokenEnd = pos
    }

    // G member-access: primary '.' member-name | primary '::' member-name | primary '?.' member-name
    // G invocation: member-access '(' argument-list? ')'
    // G element-access: primary '[' new-lines? expression new-lines? ']'
    func parsePostfix(_ target: Expression) -> Expression {
        var expr = target
        while isMemberAccessAhead() {
            let opStart = pos
            var nullConditional = false
            if currentByte == UInt8(ascii: "?") {
                nullConditional = true
                consumeBytes(1)
            }
            if currentByte == UInt8(ascii: "[") {
                consumeBytes(1)
                expr = parseIndex(expr, openAt: opStart, nullConditional: nullConditional)
                continue
            }
            let isStatic = currentByte == UInt8(ascii: ":")
            consumeBytes(isStatic ? 2 : 1)
            guard let member = parseMemberName() else {
                reportIncomplete("MissingPropertyName", "Missing property name after '\(isStatic ? "::" : ".")'.", pos,
                                 detectedAt: pos)
                return expr
            }
            if currentByte == UInt8(ascii: "{") {
                // `$x.Where{ … }`: a script block as the only argument.
                let braceToken = withMode(.expression) { next() }
                var body = parseScriptBlockBody(start: braceToken.start, closing: .rCurly)
                expectCloseCurly(open: braceToken)
                body.extent = extent(from: braceToken.start)
                expr = Expression(.invokeMember(target: expr, member: member, arguments: [Expression(.scriptBlock(body), extent: body.extent)],
                                                isStatic: isStatic, nullConditional: nullConditional),
                                  extent: extent(target.extent.startOffset, lastTokenEnd))
            } else if currentByte == UInt8(ascii: "(") {
                let open = pos
                consumeBytes(1)
                let args = parseMethodArguments(openAt: open)
                expr = Expression(.invokeMember(target: expr, member: member, arguments: args, isStatic: isStatic,
                                                nullConditional: nullConditional),
                                  extent: extent(target.extent.startOffset, lastTokenEnd))
            } else {
                expr = Expression(.member(target: expr, member: member, isStatic: isStatic, nullConditional: nullConditional),
                                  extent: extent(target.extent.startOffset, member.extent.endOffset))
            }
        }
        return expr
    }

    // G member-name: simple-name | string-literal | string-expandable | variable | '(' pipeline ')' | '$(' … ')'
    private func parseMemberName() -> Expression? {
        withMode(.expression) {
            // Whitespace is not allowed after the dot.
            if lexer.spaceLength(pos) > 0 || currentByte == 0x0A || currentByte == 0x0D { return nil }
            let t = peek()
            switch t.kind {
            case .identifier:
                advance(t)
                return Expression(.stringConstant(t.text, quoting: .bareword), extent: extent(of: t))
            case .number:
                // `$h.1` names the member by the number itself: a dictionary looks up the key 1, not '1'.
                advance(t)
                return Expression(.constant(t.number ?? .null), extent: extent(of: t))
            case .variable, .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable, .lParen,
                 .dollarParen, .atParen:
                // The member is a value expression, without its own member access.
                return parseValue()
            default:
                return nil
            }
        }
    }

    // G argument-list: '(' new-lines? (expression (',' new-lines? expression)*)? new-lines? ')'
    private func parseMethodArguments(openAt: Int) -> [Expression] {
        withMode(.expression) {
            let oldComma = disableCommaOperator
            disableCommaOperator = true
            defer { disableCommaOperator = oldComma }
            var args: [Expression] = []
            skipNewlines()
            if peek().kind == .rParen {
                advance(peek())
                return args
            }
            while true {
                skipNewlines()
                guard let arg = parseExpression() else { break }
                args.append(arg)
                skipNewlines()
                let c = peek()
                guard c.kind == .comma else { break }
                advance(c)
                skipNewlines()
                if peek().kind == .rParen {
                    reportIncomplete("MissingExpressionAfterToken", "Missing argument after ','.", c.end,
                                     detectedAt: peek().start)
                    break
                }
            }
            skipNewlines()
            let close = peek()
            if close.kind == .rParen {
                advance(close)
            } else {
                reportIncomplete("MissingEndParenthesisInMethodCall", "The method call is missing its closing ')'.",
                                 openAt, openAt + 1, detectedAt: close.start)
            }
            return args
        }
    }

    private func parseIndex(_ target: Expression, openAt: Int, nullConditional: Bool) -> Expression {
        withMode(.expression) {
            let oldComma = disableCommaOperator
            disableCommaOperator = false
            defer { disableCommaOperator = oldComma }
            skipNewlines()
            guard let index = parseExpression() else {
                let t = peek()
                reportIncomplete("MissingArrayIndexExpression", "Missing index expression inside '[ ]'.", pos,
                                 detectedAt: t.start)
                if t.kind == .rBracket { advance(t) }
                return target
            }
            skipNewlines()
            let close = peek()
            if close.kind == .rBracket {
                advance(close)
            } else {
                reportIncomplete("MissingEndSquareBracket", "Missing closing ']' after the index.", index.extent.endOffset,
                                 detectedAt: close.start)
            }
            return Expression(.index(target: target, index: index, nullConditional: nullConditional),
                              extent: extent(target.extent.startOffset, lastTokenEnd))
        }
    }
}
