import PSLanguage

/// Something that can be assigned: a variable, a property, an element.
struct CompiledLValue {
    let get: CompiledExpression
    let set: (ExecutionContext, PSValue) throws -> Void
}

extension Compiler {
    mutating func compileLValue(_ target: Expression) -> CompiledLValue {
        let extent = target.extent
        switch target.kind {
        case .variable(let path, _):
            let name = path.name.lowercased()
            if path.qualifier == nil && name == "null" {
                return CompiledLValue(get: { _ in .null }, set: { _, _ in })
            }
            if path.qualifier == "env" || path.qualifier == "function" {
                let read = compileVariableRead(path, extent: extent)
                return CompiledLValue(get: read, set: { context, value in try context.setVariable(path, value) })
            }
            let site = VariableSite(name == "psitem" && path.qualifier == nil ? VariablePath(qualifier: nil, name: "_") : path)
            return CompiledLValue(
                get: { context in site.resolve(context)?.value ?? .null },
                set: { context, value in
                    let variable = site.resolveForWrite(context)
                    if variable.options.isEmpty && variable.typeConstraint == nil && variable.validators.isEmpty {
                        variable.value = value
                    } else {
                        try Compiler.located(extent) { try context.assign(value, to: variable) }
                    }
                })
        case .convert(let typeName, let inner):
            // `[int]$x = …` constrains the variable from now on.
            guard case .variable(let path, _) = inner.kind else { return compileLValue(inner) }
            let site = VariableSite(path)
            let resolve = Compiler.typeResolver(typeName)
            return CompiledLValue(
                get: { context in site.resolve(context)?.value ?? .null },
                set: { context, value in
                    let type = try resolve(context)
                    let variable = site.resolveForWrite(context)
                    variable.typeConstraint = nil
                    let converted = try Compiler.located(extent) { try LanguagePrimitives.convert(value, to: type, context: context) }
                    try context.assign(converted, to: variable)
                    variable.typeConstraint = type
                })
        case .attributed(_, let inner):
            return compileLValue(inner)
        case .member(let t, let member, let isStatic, _):
            let object = compileExpression(t)
            let name = compileMemberName(member)
            let read = compileMemberAccess(t, member, isStatic: isStatic, nullConditional: false, extent: extent)
            let isConstantName = Compiler.isConstantMemberName(member)
            return CompiledLValue(get: read, set: { context, value in
                let o = try object(context)
                let nameValue = try name(context)
                if !isConstantName, let key = Compiler.dictionaryKey(nameValue, of: o) {
                    key.table[key.key] = value
                    return
                }
                let n = LanguagePrimitives.toString(nameValue, context: context)
                if o.isNull {
                    throw RuntimeError("The property '\(n)' cannot be found on this object. Verify that the property exists and can be set.",
                                       id: "PropertyAssignmentException", category: .InvalidOperation, extent: extent)
                }
                try Compiler.located(extent) { try Members.setMember(o, n, value, context: context) }
            })
        case .index(let t, let index, _):
            let object = compileExpression(t)
            let i = compileExpression(index)
            let byKey = Compiler.isObjectCast(index)
            return CompiledLValue(
                get: { context in
                    let o = try object(context), key = try i(context)
                    if byKey, let table = o.baseValue.asHashtable { return table[key] ?? .null }
                    return try Compiler.located(extent) { try Members.getIndex(o, key, context: context) }
                },
                set: { context, value in
                    let o = try object(context)
                    if o.isNull {
                        throw RuntimeError("Cannot index into a null array.", id: "NullArray", category: .InvalidOperation, extent: extent)
                    }
                    if byKey, let table = o.baseValue.asHashtable {
                        table[try i(context)] = value
                        return
                    }
                    try Compiler.located(extent) { try Members.setIndex(o, try i(context), value, context: context) }
                })
        default:
            return CompiledLValue(get: { _ in .null }, set: { _, _ in
                throw RuntimeError("The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                                   id: "InvalidLeftHandSide", category: .ParserError, extent: extent)
            })
        }
    }

    /// `$name = v`, `$name += v`, `$name -= v` on a plain variable: no lvalue indirection.
    func compileVariableAssignment(_ site: VariableSite, op: AssignmentOperator, value: @escaping CompiledExpression,
                                   extent: SourceExtent) -> CompiledExpression {
        switch op {
        case .assign:
            return { context in
                let v = try value(context)
                try site.store(v, context, extent: extent)
                return v
            }
        default:
            let isAdd = op == .plus
            return { context in
                let current = site.value(context)
                let operand = try value(context)
                let result: PSValue
                if let fast = isAdd ? FastArithmetic.add(current, operand) : FastArithmetic.subtract(current, operand) {
                    result = fast
                } else {
                    result = try Compiler.located(extent) {
                        try Operators.binary(isAdd ? .add : .subtract, current.isNull && !isAdd ? .int(0) : current, operand, context: context)
                    }
                }
                try site.store(result, context, extent: extent)
                return result
            }
        }
    }

    /// An assignment that also yields the value it stored (for `($x = 1)` and the statement form).
    mutating func compileAssignmentValue(_ statement: Statement) -> CompiledExpression {
        guard case .assignment(let target, let op, let valueStatement) = statement.kind else {
            return { _ in .null }
        }
        let extent = statement.extent
        let value = compileStatementValue(valueStatement)
        if op == .assign, case .arrayLiteral(let targets) = target.kind {
            let lvalues = targets.map { compileLValue($0) }
            return { context in
                let v = try value(context)
                let items = v.enumerated ?? [v]
                for (n, lvalue) in lvalues.enumerated() {
                    let part: PSValue
                    if n == lvalues.count - 1 {
                        let rest = n < items.count ? Array(items[n...]) : []
                        part = rest.isEmpty ? .null : (rest.count == 1 ? rest[0] : .array(rest))
                    } else {
                        part = n < items.count ? items[n] : .null
                    }
                    try lvalue.set(context, part)
                }
                return v
            }
        }
        if case .variable(let path, _) = target.kind, VariableSite.isPlain(path),
           op == .assign || op == .plus || op == .minus {
            return compileVariableAssignment(VariableSite(path), op: op, value: value, extent: extent)
        }
        let lvalue = compileLValue(target)
        switch op {
        case .assign:
            return { context in
                let v = try value(context)
                try lvalue.set(context, v)
                return v
            }
        case .nullCoalesce:
            return { context in
                let current = try lvalue.get(context)
                if !current.isNull { return current }
                let v = try value(context)
                try lvalue.set(context, v)
                return v
            }
        default:
            let binary: BinaryOperator
            switch op {
            case .plus: binary = .add
            case .minus: binary = .subtract
            case .multiply: binary = .multiply
            case .divide: binary = .divide
            default: binary = .remainder
            }
            return { context in
                let current = try lvalue.get(context)
                let operand = try value(context)
                let result: PSValue
                if binary == .add, let fast = FastArithmetic.add(current, operand) {
                    result = fast
                } else if binary == .subtract, let fast = FastArithmetic.subtract(current, operand) {
                    result = fast
                } else if binary == .add, case .object(let o) = current, let list = o as? PSArray, list.isList {
                    // `$list += x` on an ArrayList still makes a new object[] in PowerShell.
                    result = try Compiler.located(extent) { try Operators.binary(.add, .object(list), operand, context: context) }
                } else {
                    result = try Compiler.located(extent) {
                        // An unset variable counts as 0, except that `$null * x` stays $null.
                        try Operators.binary(binary, current.isNull && binary != .add && binary != .multiply ? .int(0) : current,
                                             operand, context: context)
                    }
                }
                try lvalue.set(context, result)
                return result
            }
        }
    }
}
