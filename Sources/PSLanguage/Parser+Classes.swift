// `class`, `enum` and `using` statements. Class bodies are read in expression mode: member
// names, `static` and `hidden` are plain identifiers there, and `[type]` is scanned directly.

extension Parser {
    /// `[Flags()] enum …`: attributes before a type definition. Restores the position and
    /// returns nil when no `class` / `enum` follows them.
    func parseAttributedTypeDefinition() -> Statement? {
        let save = (pos, errors.count, lastTokenEnd, reportedErrors)
        let start = nextSignificantOffset
        let items = withMode(.expression) { parseAttributeList() }
        withMode(.command) { skipNewlines() }
        let k = withMode(.command) { peek() }
        if !items.isEmpty, k.keyword == .class || k.keyword == .enum, items.allSatisfy({ $0.attribute != nil }) {
            return parseTypeDefinition(k, attributes: items.compactMap(\.attribute), start: start)
        }
        (pos, lastTokenEnd) = (save.0, save.2)
        errors.removeSubrange(save.1...)
        reportedErrors = save.3
        return nil
    }

    // G class-statement: attribute-list? 'class' simple-name (':' type-name (',' type-name)*)? '{' class-member* '}'
    // G enum-statement: attribute-list? 'enum' simple-name (':' type-name)? '{' enum-member* '}'
    func parseTypeDefinition(_ t: Token, attributes: [AttributeAst], start: Int) -> Statement? {
        advance(t)
        let isEnum = t.keyword == .enum
        withMode(.command) { skipNewlines() }
        guard let nameToken = lexer.scanTypeNameWord(at: pos), !nameToken.text.contains(".") else {
            reportIncomplete("MissingNameAfterKeyword", "Missing name after keyword '\(t.text)'.", t.end,
                             detectedAt: nextSignificantOffset)
            return nil
        }
        pos = nameToken.end
        lastTokenEnd = pos
        var baseTypes: [TypeName] = []
        withMode(.command) { skipNewlines() }
        if lexer.byte(nextSignificantOffset) == UInt8(ascii: ":") {
            pos = nextSignificantOffset + 1
            lastTokenEnd = pos
            while true {
                withMode(.command) { skipNewlines() }
                pos = nextSignificantOffset
                guard let type = parseTypeName() else {
                    reportIncomplete("TypeNameExpected", "Type name expected.", lastTokenEnd, detectedAt: pos)
                    break
                }
                baseTypes.append(type)
                guard lexer.byte(nextSignificantOffset) == UInt8(ascii: ",") else { break }
                pos = nextSignificantOffset + 1
            }
        }
        withMode(.command) { skipNewlines() }
        let open = withMode(.command) { peek() }
        guard open.kind == .lCurly else {
            reportIncomplete("MissingTypeBody", "Missing '\(t.text)' body.", lastTokenEnd, detectedAt: open.start)
            return nil
        }
        advance(open)
        let members = isEnum ? parseEnumMembers() : parseClassMembers(className: nameToken.text)
        expectCloseCurly(open: open)
        let def = TypeDefinitionAst(name: nameToken.text, isEnum: isEnum, attributes: attributes, baseTypes: baseTypes,
                                    members: members, extent: extent(from: start))
        return Statement(.typeDefinition(def), extent: def.extent)
    }

