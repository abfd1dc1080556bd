// A compact S-expression printer for ASTs so that test cases fit on one line.
@testable import PSLanguage

enum SExpr {
    static func script(_ ast: ScriptBlockAst) -> String {
        body(ast)
    }

    static func body(_ ast: ScriptBlockAst) -> String {
        var parts: [String] = []
        if !ast.attributes.isEmpty { parts.append(ast.attributes.map(attribute).joined()) }
        if let p = ast.paramBlock { parts.append("param(" + p.parameters.map(parameter).joined(separator: " ") + ")") }
        if ast.hasNamedBlocks {
            if let b = ast.beginBlock { parts.append("begin" + block(b)) }
            if let b = ast.processBlock { parts.append("process" + block(b)) }
            if let b = ast.endBlock { parts.append("end" + block(b)) }
        } else if let e = ast.endBlock, !e.isEmpty {
            parts.append(e.map(statement).joined(separator: "; "))
        }
        return parts.joined(separator: " ")
    }

    static func block(_ statements: [Statement]) -> String {
        "{" + statements.map(statement).joined(separator: "; ") + "}"
    }

    static func parameter(_ p: ParameterAst) -> String {
        var s = p.attributes.map(attribute).joined() + p.typeConstraints.map { "[\($0)]" }.joined() + "$" + p.name
        if let d = p.defaultValue { s += "=" + expr(d) }
        return s
    }

    static func attribute(_ a: AttributeAst) -> String {
        let args = a.positionalArguments.map(expr) + a.namedArguments.map { n in
            n.value.map { "\(n.name)=\(expr($0))" } ?? n.name
        }
        return "[\(a.typeName)(\(args.joined(separator: " ")))]"
    }

    static func opt(_ s: Statement?) -> String { s.map(statement) ?? "_" }

    static func statement(_ s: Statement) -> String {
        switch s.kind {
        case .pipeline(let chain):
            var out = pipeline(chain.first)
            if !chain.rest.isEmpty {
                out = "(chain " + out + chain.rest.map { " \($0.op.rawValue) " + pipeline($0.pipeline) }.joined() + ")"
            }
            return chain.background ? "(bg \(out))" : out
        case .assignment(let target, let op, let value):
            return "(\(op.rawValue) \(expr(target)) \(statement(value)))"
        case .ifStatement(let clauses, let elseBody):
            var out = "(if"
            for c in clauses { out += " " + statement(c.condition) + " " + block(c.body) }
            if let e = elseBody { out += " else " + block(e) }
            return out + ")"
        case .switchStatement(let sw):
            var out = "(switch"
            if let l = sw.label { out += " :\(l)" }
            let flagNames: [(SwitchFlags, String)] = [(.regex, "-regex"), (.wildcard, "-wildcard"), (.exact, "-exact"),
                                                      (.caseSensitive, "-casesensitive"), (.file, "-file")]
            for (f, n) in flagNames where sw.flags.contains(f) { out += " " + n }
            if let f = sw.file { out += " " + expr(f) }
            if let c = sw.condition { out += " " + statement(c) }
            for c in sw.clauses { out += " " + expr(c.pattern) + block(c.body) }
            if let d = sw.defaultBody { out += " default" + block(d) }
            return out + ")"
        case .foreachStatement(let label, let variable, let iterable, let body):
            return "(foreach\(label.map { " :" + $0 } ?? "") $\(variable) \(statement(iterable)) \(block(body)))"
        case .forStatement(let label, let i, let c, let it, let body):
            return "(for\(label.map { " :" + $0 } ?? "") \(opt(i)) \(opt(c)) \(opt(it)) \(block(body)))"
        case .whileStatement(let label, let c, let body):
            return "(while\(label.map { " :" + $0 } ?? "") \(statement(c)) \(block(body)))"
        case .doWhile(let label, let body, let c):
            return "(do-while\(label.map { " :" + $0 } ?? "") \(block(body)) \(statement(c)))"
        case .doUntil(let label, let body, let c):
            return "(do-until\(label.map { " :" + $0 } ?? "") \(block(body)) \(statement(c)))"
        case .breakStatement(let l): return l.map { "(break \(expr($0)))" } ?? "(break)"
        case .continueStatement(let l): return l.map { "(continue \(expr($0)))" } ?? "(continue)"
        case .returnStatement(let v): return v.map { "(return \(statement($0)))" } ?? "(return)"
        case .exitStatement(let v): return v.map { "(exit \(statement($0)))" } ?? "(exit)"
        case .throwStatement(let v): return v.map { "(throw \(statement($0)))" } ?? "(throw)"
        case .tryStatement(let body, let catches, let fin):
            var out = "(try " + block(body)
            for c in catches { out += " catch" + c.types.map { "[\($0)]" }.joined() + block(c.body) }
            if let f = fin { out += " finally" + block(f) }
            return out + ")"
        case .trap(let types, let body):
            return "(trap" + types.map { "[\($0)]" }.joined() + " " + block(body) + ")"
        case .functionDefinition(let f):
            var out = "(\(f.isFilter ? "filter" : "function") \(f.name)"
            if let ps = f.parameters { out += " (" + ps.map(parameter).joined(separator: " ") + ")" }
            return out + " {" + body(f.body) + "})"
        case .block(let b):
            return "(block " + block(b) + ")"
        case .typeDefinition(let t):
            var out = "(" + (t.isEnum ? "enum" : "class") + t.attributes.map { " " + attribute($0) }.joined() + " " + t.name
            if !t.baseTypes.isEmpty { out += " : " + t.baseTypes.map(\.description).joined(separator: ",") }
            for m in t.members { out += " " + member(m, inEnum: t.isEnum) }
            return out + ")"
        case .usingStatement(let u):
            return "(using \(u.kind.rawValue) \(u.name))"
        }
    }

