// Statements: lists, blocks, control flow, functions, try/trap.

extension Parser {
    // G statement-list: statement (statement-terminator statement)*
    /// Parses statements until `}` / `)` / end of input. At top level a stray `}` or `)` is reported and skipped.
    func parseStatementList(topLevel: Bool = false) -> [Statement] {
        var statements: [Statement] = []
        let old = mode
        defer { mode = old }
        while true {
            mode = .command
            skipNewlinesAndSemicolons()
            let t = peek()
            if t.kind == .endOfInput { break }
            if t.kind == .rCurly || t.kind == .rParen {
                if !topLevel { break }
                report("UnexpectedToken", "Unexpected token '\(t.text)'.", t.start, t.end)
                advance(t)
                continue
            }
            let before = pos
            if let s = parseStatement() {
                statements.append(s)
            }
            if pos == before {
                // No progress: report the token and skip it so parsing can continue.
                mode = .command
                let bad = peek()
                if bad.kind == .endOfInput || (!topLevel && (bad.kind == .rCurly || bad.kind == .rParen)) { break }
                report("UnexpectedToken", "Unexpected token '\(bad.text)'.", bad.start, bad.end)
                advance(bad)
            }
        }
        return statements
    }

    // G statement-block: new-lines? '{' statement-list? new-lines? '}'
    /// Parses `{ statements }`; nil (nothing consumed) when the next token is not `{`.
    func parseStatementBlock() -> [Statement]? {
        withMode(.command) {
            skipNewlines()
            let open = peek()
            guard open.kind == .lCurly else { return nil }
            advance(open)
            let body = parseStatementList()
            expectCloseCurly(open: open)
            return body
        }
    }

    /// Consumes `}` or reports `MissingEndCurlyBrace` at the opening brace.
    func expectCloseCurly(open: Token) {
        let close = withMode(.command) { peek() }
        if close.kind == .rCurly {
            advance(close)
        } else {
            reportIncomplete("MissingEndCurlyBrace", "The block is missing its closing '}'.", open.start, open.end,
                             detectedAt: close.start)
        }
    }

    // G statement: if | label? labeled-statement | function | flow-control | trap | try | data | pipeline-chain
    func parseStatement() -> Statement? {
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        return withMode(.command) { parseStatementCore() }
    }

    private func parseStatementCore() -> Statement? {
        depth += 1
        defer { depth -= 1 }
        guard depth < Parser.maxDepth else {
            report("ScriptTooComplicated", "The script is nested too deeply to parse.", pos)
            return nil
        }
        mode = .command
        let t = peek()
        let start = t.start
        if t.kind == .label {
            advance(t)
            skipNewlines()
            let k = peek()
            if let kw = k.keyword, [.switch, .foreach, .for, .while, .do].contains(kw) {
                return parseLabeledStatement(label: t.stringValue, keywordToken: k, start: start)
            }
            return parseStatement()
        }
        if t.kind == .lBracket || lexer.byte(t.start) == UInt8(ascii: "["), let def = parseAttributedTypeDefinition() {
            return def
        }
        if let kw = t.keyword {
            switch kw {
            case .if: return parseIf(t)
            case .switch, .foreach, .for, .while, .do: return parseLabeledStatement(label: nil, keywordToken: t, start: start)
            case .function, .filter, .workflow: return parseFunction(t)
            case .return, .throw, .exit: return parseFlowWithPipeline(t)
            case .break, .continue: return parseBreakContinue(t)
            case .trap: return parseTrap(t)
            case .try: return parseTry(t)
            case .data:
                advance(t)
                // `data [-SupportedCommand x] { }` runs its block; parameters are ignored.
                while withMode(.command, { peek().kind }) == .parameter { next(); if peek().kind == .generic { next() } }
                let body = parseStatementBlock() ?? []
                return Statement(.block(body), extent: extent(from: start))
            case .class, .enum: return parseTypeDefinition(t, attributes: [], start: start)
            case .using: return parseUsing(t)
            case .configuration, .from, .define, .var:
                report("ReservedKeywordNotAllowed", "'\(t.text)' is not supported.", t.start, t.end)
                advance(t)
                _ = parseStatementBlock()
                return nil
            default:
                break
            }
        }
        return parsePipelineChainStatement()
    }

