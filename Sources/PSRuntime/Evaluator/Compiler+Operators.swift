import Foundation
import PSLanguage

extension Compiler {
    // MARK: Variables

    /// `inString`: a `$name` inside a double-quoted string, which strict mode checks from version 2.
    mutating func compileVariableRead(_ path: VariablePath, extent: SourceExtent, inString: Bool = false) -> CompiledExpression {
        let name = path.name.lowercased()
        switch name {
        case "foreach", "switch": readsLoopEnumerator = true
        case "input": readsInput = true
        default: break
        }
        switch (path.qualifier, name) {
        case (nil, "?"):
            return { context in .bool(context.lastStatus) }
        case (nil, "null"):
            return { _ in .null }
        case (nil, "pwd"):
            return { context in context.locationValue }
        case ("env", _):
            let variable = path.name
            return { _ in EnvironmentVariable.value(variable).map { .string($0) } ?? .null }
        case ("function", _):
            let function = path.name
            return { context in context.function(named: function).map { .object($0.scriptBlock) } ?? .null }
        default:
            let site = VariableSite(name == "psitem" && path.qualifier == nil ? VariablePath(qualifier: nil, name: "_") : path)
            let strictVersion = inString ? 2 : 1
            return { context in try site.read(context, extent: extent, strictVersion: strictVersion) }
        }
    }

    // MARK: Unary

    mutating func compileUnary(_ op: UnaryOperator, _ operand: Expression, extent: SourceExtent) -> CompiledExpression {
        switch op {
        case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
            let isIncrement = op == .preIncrement || op == .postIncrement
            let isPrefix = op == .preIncrement || op == .preDecrement
            if case .variable(let path, _) = operand.kind, VariableSite.isPlain(path) {
                let site = VariableSite(path)
                return { context in
                    let old = site.value(context)
                    let new: PSValue
                    if case .int(let i) = old, case (let r, false) = isIncrement ? i.addingReportingOverflow(1) : i.subtractingReportingOverflow(1) {
                        new = .int(r)
                    } else {
                        let base: PSValue = old.isNull ? .int(0) : old
                        new = try Compiler.located(extent) {
                            try Operators.binary(isIncrement ? .add : .subtract, base, .int(1), context: context)
                        }
                    }
                    try site.store(new, context, extent: extent)
                    return isPrefix ? new : (old.isNull ? .int(0) : old)
                }
            }
            let target = compileLValue(operand)
            return { context in
                let old = try target.get(context)
                let new: PSValue
                if case .int(let i) = old {
                    let (r, overflow) = isIncrement ? i.addingReportingOverflow(1) : i.subtractingReportingOverflow(1)
                    new = overflow ? try Operators.binary(isIncrement ? .add : .subtract, old, .int(1), context: context) : .int(r)
                } else {
                    let base: PSValue = old.isNull ? .int(0) : old
                    new = try Compiler.located(extent) {
                        try Operators.binary(isIncrement ? .add : .subtract, base, .int(1), context: context)
                    }
                }
                try target.set(context, new)
                return isPrefix ? new : (old.isNull ? .int(0) : old)
            }
        case .not, .exclaim:
            let inner = compileExpression(operand)
            return { context in .bool(!LanguagePrimitives.isTrue(try inner(context))) }
        case .negate:
            let inner = compileExpression(operand)
            return { context in
                let v = try inner(context)
                if case .int(let i) = v, i != Int32.min { return .int(-i) }
                return try Compiler.located(extent) { try Operators.unary(.negate, v, context: context) }
            }
        default:
            let inner = compileExpression(operand)
            return { context in
                let v = try inner(context)
                return try Compiler.located(extent) { try Operators.unary(op, v, context: context) }
            }
        }
    }

    // MARK: Binary

