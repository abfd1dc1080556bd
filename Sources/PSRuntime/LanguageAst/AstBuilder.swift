import PSLanguage

/// Builds the pwsh-shaped node tree (`AstNodeValue`) from pcsh's parser output. Class and
/// property names follow System.Management.Automation.Language; where pcsh's tree keeps no
/// extent for a part (a statement block), the nearest enclosing extent stands in.
struct AstBuilder {
    private func node(_ kind: String, _ extent: SourceExtent, _ properties: [(String, PSValue)]) -> PSValue {
        .object(AstNodeValue(kind, extent, properties))
    }

    private func list(_ items: [PSValue]) -> PSValue { .object(PSArray(items, isList: true)) }
    private func optional(_ value: PSValue?) -> PSValue { value ?? .null }

    // MARK: Script blocks

    func scriptBlock(_ ast: ScriptBlockAst) -> PSValue {
        func named(_ statements: [Statement]?, _ kind: String) -> PSValue {
            guard let statements else { return .null }
            let extent = ast.hasNamedBlocks ? span(statements, or: ast.extent) : ast.extent
            return node("NamedBlockAst", extent, [("Unnamed", .bool(!ast.hasNamedBlocks)), ("BlockKind", .string(kind)),
                                                  ("Statements", list(statements.map(statement))), ("Traps", .null)])
        }
        return node("ScriptBlockAst", ast.extent, [
            ("Attributes", list(ast.attributes.map(attribute))),
            ("UsingStatements", list([])),
            ("ParamBlock", ast.paramBlock.map(paramBlock) ?? .null),
            ("BeginBlock", named(ast.beginBlock, "Begin")),
            ("ProcessBlock", named(ast.processBlock, "Process")),
            ("EndBlock", named(ast.endBlock, "End")),
            ("DynamicParamBlock", .null),
            ("ScriptRequirements", .null),
        ])
    }

    private func paramBlock(_ p: ParamBlockAst) -> PSValue {
        node("ParamBlockAst", p.extent, [("Attributes", list(p.attributes.map(attribute))), ("Parameters", list(p.parameters.map(parameter)))])
    }

    private func parameter(_ p: ParameterAst) -> PSValue {
        let nameExtent = p.extent
        let type = p.typeConstraints.last.flatMap { PSTypeInfo.resolve($0) } ?? TypeRegistry.object
        let attributes = p.attributes.map(attribute) + p.typeConstraints.map(typeConstraint)
        return node("ParameterAst", p.extent, [
            ("Attributes", list(attributes)),
            ("Name", variable(VariablePath(qualifier: nil, name: p.name), splatted: false, nameExtent)),
            ("DefaultValue", p.defaultValue.map(expression) ?? .null),
            ("StaticType", .object(type)),
        ])
    }

    private func attribute(_ a: AttributeAst) -> PSValue {
        let named = a.namedArguments.map { arg -> PSValue in
            node("NamedAttributeArgumentAst", arg.extent, [("ArgumentName", .string(arg.name)),
                                                         ("Argument", arg.value.map(expression) ?? .null),
                                                         ("ExpressionOmitted", .bool(arg.value == nil))])
        }
        return node("AttributeAst", a.extent, [("PositionalArguments", list(a.positionalArguments.map(expression))),
                                               ("NamedArguments", list(named)), ("TypeName", typeName(a.typeName))])
    }

    private func typeConstraint(_ t: TypeName) -> PSValue {
        node("TypeConstraintAst", t.extent, [("TypeName", typeName(t))])
    }

    private func typeName(_ t: TypeName) -> PSValue {
        let full = PSTypeInfo.resolve(t)?.fullName ?? t.description
        return .object(AstNodeValue("TypeName", t.extent, [("Name", .string(t.description)), ("FullName", .string(full)),
                                                            ("IsArray", .bool(t.arrayRank > 0)),
                                                            ("IsGeneric", .bool(!t.genericArguments.isEmpty))],
                                    display: t.description))
    }

    // MARK: Statements

    private func span(_ statements: [Statement], or fallback: SourceExtent) -> SourceExtent {
        guard let first = statements.first, let last = statements.last else { return fallback }
        return first.extent.union(last.extent)
    }

    private func block(_ statements: [Statement], _ fallback: SourceExtent) -> PSValue {
        node("StatementBlockAst", span(statements, or: fallback), [("Statements", list(statements.map(statement))), ("Traps", .null)])
    }