    // G enum-member: simple-name ('=' expression)?
    private func parseEnumMembers() -> [MemberAst] {
        var members: [MemberAst] = []
        withMode(.expression) {
            while true {
                skipNewlinesAndSemicolons()
                let t = peek()
                if t.kind == .rCurly || t.kind == .endOfInput { return }
                guard t.kind == .identifier, let name = t.stringValue else {
                    report("InvalidEnumMemberName", "'\(t.text)' is not a valid enum member name.", t.start, t.end)
                    skipToMemberEnd()
                    continue
                }
                advance(t)
                var value: Expression?
                if peek().kind == .equals {
                    let eq = next()
                    value = parseExpression()
                    if value == nil {
                        reportIncomplete("ExpectedValueExpression", "Expected a value expression after '='.", eq.end,
                                         detectedAt: peek().start)
                    }
                }
                members.append(.property(PropertyMemberAst(name: name, type: nil, initializer: value, isStatic: true,
                                                           isHidden: false, attributes: [], extent: extent(from: t.start))))
                let sep = peek()
                if ![.newLine, .semi, .rCurly, .endOfInput].contains(sep.kind) {
                    report("EnumeratorValueMustBeFollowedBy", "Missing ';' or newline after the enum member '\(name)'.",
                           sep.start, sep.end)
                    skipToMemberEnd()
                }
            }
        }
        return members
    }

    // G class-member: attribute-list? ('static' | 'hidden')* (property-member | method-member)
    private func parseClassMembers(className: String) -> [MemberAst] {
        var members: [MemberAst] = []
        withMode(.expression) {
            while true {
                skipNewlinesAndSemicolons()
                let first = peek()
                if first.kind == .rCurly || first.kind == .endOfInput { return }
                let start = nextSignificantOffset
                var isStatic = false, isHidden = false
                var attributes: [AttributeAst] = []
                var types: [TypeName] = []
                while true {
                    skipNewlines()
                    if currentByteAfterTrivia == UInt8(ascii: "[") {
                        for item in parseAttributeList() {
                            if let a = item.attribute { attributes.append(a) } else { types.append(item.type) }
                        }
                        continue
                    }
                    let w = peek()
                    if w.kind == .identifier, w.text.lowercased() == "static" { advance(w); isStatic = true; continue }
                    if w.kind == .identifier, w.text.lowercased() == "hidden" { advance(w); isHidden = true; continue }
                    break
                }
                let t = peek()
                if t.kind == .variable, let path = t.variablePath {
                    advance(t)
                    var initializer: Expression?
                    if peek().kind == .equals {
                        let eq = next()
                        skipNewlines()
                        initializer = parseExpression()
                        if initializer == nil {
                            reportIncomplete("ExpectedValueExpression", "Expected a value expression after '='.", eq.end,
                                             detectedAt: peek().start)
                        }
                    }
                    if types.count > 1 {
                        report("TooManyTypes", "A property can have only one type.", start, lastTokenEnd)
                    }
                    members.append(.property(PropertyMemberAst(
                        name: path.description, type: types.last, initializer: initializer, isStatic: isStatic,
                        isHidden: isHidden, attributes: attributes, extent: extent(from: start))))
                    let sep = peek()
                    if ![.newLine, .semi, .rCurly, .endOfInput].contains(sep.kind) {
                        report("UnexpectedToken", "Unexpected token '\(sep.text)' in class member definition.", sep.start, sep.end)
                        skipToMemberEnd()
                    }
                    continue
                }
                if t.kind == .identifier, let name = t.stringValue {
                    advance(t)
                    if let method = parseMethodMember(name: name, className: className, returnType: types.last,
                                                      isStatic: isStatic, isHidden: isHidden, start: start) {
                        members.append(.method(method))
                    }
                    continue
                }
                if t.kind == .rCurly || t.kind == .endOfInput {
                    reportIncomplete("IncompleteMemberDefinition", "Incomplete member definition.", lastTokenEnd,
                                     detectedAt: t.start)
                    return
                }
                report("IncompleteMemberDefinition", "Unexpected token '\(t.text)'. Expected a property or method definition.",
                       t.start, t.end)
                skipToMemberEnd()
            }
        }
        return members
    }

