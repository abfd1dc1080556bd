// Pipelines, pipeline chains, assignments, commands, arguments and redirections.

extension Parser {
    enum ArgumentContext {
        case commandName, commandNameAfterInvocation, argument, fileName, switchCondition
    }

    // G pipeline-chain: pipeline (('&&' | '||') new-lines? pipeline)* '&'?
    // G assignment: expression assignment-operator new-lines? statement
    /// A pipeline chain or an assignment; nil (nothing consumed) when no pipeline starts here.
    func parsePipelineChainStatement() -> Statement? {
        depth += 1
        defer { depth -= 1 }
        guard depth < Parser.maxDepth else {
            report("ScriptTooComplicated", "The script is nested too deeply to parse.", pos)
            return nil
        }
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        return withMode(.expression) {
            let start = nextSignificantOffset
            let expr = parseExpression()
            if let expr {
                let t = peek()
                if let op = Parser.assignmentOperator(t.kind) {
                    advance(t)
                    return parseAssignment(target: expr, op: op, opToken: t, start: start)
                }
            }
            return parseChain(startExpression: expr, start: start)
        }
    }

    static func assignmentOperator(_ kind: TokenKind) -> AssignmentOperator? {
        switch kind {
        case .equals: return .assign
        case .plusEquals: return .plus
        case .minusEquals: return .minus
        case .multiplyEquals: return .multiply
        case .divideEquals: return .divide
        case .remainderEquals: return .remainder
        case .questionQuestionEquals: return .nullCoalesce
        default: return nil
        }
    }

    private func parseAssignment(target rawTarget: Expression, op: AssignmentOperator, opToken: Token,
                                 start: Int) -> Statement {
        let target = Parser.restoringVariables(rawTarget)
        if !Parser.isAssignable(target) {
            report("InvalidLeftHandSide", "The left side of an assignment must be a variable, property or element.",
                   target.extent.startOffset, target.extent.endOffset)
        }
        mode = .command
        skipNewlines()
        let value: Statement
        if let s = parseStatement() {
            value = s
        } else {
            reportIncomplete("ExpectedValueExpression", "Missing value after '\(opToken.text)'.", opToken.end,
                             detectedAt: peek().start)
            value = Statement(.pipeline(PipelineChain(first: PipelineAst(elements: [], extent: extent(opToken.end, opToken.end)))),
                              extent: extent(opToken.end, opToken.end))
        }
        return Statement(.assignment(target: target, op: op, value: value), extent: extent(from: start))
    }

    /// `$null = …` assigns to the variable `null` (a discard), so undo the `$null`/`$true`/`$false` constant folding.
    static func restoringVariables(_ e: Expression) -> Expression {
        switch e.kind {
        case .constant(.null), .constant(.bool):
            let text = e.extent.text
            guard text.hasPrefix("$") else { return e }
            return Expression(.variable(VariablePath(qualifier: nil, name: String(text.dropFirst())), splatted: false),
                              extent: e.extent)
        case .arrayLiteral(let items):
            return Expression(.arrayLiteral(items.map(restoringVariables)), extent: e.extent)
        case .convert(let t, let inner):
            return Expression(.convert(t, restoringVariables(inner)), extent: e.extent)
        default:
            return e
        }
    }

    static func isAssignable(_ e: Expression) -> Bool {
        switch e.kind {
        case .variable(_, let splatted): return !splatted
        case .member, .index: return true
        case .convert(_, let inner), .attributed(_, let inner): return isAssignable(inner)
        case .arrayLiteral(let items): return items.allSatisfy(isAssignable)
        case .paren(let s):
            if case .pipeline(let chain) = s.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
               case .expression(let inner, let r) = chain.first.elements[0], r.isEmpty {
                return isAssignable(inner)
            }
            return false
        default: return false
        }
    }

    private func parseChain(startExpression: Expression?, start: Int) -> Statement? {
        guard let first = parsePipeline(startExpression: startExpression) else { return nil }
        var chain = PipelineChain(first: first)
        while true {
            let t = peek()
            if t.kind == .andAnd || t.kind == .orOr {
                advance(t)
                skipNewlines()
                guard let p = parsePipeline(startExpression: nil) else {
                    let n = peek()
                    reportIncomplete("EmptyPipelineChainElement", "Missing pipeline after '\(t.text)'.", t.end,
                                     detectedAt: n.start)
                    break
                }
                chain.rest.append((op: t.kind == .andAnd ? .and : .or, pipeline: p))
                continue
            }
            if t.kind == .ampersand {
                advance(t)
                chain.background = true
                let n = peek()
                if n.kind == .andAnd || n.kind == .orOr {
                    report("BackgroundOperatorInPipelineChain", "'&' cannot be followed by '\(n.text)'.", n.start, n.end)
                    advance(n)
                }
            }
            break
        }
        return Statement(.pipeline(chain), extent: extent(from: start))
    }