    mutating func compileBinary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression,
                                extent: SourceExtent) -> CompiledExpression {
        let l = compileExpression(lhs), r = compileExpression(rhs)
        switch op {
        case .and:
            return { context in
                guard LanguagePrimitives.isTrue(try l(context)) else { return .bool(false) }
                return .bool(LanguagePrimitives.isTrue(try r(context)))
            }
        case .or:
            return { context in
                if LanguagePrimitives.isTrue(try l(context)) { return .bool(true) }
                return .bool(LanguagePrimitives.isTrue(try r(context)))
            }
        case .nullCoalesce:
            return { context in
                let v = try l(context)
                return v.isNull ? try r(context) : v
            }
        case .add:
            return { context in
                let a = try l(context), b = try r(context)
                if let fast = FastArithmetic.add(a, b) { return fast }
                return try Compiler.located(extent) { try Operators.binary(.add, a, b, context: context) }
            }
        case .subtract:
            return { context in
                let a = try l(context), b = try r(context)
                if let fast = FastArithmetic.subtract(a, b) { return fast }
                return try Compiler.located(extent) { try Operators.binary(.subtract, a, b, context: context) }
            }
        case .remainder:
            return { context in
                let a = try l(context), b = try r(context)
                if case .int(let x) = a, case .int(let y) = b, y != 0, !(x == Int32.min && y == -1) { return .int(x % y) }
                return try Compiler.located(extent) { try Operators.binary(.remainder, a, b, context: context) }
            }
        case .comparison(let cmp, _) where [.eq, .ne, .lt, .le, .gt, .ge].contains(cmp):
            return { context in
                let a = try l(context), b = try r(context)
                if let c = FastArithmetic.compare(a, b) {
                    switch cmp {
                    case .eq: return .bool(c == 0)
                    case .ne: return .bool(c != 0)
                    case .lt: return .bool(c < 0)
                    case .le: return .bool(c <= 0)
                    case .gt: return .bool(c > 0)
                    default: return .bool(c >= 0)
                    }
                }
                return try Compiler.located(extent) { try Operators.binary(op, a, b, context: context) }
            }
        default:
            return { context in
                let a = try l(context), b = try r(context)
                return try Compiler.located(extent) { try Operators.binary(op, a, b, context: context) }
            }
        }
    }

    // MARK: Members

    mutating func compileMemberName(_ member: Expression) -> CompiledExpression {
        if case .stringConstant(let s, _) = member.kind {
            let v = PSValue.string(s)
            return { _ in v }
        }
        return compileExpression(member)
    }

    mutating func compileMemberAccess(_ target: Expression, _ member: Expression, isStatic: Bool,
                                      nullConditional: Bool, extent: SourceExtent) -> CompiledExpression {
        let name = compileMemberName(member)
        if isStatic, case .typeLiteral(let typeName) = target.kind {
            let type = compileTypeLiteral(typeName)
            return { context in
                let t = try type(context)
                let n = LanguagePrimitives.toString(try name(context), context: context)
                guard case .object(let o) = t, let info = o as? PSTypeInfo else { return .null }
                return try Compiler.located(extent) { try Members.getStaticMember(info, n, context: context) }
            }
        }
        let t = compileExpression(target)
        let isConstantName = Compiler.isConstantMemberName(member)
        return { context in
            let value = try t(context)
            if nullConditional && value.isNull { return .null }
            let nameValue = try name(context)
            if !isConstantName, let key = Compiler.dictionaryKey(nameValue, of: value) { return key.table[key.key] ?? .null }
            let n = LanguagePrimitives.toString(nameValue, context: context)
            if isStatic, case .object(let o) = value, let info = o as? PSTypeInfo {
                return try Compiler.located(extent) { try Members.getStaticMember(info, n, context: context) }
            }
            return try Compiler.located(extent) {
                if let found = try Members.property(value, n, context: context) { return found }
                if context.strictModeEverSet, context.strictModeVersion >= 2, !Compiler.isHashtable(value) {
                    throw StrictModeError.propertyNotFound(n, extent: extent)
                }
                return .null
            }
        }
    }

    mutating func compileInvokeMember(_ target: Expression, _ member: Expression, _ arguments: [Expression],
                                      isStatic: Bool, nullConditional: Bool, extent: SourceExtent) -> CompiledExpression {
        let name = compileMemberName(member)
        let args = arguments.map { compileExpression($0) }
        let t: CompiledExpression
        if isStatic, case .typeLiteral(let typeName) = target.kind {
            t = compileTypeLiteral(typeName)
        } else {
            t = compileExpression(target)
        }
        // `([Base]$this).Method()` calls the base class's method, not an override.
        let castType = Compiler.castTypeName(target).map { Compiler.typeResolver($0) }
        return { context in
            let value = try t(context)
            if nullConditional && value.isNull { return .null }
            let n = LanguagePrimitives.toString(try name(context), context: context)
            let values = try args.map { try $0(context) }
            if let castType, let object = value.asPSObject, object.scriptClass != nil,
               let definition = try castType(context).scriptType, !definition.isEnum,
               let result = try Compiler.located(extent, { try ScriptClasses.invokeMethod(object, definition, n, values, context: context) }) {
                return result
            }
            if isStatic {
                guard case .object(let o) = value, let info = o as? PSTypeInfo else {
                    throw RuntimeError("Unable to call a static method on a value that is not a type.",
                                       id: "MethodNotFound", category: .InvalidOperation, extent: extent)
                }
                return try Compiler.located(extent) { try Members.invokeStaticMethod(info, n, values, context: context) }
            }
            if value.isNull {
                throw RuntimeError("You cannot call a method on a null-valued expression.", id: "InvokeMethodOnNull",
                                   category: .InvalidOperation, extent: extent)
            }
            return try Compiler.located(extent) { try Members.invokeMethod(value, n, values, context: context) }
        }
    }
}