    static func member(_ m: MemberAst, inEnum: Bool) -> String {
        switch m {
        case .property(let p):
            if inEnum { return p.name + (p.initializer.map { "=" + expr($0) } ?? "") }
            var out = (p.isStatic ? "static " : "") + (p.isHidden ? "hidden " : "") + (p.type.map { "[\($0)]" } ?? "")
            out += "$" + p.name + (p.initializer.map { "=" + expr($0) } ?? "")
            return out
        case .method(let f):
            var out = "(" + (f.isConstructor ? "ctor" : "method") + (f.isStatic ? " static" : "") + (f.isHidden ? " hidden" : "")
            if let r = f.returnType { out += " [\(r)]" }
            out += " " + f.name + "(" + f.parameters.map(parameter).joined(separator: " ") + ")"
            if let b = f.baseArguments { out += " base(" + b.map(expr).joined(separator: " ") + ")" }
            return out + " {" + body(f.body) + "})"
        }
    }

    static func pipeline(_ p: PipelineAst) -> String {
        let items = p.elements.map(element)
        return items.count == 1 ? items[0] : "(| " + items.joined(separator: " ") + ")"
    }

    static func element(_ e: PipelineElement) -> String {
        switch e {
        case .expression(let x, let redirections):
            if redirections.isEmpty { return expr(x) }
            return "(redir " + expr(x) + " " + redirections.map(redirection).joined(separator: " ") + ")"
        case .command(let c):
            var head = "cmd"
            if c.invocation == .ampersand { head = "&" }
            if c.invocation == .dot { head = "." }
            var items = [expr(c.name)]
            for el in c.elements {
                switch el {
                case .parameter(let n, let a, _): items.append("-" + n + (a.map { ":" + expr($0) } ?? ""))
                case .argument(let a): items.append(expr(a))
                case .stopParsing(let s, _): items.append("(--% \"\(s)\")")
                }
            }
            items += c.redirections.map(redirection)
            return "(\(head) " + items.joined(separator: " ") + ")"
        }
    }

    static func redirection(_ r: Redirection) -> String {
        let from = r.from == .all ? "*" : "\(r.from.rawValue)"
        switch r.kind {
        case .merge: return "(\(from)>&1)"
        case .file(let t, let append): return "(\(from)\(append ? ">>" : ">") \(expr(t)))"
        }
    }