    // G pipeline: expression redirections? pipeline-tail? | command pipeline-tail?
    // G pipeline-tail: new-lines? '|' new-lines? command pipeline-tail?
    func parsePipeline(startExpression: Expression?) -> PipelineAst? {
        var elements: [PipelineElement] = []
        var expr = startExpression
        var pipeToken: Token?
        let old = mode
        defer { mode = old }
        while true {
            if expr == nil {
                expr = withMode(.expression) { parseExpression() }
            }
            var element: PipelineElement?
            if let e = expr {
                if !elements.isEmpty {
                    report("ExpressionsMustBeFirstInPipeline", "Only the first element of a pipeline can be an expression.",
                           e.extent.startOffset, e.extent.endOffset)
                }
                mode = .expression
                var redirections: [Redirection] = []
                while peek().kind == .redirection || peek().kind == .redirectInStd {
                    if let r = parseRedirection(next()) { redirections.append(r) }
                }
                element = .expression(e, redirections: redirections)
            } else if let cmd = parseCommand() {
                element = .command(cmd)
            }
            expr = nil
            mode = .command
            if let element {
                elements.append(element)
            } else if !elements.isEmpty || peek().kind == .pipe {
                let at = pipeToken?.end ?? peek().start
                reportIncomplete("EmptyPipeElement", "A pipeline element is empty.", at, detectedAt: at)
            }
            var t = peek()
            if t.kind == .newLine && isPipeContinuation() {
                skipNewlines()
                t = peek()
            }
            switch t.kind {
            case .semi, .newLine, .rParen, .rCurly, .endOfInput, .andAnd, .orOr, .ampersand:
                break
            case .pipe:
                advance(t)
                pipeToken = t
                skipNewlines()
                if peek().kind == .endOfInput {
                    reportIncomplete("EmptyPipeElement", "Missing command after '|'.", t.end, detectedAt: t.end)
                    break
                }
                continue
            default:
                report("UnexpectedToken", "Unexpected token '\(t.text)' in expression or statement.", t.start, t.end)
            }
            break
        }
        guard let first = elements.first, let last = elements.last else { return nil }
        return PipelineAst(elements: elements, extent: extent(first.extent.startOffset, last.extent.endOffset))
    }

    /// True when the newline ahead is followed (after blank lines and comments) by a line starting with `|`.
    private func isPipeContinuation() -> Bool {
        var p = pos
        while true {
            let t = lexer.next(at: p, mode: .command)
            if t.kind == .newLine { p = t.end; continue }
            return t.kind == .pipe
        }
    }

    // G command: command-name command-element* | ('&' | '.') command-name-expr command-element*
    // G command-element: command-parameter | command-argument | redirection
    func parseCommand() -> CommandAst? {
        withMode(.command) {
            var t = peek()
            let start = t.start
            var invocation = InvocationOperator.none
            if t.kind == .ampersand || t.kind == .dot {
                advance(t)
                invocation = t.kind == .ampersand ? .ampersand : .dot
                t = peek()
            }
            let nameExpr: Expression? = parseCommandArgument(
                context: invocation == .none ? .commandName : .commandNameAfterInvocation)
            guard let name = nameExpr else {
                if invocation != .none {
                    report("MissingExpression", "Missing command after '\(invocation == .ampersand ? "&" : ".")'.",
                           start, start + 1)
                }
                return nil
            }
            var elements: [CommandElement] = []
            var redirections: [Redirection] = []
            var sawDashDash = false
            scanning: while true {
                let e = peek()
                switch e.kind {
                case .pipe, .rCurly, .rParen, .endOfInput, .newLine, .semi, .andAnd, .orOr, .ampersand:
                    break scanning
                case .minusMinus:
                    advance(e)
                    elements.append(.argument(Expression(.stringConstant(e.text, quoting: .bareword), extent: extent(of: e))))
                    sawDashDash = true
                case .comma:
                    advance(e)
                    report("MissingArgument", "Missing argument before ','.", e.start, e.end)
                    skipNewlines()
                case .parameter where !sawDashDash:
                    advance(e)
                    var argument: Expression?
                    if case .parameter(let pname, let colon) = e.payload {
                        if colon {
                            let n = peek()
                            if n.kind != .comma {
                                argument = parseCommandArgument(context: .argument)
                            }
                            if argument == nil {
                                report("ParameterRequiresArgument", "The parameter '-\(pname)' needs a value after ':'.",
                                       e.end)
                            }
                        }
                        let ext = extent(e.start, argument?.extent.endOffset ?? e.end)
                        elements.append(.parameter(name: pname, argument: argument, extent: ext))
                    }
                case .redirection, .redirectInStd:
                    advance(e)
                    if let r = parseRedirection(e) { redirections.append(r) }
                case .generic where e.text == "--%":
                    advance(e)
                    elements.append(.argument(Expression(.stringConstant(e.text, quoting: .bareword), extent: extent(of: e))))
                    elements.append(parseStopParsing())
                    break scanning
                default:
                    guard let arg = parseCommandArgument(context: .argument) else {
                        advance(e)
                        report("UnexpectedToken", "Unexpected token '\(e.text)'.", e.start, e.end)
                        continue
                    }
                    elements.append(.argument(arg))
                }
            }
            return CommandAst(invocation: invocation, name: name, elements: elements, redirections: redirections,
                              extent: extent(from: start))
        }
    }