    /// After the name: `( params ) [: base(args)] { body }`.
    private func parseMethodMember(name: String, className: String, returnType: TypeName?, isStatic: Bool, isHidden: Bool,
                                   start: Int) -> FunctionMemberAst? {
        let open = peek()
        guard open.kind == .lParen else {
            report("MissingPropertyOrMethodName", "Expected '(' after the method name '\(name)'; a property name starts with '$'.",
                   open.start, open.end)
            skipToMemberEnd()
            return nil
        }
        advance(open)
        let parameters = parseParameterList(closeAfter: open)
        let isConstructor = name.lowercased() == className.lowercased() && returnType == nil
        var baseArguments: [Expression]?
        skipNewlines()
        if peek().kind == .colon {
            let colon = next()
            skipNewlines()
            let word = peek()
            if isConstructor, word.kind == .identifier, word.text.lowercased() == "base" {
                advance(word)
                let paren = peek()
                if paren.kind == .lParen {
                    advance(paren)
                    baseArguments = parseArgumentsUntilParen(openAt: paren.start)
                } else {
                    reportIncomplete("MissingMethodParameterList", "Missing '(' after 'base'.", word.end, detectedAt: paren.start)
                }
            } else {
                report("MissingBaseCtorCall", "Expected 'base(…)' after ':' in a constructor.", colon.start, colon.end)
            }
            skipNewlines()
        }
        let bodyOpen = withMode(.command) { peek() }
        guard bodyOpen.kind == .lCurly else {
            reportIncomplete("MissingFunctionBody", "Missing function body in method definition.", lastTokenEnd,
                             detectedAt: bodyOpen.start)
            skipToMemberEnd()
            return nil
        }
        advance(bodyOpen)
        var body = withMode(.command) { parseScriptBlockBody(start: bodyOpen.start, closing: .rCurly) }
        expectCloseCurly(open: bodyOpen)
        body.extent = extent(from: bodyOpen.start)
        return FunctionMemberAst(name: name, parameters: parameters, returnType: returnType, body: body, isStatic: isStatic,
                                 isHidden: isHidden, isConstructor: isConstructor, baseArguments: baseArguments,
                                 extent: extent(from: start))
    }

    /// Comma-separated expressions up to and including `)`.
    private func parseArgumentsUntilParen(openAt: Int) -> [Expression] {
        let oldComma = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = oldComma }
        var args: [Expression] = []
        while true {
            skipNewlines()
            let t = peek()
            if t.kind == .rParen { advance(t); break }
            guard let e = parseExpression() else {
                reportIncomplete("MissingEndParenthesisInMethodCall", "Missing closing ')'.", openAt, openAt + 1,
                                 detectedAt: peek().start)
                break
            }
            args.append(e)
            skipNewlines()
            if peek().kind == .comma { advance(peek()) }
        }
        return args
    }

    /// Skips to the end of the current line or the class body's `}` after an error.
    private func skipToMemberEnd() {
        while true {
            let t = peek()
            if [.newLine, .semi, .rCurly, .endOfInput].contains(t.kind) { return }
            advance(t)
        }
    }

    private var currentByteAfterTrivia: UInt8 { lexer.byte(nextSignificantOffset) }

    // G using-statement: 'using' ('namespace' | 'module' | 'assembly') name
    func parseUsing(_ t: Token) -> Statement? {
        advance(t)
        let kindToken = withMode(.command) { peek() }
        guard kindToken.kind == .generic || kindToken.kind == .keyword,
              let kind = UsingStatementAst.Kind(rawValue: kindToken.text.lowercased()) else {
            reportIncomplete("MissingUsingStatementDirective", "Missing using directive: 'namespace', 'module' or 'assembly'.",
                             t.end, detectedAt: kindToken.start)
            return nil
        }
        advance(kindToken)
        let nameToken = withMode(.command) { peek() }
        let name: String
        switch nameToken.kind {
        case .generic, .identifier, .stringLiteral, .stringExpandable:
            name = nameToken.stringValue ?? nameToken.text
            advance(nameToken)
        default:
            reportIncomplete("MissingUsingItemName", "Missing name after 'using \(kindToken.text)'.", kindToken.end,
                             detectedAt: nameToken.start)
            return nil
        }
        let ast = UsingStatementAst(kind: kind, name: name, extent: extent(from: t.start))
        return Statement(.usingStatement(ast), extent: ast.extent)
    }
}