    static func constant(_ c: ConstantValue) -> String {
        switch c {
        case .int(let v): return "\(v)"
        case .long(let v): return "\(v)L"
        case .double(let v): return "dbl:\(v)"
        case .decimal(let v): return "dec:\(v)"
        case .byte(let v): return "\(v)uy"
        case .sbyte(let v): return "\(v)y"
        case .short(let v): return "\(v)s"
        case .ushort(let v): return "\(v)us"
        case .uint(let v): return "\(v)u"
        case .ulong(let v): return "\(v)ul"
        case .bigInteger(let v): return "\(v)n"
        case .bool(let b): return b ? "$true" : "$false"
        case .null: return "$null"
        }
    }

    static func part(_ p: StringPart) -> String {
        switch p {
        case .literal(let s): return "\"\(s)\""
        case .variable(let v): return "$\(v)"
        case .subExpression(let s): return "($ " + s.map(statement).joined(separator: " ") + ")"
        }
    }

    static func expr(_ e: Expression) -> String {
        switch e.kind {
        case .constant(let c): return constant(c)
        case .stringConstant(let s, let q):
            switch q {
            case .bareword: return s
            case .singleQuoted: return "'\(s)'"
            case .doubleQuoted: return "\"\(s)\""
            case .singleHereString: return "@'\(s)'@"
            case .doubleHereString: return "@\"\(s)\"@"
            }
        case .expandableString(let parts, let q):
            let tag = q == .bareword ? "expandbw" : (q == .doubleHereString ? "expandhere" : "expand")
            return "(\(tag) " + parts.map(part).joined(separator: " ") + ")"
        case .variable(let v, let splatted): return (splatted ? "@" : "$") + v.description
        case .arrayLiteral(let items): return "(, " + items.map(expr).joined(separator: " ") + ")"
        case .arrayExpression(let s): return "(@ " + s.map(statement).joined(separator: " ") + ")"
        case .subExpression(let s): return "($ " + s.map(statement).joined(separator: " ") + ")"
        case .paren(let s): return "(paren " + statement(s) + ")"
        case .hashtable(let entries):
            return "(@{}" + entries.map { " (\(expr($0.key)) \(statement($0.value)))" }.joined() + ")"
        case .scriptBlock(let sb): return "{" + body(sb) + "}"
        case .unary(let op, let x):
            let name: String
            switch op {
            case .negate: name = "u-"
            case .plus: name = "u+"
            case .postIncrement: name = "post++"
            case .postDecrement: name = "post--"
            default: name = op.rawValue
            }
            return "(\(name) \(expr(x)))"
        case .binary(let op, let l, let r): return "(\(op.text) \(expr(l)) \(expr(r)))"
        case .convert(let t, let x): return "([\(t)] \(expr(x)))"
        case .typeLiteral(let t): return "[\(t)]"
        case .member(let t, let m, let isStatic, let nc):
            return "(\(nc ? "?." : (isStatic ? "::" : ".")) \(expr(t)) \(expr(m)))"
        case .invokeMember(let t, let m, let args, let isStatic, let nc):
            let head = nc ? "?.call" : (isStatic ? "::call" : ".call")
            return "(\(head) \(expr(t)) \(expr(m))" + args.map { " " + expr($0) }.joined() + ")"
        case .index(let t, let i, let nc): return "(\(nc ? "?[]" : "[]") \(expr(t)) \(expr(i)))"
        case .ternary(let c, let a, let b): return "(? \(expr(c)) \(expr(a)) \(expr(b)))"
        case .attributed(let a, let x): return "(attr \(attribute(a)) \(expr(x)))"
        }
    }
}

/// Parses `text` and prints it as an S-expression.
func sexpr(_ text: String) -> String {
    SExpr.script(Parser.parse(text).ast)
}

/// Error ids of parsing `text`.
func errorIds(_ text: String) -> [String] {
    Parser.parse(text).errors.map(\.id)
}