    private func parseLabeledStatement(label: String?, keywordToken t: Token, start: Int) -> Statement? {
        switch t.keyword {
        case .switch: return parseSwitch(t, label: label, start: start)
        case .foreach: return parseForeach(t, label: label, start: start)
        case .for: return parseFor(t, label: label, start: start)
        case .while: return parseWhile(t, label: label, start: start)
        default: return parseDo(t, label: label, start: start)
        }
    }

    /// `( pipeline )` after a keyword; reports the given ids. Returns the condition or nil.
    private func parseParenCondition(after keyword: Token, missingOpenId: String, missingConditionId: String,
                                     missingCloseId: String) -> Statement? {
        skipNewlines()
        let open = peek()
        guard open.kind == .lParen else {
            reportIncomplete(missingOpenId, "Missing '(' after '\(keyword.text)'.", keyword.end, detectedAt: open.start)
            return nil
        }
        advance(open)
        skipNewlines()
        let cond = parsePipelineChainStatement()
        mode = .command
        if cond == nil {
            reportIncomplete(missingConditionId, "Missing condition after '\(keyword.text) ('.", open.end,
                             detectedAt: peek().start)
        }
        skipNewlines()
        let close = peek()
        if close.kind == .rParen {
            advance(close)
        } else if cond != nil {
            reportIncomplete(missingCloseId, "Missing closing ')' after the condition.", lastTokenEnd,
                             detectedAt: close.start)
        }
        return cond
    }

    // G if-statement: 'if' '(' pipeline ')' statement-block elseif-clauses? else-clause?
    private func parseIf(_ ifToken: Token) -> Statement? {
        advance(ifToken)
        var clauses: [IfClause] = []
        var elseBody: [Statement]?
        var keyword = ifToken
        while true {
            guard let cond = parseParenCondition(after: keyword, missingOpenId: "MissingOpenParenthesisInIfStatement",
                                                 missingConditionId: "IfStatementMissingCondition",
                                                 missingCloseId: "MissingEndParenthesisAfterStatement") else { break }
            guard let body = parseRequiredBlock("MissingStatementBlock",
                                                "Missing '{' block after the '\(keyword.text)' condition.", at: lastTokenEnd) else {
                break
            }
            clauses.append(IfClause(condition: cond, body: body))
            // `elseif` / `else` may be on a following line.
            let save = pos
            skipNewlines()
            let k = peek()
            if k.keyword == .elseif {
                advance(k)
                keyword = k
                continue
            }
            if k.keyword == .else {
                advance(k)
                elseBody = parseRequiredBlock("MissingStatementBlockAfterElse", "Missing '{' block after 'else'.", at: k.end)
                break
            }
            pos = save
            break
        }
        return Statement(.ifStatement(clauses: clauses, elseBody: elseBody), extent: extent(from: ifToken.start))
    }

    // G switch-statement: 'switch' new-lines? switch-parameter* switch-condition switch-body
    // G switch-body: '{' (switch-clause | 'default' statement-block)+ '}'
    private func parseSwitch(_ t: Token, label: String?, start: Int) -> Statement? {
        advance(t)
        var flags = SwitchFlags()
        var fileExpr: Expression?
        var condition: Statement?
        while true {
            skipNewlines()
            let p = peek()
            guard p.kind == .parameter, let name = p.parameterName?.lowercased(), !name.isEmpty else { break }
            advance(p)
            if "regex".hasPrefix(name) { flags.insert(.regex) } else if "wildcard".hasPrefix(name) {
                flags.insert(.wildcard)
            } else if "exact".hasPrefix(name) { flags.insert(.exact) } else if "casesensitive".hasPrefix(name) {
                flags.insert(.caseSensitive)
            } else if "file".hasPrefix(name) {
                flags.insert(.file)
                skipNewlines()
                fileExpr = parseCommandArgument(context: .fileName)
                if fileExpr == nil {
                    reportIncomplete("MissingFilenameOption", "'-File' needs a file name.", p.end, detectedAt: peek().start)
                }
            } else {
                report("InvalidSwitchFlag", "'\(p.text)' is not a valid switch option.", p.start, p.end)
            }
        }
        if fileExpr == nil {
            condition = parseParenCondition(after: t, missingOpenId: "PipelineValueRequired",
                                            missingConditionId: "PipelineValueRequired",
                                            missingCloseId: "MissingEndParenthesisInSwitchStatement")
            if condition == nil { return nil }
        }
        skipNewlines()
        let open = peek()
        guard open.kind == .lCurly else {
            reportIncomplete("MissingCurlyBraceInSwitchStatement", "Missing '{' after the switch condition.", lastTokenEnd,
                             detectedAt: open.start)
            return nil
        }
        advance(open)
        var clauses: [SwitchClause] = []
        var defaultBody: [Statement]?
        while true {
            mode = .command
            skipNewlinesAndSemicolons()
            let c = peek()
            if c.kind == .rCurly || c.kind == .endOfInput { break }
            let isDefault = (c.kind == .generic || c.kind == .keyword) && c.text.lowercased() == "default"
            var pattern: Expression?
            if isDefault {
                advance(c)
            } else {
                pattern = parseCommandArgument(context: .switchCondition)
                if pattern == nil {
                    report("MissingSwitchConditionExpression", "Missing switch clause condition.", c.start, c.end)
                    advance(c)
                    continue
                }
            }
            guard let body = parseStatementBlock() else {
                reportIncomplete("MissingSwitchStatementClause", "Missing '{' block for the switch clause.", lastTokenEnd,
                                 detectedAt: peek().start)
                break
            }
            if isDefault {
                if defaultBody != nil {
                    report("MultipleSwitchDefaultClauses", "A switch can have only one 'default' clause.", c.start, c.end)
                }
                defaultBody = body
            } else if let pattern {
                clauses.append(SwitchClause(pattern: pattern, body: body))
            }
        }
        expectCloseCurly(open: open)
        let ast = SwitchStatementAst(label: label, flags: flags, condition: condition, file: fileExpr,
                                     clauses: clauses, defaultBody: defaultBody)
        return Statement(.switchStatement(ast), extent: extent(from: start))
    }