    func statement(_ s: Statement) -> PSValue {
        let e = s.extent
        switch s.kind {
        case .pipeline(let chain):
            var result = pipeline(chain.first)
            var resultExtent = chain.first.extent
            for (op, next) in chain.rest {
                resultExtent = resultExtent.union(next.extent)
                result = node("PipelineChainAst", resultExtent, [("LhsPipelineChain", result), ("RhsPipeline", pipeline(next)),
                                                                 ("Operator", .string(op == .and ? "AndAnd" : "OrOr")),
                                                                 ("Background", .bool(chain.background))])
            }
            return result
        case .assignment(let target, let op, let value):
            let names: [AssignmentOperator: String] = [.assign: "Equals", .plus: "PlusEquals", .minus: "MinusEquals",
                                                       .multiply: "MultiplyEquals", .divide: "DivideEquals",
                                                       .remainder: "RemainderEquals", .nullCoalesce: "QuestionQuestionEquals"]
            return node("AssignmentStatementAst", e, [("Left", expression(target)), ("Operator", .string(names[op] ?? "Equals")),
                                                      ("Right", statement(value))])
        case .ifStatement(let clauses, let elseBody):
            let pairs = clauses.map { c -> PSValue in
                .object(PSArray([statement(c.condition), block(c.body, c.condition.extent)], isList: true))
            }
            return node("IfStatementAst", e, [("Clauses", list(pairs)), ("ElseClause", elseBody.map { block($0, e) } ?? .null)])
        case .switchStatement(let sw):
            let clauses = sw.clauses.map { c -> PSValue in .object(PSArray([expression(c.pattern), block(c.body, c.pattern.extent)], isList: true)) }
            return node("SwitchStatementAst", e, [("Label", sw.label.map { .string($0) } ?? .null),
                                                  ("Condition", sw.condition.map(statement) ?? sw.file.map(expression) ?? .null),
                                                  ("Clauses", list(clauses)), ("Default", sw.defaultBody.map { block($0, e) } ?? .null)])
        case .foreachStatement(let label, let path, let iterable, let body):
            return node("ForEachStatementAst", e, [("Label", label.map { .string($0) } ?? .null),
                                                   ("Variable", variable(path, splatted: false, e)),
                                                   ("Condition", statement(iterable)), ("Body", block(body, e))])
        case .forStatement(let label, let initializer, let condition, let iterator, let body):
            return node("ForStatementAst", e, [("Label", label.map { .string($0) } ?? .null),
                                               ("Initializer", initializer.map(statement) ?? .null),
                                               ("Condition", condition.map(statement) ?? .null),
                                               ("Iterator", iterator.map(statement) ?? .null), ("Body", block(body, e))])
        case .whileStatement(let label, let condition, let body):
            return loop("WhileStatementAst", e, label, condition, body)
        case .doWhile(let label, let body, let condition):
            return loop("DoWhileStatementAst", e, label, condition, body)
        case .doUntil(let label, let body, let condition):
            return loop("DoUntilStatementAst", e, label, condition, body)
        case .breakStatement(let label):
            return node("BreakStatementAst", e, [("Label", label.map(expression) ?? .null)])
        case .continueStatement(let label):
            return node("ContinueStatementAst", e, [("Label", label.map(expression) ?? .null)])
        case .returnStatement(let value):
            return node("ReturnStatementAst", e, [("Pipeline", value.map(statement) ?? .null)])
        case .exitStatement(let value):
            return node("ExitStatementAst", e, [("Pipeline", value.map(statement) ?? .null)])
        case .throwStatement(let value):
            return node("ThrowStatementAst", e, [("Pipeline", value.map(statement) ?? .null), ("IsRethrow", .bool(value == nil))])
        case .tryStatement(let body, let catches, let finally):
            let clauses = catches.map { c -> PSValue in
                node("CatchClauseAst", c.extent, [("CatchTypes", list(c.types.map(typeConstraint))), ("IsCatchAll", .bool(c.types.isEmpty)),
                                                  ("Body", block(c.body, c.extent))])
            }
            return node("TryStatementAst", e, [("Body", block(body, e)), ("CatchClauses", list(clauses)),
                                               ("Finally", finally.map { block($0, e) } ?? .null)])
        case .trap(let types, let body):
            return node("TrapStatementAst", e, [("TrapType", types.first.map(typeConstraint) ?? .null), ("Body", block(body, e))])
        case .functionDefinition(let f):
            let definition = AstNodeValue("FunctionDefinitionAst", f.extent, [
                ("IsFilter", .bool(f.isFilter)), ("IsWorkflow", .bool(false)), ("Name", .string(f.name)),
                ("Parameters", f.parameters.map { list($0.map(parameter)) } ?? .null), ("Body", scriptBlock(f.body)),
            ])
            return .object(definition)
        case .block(let statements):
            return block(statements, e)
        case .typeDefinition(let t):
            return node("TypeDefinitionAst", t.extent, [("Name", .string(t.name)), ("IsEnum", .bool(t.isEnum)),
                                                        ("IsClass", .bool(!t.isEnum)),
                                                        ("BaseTypes", list(t.baseTypes.map(typeConstraint)))])
        case .usingStatement(let u):
            return node("UsingStatementAst", u.extent, [("UsingStatementKind", .string("\(u.kind)".capitalized)), ("Name", .string(u.name))])
        }
    }