extension Compiler {
    /// The type of a cast the expression is, looking through parentheses.
    static func castTypeName(_ e: Expression) -> TypeName? {
        switch e.kind {
        case .convert(let typeName, _): return typeName
        case .paren(let statement):
            guard case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
                  case .expression(let inner, _) = chain.first.elements[0] else { return nil }
            return castTypeName(inner)
        default: return nil
        }
    }

    /// `$d[[object]1]`: an index cast to object picks a dictionary's key overload (`Item(object)`),
    /// so an ordered dictionary takes the number as a key, not a position.
    static func isObjectCast(_ index: Expression) -> Bool {
        guard case .convert(let type, _) = index.kind, type.arrayRank == 0, type.genericArguments.isEmpty else { return false }
        return ["object", "system.object", "psobject", "system.management.automation.psobject"].contains(type.name.lowercased())
    }

    /// True for a member written as a plain name (`$x.Name`, `$x.'Name'`).
    static func isConstantMemberName(_ member: Expression) -> Bool {
        if case .stringConstant = member.kind { return true }
        return false
    }

    /// A member named by a value that is not a string (`$h.1`, `$h.($key)`) reads a dictionary's
    /// entry with that very key, as PowerShell does, instead of the key's string form.
    static func dictionaryKey(_ name: PSValue, of target: PSValue) -> (table: PSHashtable, key: PSValue)? {
        let key = name.baseValue
        if key.asString != nil || key.isNull { return nil }
        guard let table = target.baseValue.asHashtable else { return nil }
        return (table, key)
    }

    /// Hashtables answer a missing key with `$null` even in strict mode.
    static func isHashtable(_ value: PSValue) -> Bool {
        if case .object(let o) = value.baseValue { return o is PSHashtable }
        return false
    }
}

extension ExecutionContext {
    /// `$PWD`: a PathInfo whose string form is the current location.
    var locationValue: PSValue {
        let info = PSObject(typeNames: ["System.Management.Automation.PathInfo", "System.Object"], baseObject: .string(location))
        info["Path"] = .string(location)
        return .object(info)
    }
}