    // G foreach-statement: 'foreach' new-lines? '(' new-lines? variable new-lines? 'in' new-lines? pipeline new-lines? ')' statement-block
    private func parseForeach(_ t: Token, label: String?, start: Int) -> Statement? {
        advance(t)
        skipNewlines()
        while peek().kind == .parameter {
            let p = next()
            report("InvalidForeachFlag", "'\(p.text)' is not a valid foreach option.", p.start, p.end)
            skipNewlines()
        }
        let open = peek()
        guard open.kind == .lParen else {
            reportIncomplete("MissingOpenParenthesisAfterKeyword", "Missing '(' after 'foreach'.", t.end, detectedAt: open.start)
            return nil
        }
        advance(open)
        skipNewlines()
        let v = withMode(.expression) { peek() }
        guard v.kind == .variable, let path = v.variablePath else {
            reportIncomplete("MissingVariableNameAfterForeach", "Missing variable name after 'foreach ('.", open.end,
                             detectedAt: v.start)
            return nil
        }
        withMode(.expression) { advance(v) }
        skipNewlines()
        let inToken = peek()
        guard inToken.keyword == .in else {
            reportIncomplete("MissingInInForeach", "Missing 'in' after the foreach variable.", v.end, detectedAt: inToken.start)
            return nil
        }
        advance(inToken)
        skipNewlines()
        guard let iterable = parsePipelineChainStatement() else {
            reportIncomplete("MissingForeachExpression", "Missing the collection after 'in'.", inToken.end,
                             detectedAt: withMode(.command) { peek().start })
            return nil
        }
        mode = .command
        skipNewlines()
        let close = peek()
        guard close.kind == .rParen else {
            reportIncomplete("MissingEndParenthesisAfterForeach", "Missing ')' after the foreach collection.", lastTokenEnd,
                             detectedAt: close.start)
            return nil
        }
        advance(close)
        guard let body = parseStatementBlock() else {
            reportIncomplete("MissingForeachStatement", "Missing '{' block after 'foreach (…)'.", close.end,
                             detectedAt: peek().start)
            return nil
        }
        return Statement(.foreachStatement(label: label, variable: path, iterable: iterable, body: body),
                         extent: extent(from: start))
    }