    private func loop(_ kind: String, _ e: SourceExtent, _ label: String?, _ condition: Statement, _ body: [Statement]) -> PSValue {
        node(kind, e, [("Label", label.map { .string($0) } ?? .null), ("Condition", statement(condition)), ("Body", block(body, e))])
    }

    private func pipeline(_ p: PipelineAst) -> PSValue {
        let elements = p.elements.map { element -> PSValue in
            switch element {
            case .command(let c): return command(c)
            case .expression(let x, let redirections):
                return node("CommandExpressionAst", x.extent, [("Expression", expression(x)),
                                                               ("Redirections", list(redirections.map(redirection)))])
            }
        }
        return node("PipelineAst", p.extent, [("PipelineElements", list(elements)), ("Background", .bool(false))])
    }

    private func command(_ c: CommandAst) -> PSValue {
        var elements = [expression(c.name)]
        for element in c.elements {
            switch element {
            case .parameter(let name, let argument, let extent):
                elements.append(node("CommandParameterAst", extent, [("ParameterName", .string(name)),
                                                                     ("Argument", argument.map(expression) ?? .null)]))
            case .argument(let x): elements.append(expression(x))
            case .stopParsing(let text, let extent):
                elements.append(node("StringConstantExpressionAst", extent, [("Value", .string(text)),
                                                                             ("StringConstantType", .string("BareWord"))]))
            }
        }
        let invocation: String
        switch c.invocation {
        case .none: invocation = "Unknown"
        case .ampersand: invocation = "Ampersand"
        case .dot: invocation = "Dot"
        }
        let result = AstNodeValue("CommandAst", c.extent, [("CommandElements", list(elements)), ("InvocationOperator", .string(invocation)),
                                                           ("DefiningKeyword", .null), ("Redirections", list(c.redirections.map(redirection)))])
        if case .stringConstant(let name, _) = c.name.kind { result.methodResults["getcommandname"] = .string(name) } else {
            result.methodResults["getcommandname"] = .null
        }
        return .object(result)
    }

    private func redirection(_ r: Redirection) -> PSValue {
        let streams = ["All", "Output", "Error", "Warning", "Verbose", "Debug", "Information"]
        switch r.kind {
        case .file(let target, let append):
            return node("FileRedirectionAst", r.extent, [("FromStream", .string(streams[r.from.rawValue])), ("Location", expression(target)),
                                                         ("Append", .bool(append))])
        case .merge:
            return node("MergingRedirectionAst", r.extent, [("FromStream", .string(streams[r.from.rawValue])), ("ToStream", .string("Output"))])
        }
    }

    // MARK: Expressions

    private func variable(_ path: VariablePath, splatted: Bool, _ e: SourceExtent) -> PSValue {
        let q = path.qualifier
        let variablePath = AstNodeValue("VariablePath", e, [
            ("UserPath", .string(path.description)), ("IsGlobal", .bool(q == "global")), ("IsLocal", .bool(q == "local")),
            ("IsPrivate", .bool(q == "private")), ("IsScript", .bool(q == "script")), ("IsUnqualified", .bool(q == nil)),
            ("DriveName", q.map { .string($0) } ?? .null),
        ], display: path.description)
        return node("VariableExpressionAst", e, [("VariablePath", .object(variablePath)), ("Splatted", .bool(splatted)),
                                                 ("StaticType", .object(TypeRegistry.object))])
    }