    /// `--%`: the rest of the line (up to a newline or `|`) as one verbatim string.
    private func parseStopParsing() -> CommandElement {
        var i = pos
        while i < lexer.limit, lexer.bytes[i] == 0x20 || lexer.bytes[i] == 0x09 { i += 1 }
        let start = i
        while i < lexer.limit, lexer.bytes[i] != 0x0A, lexer.bytes[i] != 0x0D, lexer.bytes[i] != UInt8(ascii: "|") { i += 1 }
        var end = i
        while end > start, lexer.bytes[end - 1] == 0x20 || lexer.bytes[end - 1] == 0x09 { end -= 1 }
        pos = i
        lastTokenEnd = end
        return .stopParsing(lexer.text(start, end), extent: extent(start, end))
    }

    // G command-argument: primary-expression | generic-token (',' new-lines? command-argument)*
    /// One command argument (an array for `a,b,c` in argument context); nil when the next token can't start one.
    func parseCommandArgument(context: ArgumentContext) -> Expression? {
        withMode(.command) {
            var items: [Expression] = []
            var commaToken: Token?
            while true {
                let t = peek()
                var expr: Expression?
                switch t.kind {
                case .pipe, .rCurly, .rParen, .endOfInput, .newLine, .semi, .redirection, .redirectInStd, .andAnd, .orOr,
                     .ampersand, .minusMinus, .comma:
                    expr = nil
                case .variable, .splattedVariable, .number, .stringLiteral, .stringExpandable, .hereStringLiteral,
                     .hereStringExpandable, .lParen, .dollarParen, .atParen, .atCurly, .lCurly:
                    expr = parsePrimary()
                case .generic:
                    advance(t)
                    if case .expandable(let parts) = t.payload, context != .commandName {
                        expr = Expression(.expandableString(parts: convertParts(parts), quoting: .bareword),
                                          extent: extent(of: t))
                    } else if case .expandable = t.payload {
                        expr = Expression(.stringConstant(t.text, quoting: .bareword), extent: extent(of: t))
                    } else {
                        expr = Expression(.stringConstant(t.stringValue ?? t.text, quoting: .bareword), extent: extent(of: t))
                    }
                default:
                    advance(t)
                    expr = Expression(.stringConstant(t.text, quoting: .bareword), extent: extent(of: t))
                }
                guard let e = expr else {
                    if let c = commaToken {
                        reportIncomplete("MissingExpression", "Missing argument after ','.", c.end, detectedAt: t.start)
                        break
                    }
                    return nil
                }
                items.append(e)
                guard context == .argument, peek().kind == .comma else { break }
                commaToken = next()
                skipNewlines()
            }
            if items.count == 1 { return items[0] }
            return Expression(.arrayLiteral(items),
                              extent: extent(items[0].extent.startOffset, items[items.count - 1].extent.endOffset))
        }
    }

    // G redirection: merging-redirection-operator | file-redirection-operator redirected-file-name
    func parseRedirection(_ t: Token) -> Redirection? {
        guard case .redirection(let from, let append, let merge) = t.payload else {
            // `<` input redirection is reserved.
            report("RedirectionNotSupported", "The '<' operator is reserved for future use.", t.start, t.end)
            _ = parseCommandArgument(context: .fileName)
            return nil
        }
        if merge { return Redirection(from: from, kind: .merge, extent: extent(of: t)) }
        guard let target = parseCommandArgument(context: .fileName) else {
            report("MissingFileSpecification", "Missing file name after the redirection operator.", t.end)
            return nil
        }
        return Redirection(from: from, kind: .file(target: target, append: append),
                           extent: extent(t.start, target.extent.endOffset))
    }
}