    // G for-statement: 'for' new-lines? '(' pipeline? terminator pipeline? terminator pipeline? ')' statement-block
    private func parseFor(_ t: Token, label: String?, start: Int) -> Statement? {
        advance(t)
        skipNewlines()
        let open = peek()
        guard open.kind == .lParen else {
            reportIncomplete("MissingOpenParenthesisAfterKeyword", "Missing '(' after 'for'.", t.end, detectedAt: open.start)
            return nil
        }
        advance(open)
        var parts: [Statement?] = []
        for index in 0..<3 {
            mode = .command
            skipNewlines()
            let k = peek()
            if k.kind == .semi || k.kind == .rParen {
                parts.append(nil)
            } else {
                parts.append(parsePipelineChainStatement())
            }
            mode = .command
            if index < 2 {
                let sep = peek()
                if sep.kind == .semi || sep.kind == .newLine { advance(sep) }
            }
        }
        skipNewlines()
        let close = peek()
        guard close.kind == .rParen else {
            reportIncomplete("MissingEndParenthesisAfterStatement", "Missing ')' in the for statement.", lastTokenEnd,
                             detectedAt: close.start)
            return nil
        }
        advance(close)
        guard let body = parseStatementBlock() else {
            reportIncomplete("MissingLoopStatement", "Missing '{' block after 'for (…)'.", close.end, detectedAt: peek().start)
            return nil
        }
        return Statement(.forStatement(label: label, initializer: parts[0], condition: parts[1], iterator: parts[2],
                                       body: body), extent: extent(from: start))
    }

    // G while-statement: 'while' new-lines? '(' new-lines? pipeline new-lines? ')' statement-block
    private func parseWhile(_ t: Token, label: String?, start: Int) -> Statement? {
        advance(t)
        guard let cond = parseParenCondition(after: t, missingOpenId: "MissingOpenParenthesisAfterKeyword",
                                             missingConditionId: "MissingExpressionAfterKeyword",
                                             missingCloseId: "MissingEndParenthesisAfterStatement") else { return nil }
        guard let body = parseStatementBlock() else {
            reportIncomplete("MissingLoopStatement", "Missing '{' block after 'while (…)'.", lastTokenEnd,
                             detectedAt: peek().start)
            return nil
        }
        return Statement(.whileStatement(label: label, condition: cond, body: body), extent: extent(from: start))
    }

    // G do-statement: 'do' statement-block new-lines? ('while' | 'until') new-lines? '(' pipeline ')'
    private func parseDo(_ t: Token, label: String?, start: Int) -> Statement? {
        advance(t)
        guard let body = parseStatementBlock() else {
            reportIncomplete("MissingLoopStatement", "Missing '{' block after 'do'.", t.end, detectedAt: peek().start)
            return nil
        }
        skipNewlines()
        let k = peek()
        guard k.keyword == .while || k.keyword == .until else {
            reportIncomplete("MissingWhileOrUntilInDoWhile", "Missing 'while' or 'until' after the 'do' block.", lastTokenEnd,
                             detectedAt: k.start)
            return nil
        }
        advance(k)
        guard let cond = parseParenCondition(after: k, missingOpenId: "MissingOpenParenthesisAfterKeyword",
                                             missingConditionId: "MissingExpressionAfterKeyword",
                                             missingCloseId: "MissingEndParenthesisAfterStatement") else { return nil }
        let kind: StatementKind = k.keyword == .while
            ? .doWhile(label: label, body: body, condition: cond)
            : .doUntil(label: label, body: body, condition: cond)
        return Statement(kind, extent: extent(from: start))
    }

    // G flow-control-statement: ('return' | 'throw' | 'exit') pipeline?
    private func parseFlowWithPipeline(_ t: Token) -> Statement? {
        advance(t)
        let n = peek()
        var value: Statement?
        switch n.kind {
        case .newLine, .semi, .rCurly, .rParen, .endOfInput, .pipe, .andAnd, .orOr: value = nil
        default: value = parsePipelineChainStatement()
        }
        let kind: StatementKind
        switch t.keyword {
        case .return: kind = .returnStatement(value)
        case .throw: kind = .throwStatement(value)
        default: kind = .exitStatement(value)
        }
        return Statement(kind, extent: extent(from: t.start))
    }

    // G flow-control-statement: ('break' | 'continue') label-expression?
    private func parseBreakContinue(_ t: Token) -> Statement? {
        advance(t)
        let n = peek()
        var label: Expression?
        switch n.kind {
        case .newLine, .semi, .rCurly, .rParen, .endOfInput, .pipe, .andAnd, .orOr, .ampersand: label = nil
        case .generic, .keyword, .identifier:
            advance(n)
            label = Expression(.stringConstant(n.stringValue ?? n.text, quoting: .bareword), extent: extent(of: n))
        default:
            label = withMode(.expression) { parseUnary() }
        }
        let kind: StatementKind = t.keyword == .break ? .breakStatement(label: label) : .continueStatement(label: label)
        return Statement(kind, extent: extent(from: t.start))
    }