    func expression(_ x: Expression) -> PSValue {
        let e = x.extent
        switch x.kind {
        case .constant(let c):
            let value = Compiler.constantValue(c)
            return node("ConstantExpressionAst", e, [("Value", value), ("StaticType", .object(PSTypeInfo.of(value)))])
        case .stringConstant(let s, let quoting):
            return node("StringConstantExpressionAst", e, [("StringConstantType", .string(Self.quotingName(quoting))), ("Value", .string(s)),
                                                           ("StaticType", .object(TypeRegistry.string))])
        case .expandableString(let parts, let quoting):
            var nested: [PSValue] = []
            for part in parts {
                switch part {
                case .literal: break
                case .variable(let path): nested.append(variable(path, splatted: false, e))
                case .subExpression(let statements):
                    nested.append(node("SubExpressionAst", e, [("SubExpression", block(statements, e))]))
                }
            }
            let value = parts.map { part -> String in
                switch part {
                case .literal(let s): return s
                case .variable(let path): return "$" + path.description
                case .subExpression: return ""
                }
            }.joined()
            return node("ExpandableStringExpressionAst", e, [("Value", .string(value)), ("StringConstantType", .string(Self.quotingName(quoting))),
                                                             ("NestedExpressions", list(nested)), ("StaticType", .object(TypeRegistry.string))])
        case .variable(let path, let splatted):
            return variable(path, splatted: splatted, e)
        case .arrayLiteral(let elements):
            return node("ArrayLiteralAst", e, [("Elements", list(elements.map(expression)))])
        case .arrayExpression(let statements):
            return node("ArrayExpressionAst", e, [("SubExpression", block(statements, e))])
        case .subExpression(let statements):
            return node("SubExpressionAst", e, [("SubExpression", block(statements, e))])
        case .paren(let s):
            return node("ParenExpressionAst", e, [("Pipeline", statement(s))])
        case .hashtable(let entries):
            let pairs = entries.map { entry -> PSValue in .object(PSArray([expression(entry.key), statement(entry.value)], isList: true)) }
            return node("HashtableAst", e, [("KeyValuePairs", list(pairs))])
        case .scriptBlock(let ast):
            return node("ScriptBlockExpressionAst", e, [("ScriptBlock", scriptBlock(ast))])
        case .unary(let op, let operand):
            let names: [UnaryOperator: String] = [.not: "Not", .exclaim: "Exclaim", .bnot: "Bnot", .negate: "Minus", .plus: "Plus",
                                                  .preIncrement: "PlusPlus", .preDecrement: "MinusMinus", .postIncrement: "PostfixPlusPlus",
                                                  .postDecrement: "PostfixMinusMinus", .split: "Csplit", .join: "Join", .comma: "Comma"]
            return node("UnaryExpressionAst", e, [("TokenKind", .string(names[op] ?? op.rawValue)), ("Child", expression(operand))])
        case .binary(let op, let lhs, let rhs):
            return node("BinaryExpressionAst", e, [("Operator", .string(Self.operatorName(op))), ("Left", expression(lhs)),
                                                   ("Right", expression(rhs)), ("ErrorPosition", .null)])
        case .convert(let t, let operand):
            return node("ConvertExpressionAst", e, [("Type", typeConstraint(t)), ("Child", expression(operand)),
                                                    ("StaticType", .object(PSTypeInfo.resolve(t) ?? TypeRegistry.object))])
        case .typeLiteral(let t):
            return node("TypeExpressionAst", e, [("TypeName", typeName(t))])
        case .member(let target, let member, let isStatic, let nullConditional):
            return node("MemberExpressionAst", e, [("Expression", expression(target)), ("Member", expression(member)),
                                                   ("Static", .bool(isStatic)), ("NullConditional", .bool(nullConditional))])
        case .invokeMember(let target, let member, let arguments, let isStatic, let nullConditional):
            return node("InvokeMemberExpressionAst", e, [("Expression", expression(target)), ("Member", expression(member)),
                                                         ("Arguments", list(arguments.map(expression))), ("Static", .bool(isStatic)),
                                                         ("NullConditional", .bool(nullConditional))])
        case .index(let target, let index, let nullConditional):
            return node("IndexExpressionAst", e, [("Target", expression(target)), ("Index", expression(index)),
                                                  ("NullConditional", .bool(nullConditional))])
        case .ternary(let condition, let a, let b):
            return node("TernaryExpressionAst", e, [("Condition", expression(condition)), ("IfTrue", expression(a)), ("IfFalse", expression(b))])
        case .attributed(let a, let inner):
            return node("AttributedExpressionAst", e, [("Attribute", attribute(a)), ("Child", expression(inner))])
        }
    }

    static func quotingName(_ q: StringQuoting) -> String {
        switch q {
        case .bareword: return "BareWord"
        case .singleQuoted: return "SingleQuoted"
        case .doubleQuoted: return "DoubleQuoted"
        case .singleHereString: return "SingleQuotedHereString"
        case .doubleHereString: return "DoubleQuotedHereString"
        }
    }

    /// pwsh's TokenKind name for a binary operator (`-eq` is `Ieq`, `-ceq` is `Ceq`).
    static func operatorName(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "Plus"
        case .subtract: return "Minus"
        case .multiply: return "Multiply"
        case .divide: return "Divide"
        case .remainder: return "Rem"
        case .range: return "DotDot"
        case .nullCoalesce: return "QuestionQuestion"
        case .isType: return "Is"
        case .isNotType: return "IsNot"
        case .asType: return "As"
        case .comparison(let c, let cs):
            let name = c.rawValue.prefix(1).uppercased() + c.rawValue.dropFirst()
            return c == .split || c == .join ? name : (cs ? "C" : "I") + c.rawValue
        default:
            let t = String(op.text.dropFirst())
            return t.prefix(1).uppercased() + t.dropFirst()
        }
    }
}