    // G function-statement: ('function' | 'filter') new-lines? function-name function-parameter-declaration? '{' script-block '}'
    private func parseFunction(_ t: Token) -> Statement? {
        advance(t)
        skipNewlines()
        let nameToken = peek()
        switch nameToken.kind {
        case .newLine, .semi, .endOfInput, .lCurly, .rCurly, .lParen, .rParen, .pipe:
            reportIncomplete("MissingNameAfterKeyword", "Missing function name after '\(t.text)'.", t.end,
                             detectedAt: nameToken.start)
            return nil
        default: break
        }
        advance(nameToken)
        let name = nameToken.kind == .generic ? (nameToken.stringValue ?? nameToken.text) : nameToken.text
        skipNewlines()
        var parameters: [ParameterAst]?
        if peek().kind == .lParen {
            let open = next()
            parameters = withMode(.expression) { parseParameterList(closeAfter: open) }
            skipNewlines()
        }
        let open = peek()
        guard open.kind == .lCurly else {
            reportIncomplete("MissingFunctionBody", "The function '\(name)' is missing its body.", lastTokenEnd,
                             detectedAt: open.start)
            return nil
        }
        advance(open)
        var body = parseScriptBlockBody(start: open.start, closing: .rCurly)
        expectCloseCurly(open: open)
        body.extent = extent(from: open.start)
        let def = FunctionDefinitionAst(name: name, isFilter: t.keyword == .filter, parameters: parameters, body: body,
                                        extent: extent(from: t.start))
        return Statement(.functionDefinition(def), extent: def.extent)
    }

    // G trap-statement: 'trap' new-lines? type-literal? new-lines? statement-block
    private func parseTrap(_ t: Token) -> Statement? {
        advance(t)
        skipNewlines()
        var types: [TypeName] = []
        if lexer.byte(nextSignificantOffset) == UInt8(ascii: "[") {
            if let type = withMode(.expression, { parseBracketedType() }) { types.append(type) }
        }
        guard let body = parseStatementBlock() else {
            reportIncomplete("MissingTrapStatement", "Missing '{' block after 'trap'.", lastTokenEnd, detectedAt: peek().start)
            return nil
        }
        return Statement(.trap(types: types, body: body), extent: extent(from: t.start))
    }

    // G try-statement: 'try' statement-block (catch-clauses finally-clause? | finally-clause)
    // G catch-clause: new-lines? 'catch' catch-type-list? statement-block
    private func parseTry(_ t: Token) -> Statement? {
        advance(t)
        guard let body = parseRequiredBlock("MissingTryStatementBlock", "Missing '{' block after 'try'.", at: t.end) else {
            return nil
        }
        var catches: [CatchClause] = []
        var finallyBody: [Statement]?
        while true {
            let save = pos
            skipNewlines()
            let k = peek()
            if k.keyword == .catch {
                advance(k)
                var types: [TypeName] = []
                while true {
                    skipNewlines()
                    guard lexer.byte(nextSignificantOffset) == UInt8(ascii: "[") else { break }
                    guard let type = withMode(.expression, { parseBracketedType() }) else { break }
                    types.append(type)
                    if peek().kind == .comma {
                        advance(peek())
                        skipNewlines()
                        if lexer.byte(nextSignificantOffset) != UInt8(ascii: "[") {
                            reportIncomplete("MissingTypeLiteralToken", "Missing exception type after ','.", lastTokenEnd,
                                             detectedAt: peek().start)
                            break
                        }
                    } else {
                        break
                    }
                }
                guard let cbody = parseRequiredBlock("MissingCatchHandlerBlock", "Missing '{' block after 'catch'.",
                                                     at: lastTokenEnd) else {
                    return Statement(.tryStatement(body: body, catches: catches, finally: nil), extent: extent(from: t.start))
                }
                catches.append(CatchClause(types: types, body: cbody, extent: extent(from: k.start)))
                continue
            }
            if k.keyword == .finally {
                advance(k)
                finallyBody = parseRequiredBlock("MissingFinallyStatementBlock", "Missing '{' block after 'finally'.", at: k.end)
                break
            }
            pos = save
            break
        }
        if catches.isEmpty && finallyBody == nil {
            reportIncomplete("MissingCatchOrFinally", "A 'try' block needs a 'catch' or 'finally' block.", lastTokenEnd,
                             detectedAt: lastTokenEnd)
        }
        return Statement(.tryStatement(body: body, catches: catches, finally: finallyBody), extent: extent(from: t.start))
    }
}
