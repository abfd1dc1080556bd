import PSLanguage

/// Compiled expression: evaluates to one value.
typealias CompiledExpression = (ExecutionContext) throws -> PSValue
/// Compiled statement: writes its output objects to the pipe.
typealias CompiledStatement = (ExecutionContext, OutputPipe) throws -> Void

/// Turns syntax trees into closures once, so that running a loop a million times never walks
/// the tree or looks up a name by hashing more than once per scope.
///
/// Design note: a tree-walking evaluator over the enum AST was the alternative; closures win
/// because every dispatch decision (operator, variable scope, constant folding, literal type
/// resolution) is made here, at compile time, instead of on every evaluation.
struct Compiler {
    /// Compiling a class method's body: `return` gives the result and other output is dropped.
    var inClassMethod = false
    /// Set when the code compiled reads `$foreach` or `$switch`: the loop around it then
    /// exposes its enumerator (loops that don't read it pay nothing for it).
    var readsLoopEnumerator = false
    /// Set when the code compiled reads `$input`.
    var readsInput = false

    /// Compiles a whole script block (a script file, a function body, a `{ }` literal).
    static func compile(_ ast: ScriptBlockAst) -> CompiledScriptBlock {
        var compiler = Compiler()
        return compiler.compileScriptBlock(ast)
    }

    mutating func compileScriptBlock(_ ast: ScriptBlockAst) -> CompiledScriptBlock {
        let parameters = (ast.paramBlock?.parameters ?? []).map { compileParameter($0) }
        let bindingAttributes = (ast.paramBlock?.attributes ?? []) + ast.attributes
        let outerReadsInput = readsInput
        readsInput = false
        defer { readsInput = outerReadsInput }
        let compiled = CompiledScriptBlock(
            ast: ast, parameters: parameters, attributes: bindingAttributes,
            begin: ast.beginBlock.map { compileStatements($0) },
            process: ast.processBlock.map { compileStatements($0) },
            end: ast.endBlock.map { compileStatements($0) })
        compiled.readsInput = readsInput
        return compiled
    }

    /// A statement list with its traps (`trap {}` anywhere in the list applies to all of it).
    mutating func compileStatements(_ statements: [Statement]) -> StatementList {
        var compiled: [CompiledStatement] = []
        var traps: [StatementList.Trap] = []
        // Types are defined before the statements run, as PowerShell defines them at parse time.
        let isDefinition: (Statement) -> Bool = {
            if case .typeDefinition = $0.kind { return true }
            if case .usingStatement = $0.kind { return true }
            return false
        }
        let ordered = statements.filter(isDefinition) + statements.filter { !isDefinition($0) }
        for statement in ordered {
            if case .trap(let types, let body) = statement.kind {
                traps.append(StatementList.Trap(types: types.map { $0.name }, body: compileStatements(body)))
                continue
            }
            compiled.append(compileStatement(statement))
        }
        return StatementList(statements: compiled, traps: traps)
    }

    // MARK: - Expressions

    mutating func compileExpression(_ expression: Expression) -> CompiledExpression {
        let extent = expression.extent
        switch expression.kind {
        case .constant(let c):
            let value = Compiler.constantValue(c)
            return { _ in value }
        case .stringConstant(let s, _):
            let value = PSValue.string(s)
            return { _ in value }
        case .expandableString(let parts, _):
            return compileExpandableString(parts)
        case .variable(let path, _):
            return compileVariableRead(path, extent: extent)
        case .arrayLiteral(let elements):
            let items = elements.map { compileExpression($0) }
            return { context in .array(try items.map { try $0(context) }) }
        case .arrayExpression(let statements):
            let body = compileStatements(statements)
            return { context in
                let pipe = try Compiler.capture(context) { try body.run(context, $0) }
                return .array(pipe.items)
            }
        case .subExpression(let statements):
            let body = compileStatements(statements)
            return { context in
                let pipe = try Compiler.capture(context) { try body.run(context, $0) }
                return pipe.result
            }
        case .paren(let statement):
            return compileParenthesized(statement)
        case .hashtable(let entries):
            return compileHashtable(entries, ordered: false)
        case .scriptBlock(let ast):
            let shared = ScriptBlockTemplate(ast: ast)
            return { _ in .object(shared.instantiate()) }
        case .unary(let op, let operand):
            return compileUnary(op, operand, extent: extent)
        case .binary(let op, let lhs, let rhs):
            return compileBinary(op, lhs, rhs, extent: extent)
        case .convert(let typeName, let operand):
            return compileConvert(typeName, operand, extent: extent)
        case .typeLiteral(let typeName):
            return compileTypeLiteral(typeName)
        case .member(let target, let member, let isStatic, let nullConditional):
            return compileMemberAccess(target, member, isStatic: isStatic, nullConditional: nullConditional, extent: extent)
        case .invokeMember(let target, let member, let arguments, let isStatic, let nullConditional):
            return compileInvokeMember(target, member, arguments, isStatic: isStatic, nullConditional: nullConditional,
                                       extent: extent)
        case .index(let target, let index, let nullConditional):
            let t = compileExpression(target), i = compileExpression(index)
            let byKey = Compiler.isObjectCast(index)
            return { context in
                let value = try t(context)
                if nullConditional && value.isNull { return .null }
                let index = try i(context)
                if byKey, let table = value.baseValue.asHashtable { return table[index] ?? .null }
                let result = try Compiler.located(extent) { try Members.getIndex(value, index, context: context) }
                if result.isNull, context.strictModeEverSet, context.strictModeVersion >= 3,
                   StrictModeError.isOutOfBounds(value, index) {
                    throw StrictModeError.indexOutOfRange(extent: extent)
                }
                return result
            }
        case .ternary(let condition, let a, let b):
            let c = compileExpression(condition), x = compileExpression(a), y = compileExpression(b)
            return { context in LanguagePrimitives.isTrue(try c(context)) ? try x(context) : try y(context) }
        case .attributed(_, let inner):
            return compileExpression(inner)
        }
    }

    static func constantValue(_ c: ConstantValue) -> PSValue { .constant(c) }

    mutating func compileExpandableString(_ parts: [StringPart]) -> CompiledExpression {
        var pieces: [CompiledExpression] = []
        for part in parts {
            switch part {
            case .literal(let s):
                let v = PSValue.string(s)
                pieces.append { _ in v }
            case .variable(let path):
                pieces.append(compileVariableRead(path, extent: .empty, inString: true))
            case .subExpression(let statements):
                let body = compileStatements(statements)
                pieces.append { context in
                    let pipe = try Compiler.capture(context) { try body.run(context, $0) }
                    return pipe.result
                }
            }
        }
        return { context in
            var text = ""
            for piece in pieces {
                let value = try piece(context)
                if case .string(let s) = value { text += s } else { text += LanguagePrimitives.toString(value, context: context) }
            }
            return .string(text)
        }
    }

    mutating func compileParenthesized(_ statement: Statement) -> CompiledExpression {
        switch statement.kind {
        case .assignment:
            // `($x = 5)` yields the assigned value.
            let assign = compileAssignmentValue(statement)
            return { context in try assign(context) }
        case .pipeline(let chain) where chain.rest.isEmpty && chain.first.elements.count == 1:
            if case .expression(let e, let redirections) = chain.first.elements[0], redirections.isEmpty {
                return compileExpression(e)
            }
            fallthrough
        default:
            let body = compileStatement(statement)
            return { context in
                let pipe = try Compiler.capture(context) { try body(context, $0) }
                return pipe.result
            }
        }
    }

    mutating func compileHashtable(_ entries: [HashtableEntry], ordered: Bool) -> CompiledExpression {
        let compiled = entries.map { (key: compileExpression($0.key), value: compileStatementValue($0.value), extent: $0.key.extent) }
        return { context in
            let table = PSHashtable(ordered: ordered)
            for entry in compiled {
                let key = try entry.key(context)
                if !table.add(key, try entry.value(context)) {
                    throw RuntimeError("Duplicate keys '\(LanguagePrimitives.toString(key, context: context))' are not allowed in hash literals.",
                                       id: "DuplicateKeyInHashLiteral", category: .ParserError, extent: entry.extent)
                }
            }
            return .object(table)
        }
    }

    /// A statement used as a value (hashtable values, assignment right-hand sides):
    /// nothing → `$null`, one object → itself, several → an array.
    mutating func compileStatementValue(_ statement: Statement) -> CompiledExpression {
        if case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
           case .expression(let e, let redirections) = chain.first.elements[0], redirections.isEmpty {
            if case .convert(let t, _) = e.kind, t.name.lowercased() == "void" {
                let inner = compileExpression(e)
                return { context in _ = try inner(context); return .null }
            }
            return compileExpression(e)
        }
        if case .assignment = statement.kind {
            let body = compileStatement(statement)
            return { context in try body(context, NullPipe.shared); return .null }
        }
        let body = compileStatement(statement)
        return { context in
            let pipe = try Compiler.capture(context) { try body(context, $0) }
            return pipe.result
        }
    }

    /// Collects a statement's output as a value. A `return` inside (`$x = if ($c) { return 5 }`)
    /// leaves the assignment undone and its output, collected so far, goes to the function's
    /// output instead: it waits on the context until the enclosing statement list passes it on.
    static func capture(_ context: ExecutionContext, _ body: (OutputPipe) throws -> Void) throws -> CollectingPipe {
        let pipe = CollectingPipe()
        do {
            try body(pipe)
        } catch ControlFlow.returnFromScope {
            context.returnedOutput = pipe.items + context.returnedOutput
            throw ControlFlow.returnFromScope
        }
        return pipe
    }

    mutating func compileTypeLiteral(_ typeName: TypeName) -> CompiledExpression {
        if let type = PSTypeInfo.resolve(typeName) {
            let value = PSValue.object(type)
            return { _ in value }
        }
        let resolve = Compiler.typeResolver(typeName)
        return { context in .object(try resolve(context)) }
    }

    static func typeNotFound(_ typeName: TypeName, extent: SourceExtent) -> RuntimeError {
        RuntimeError("Unable to find type [\(typeName.description)].", id: "TypeNotFound", category: .InvalidOperation,
                     exceptionType: "System.Management.Automation.RuntimeException",
                     target: .string(typeName.description), extent: extent)
    }

    mutating func compileConvert(_ typeName: TypeName, _ operand: Expression, extent: SourceExtent) -> CompiledExpression {
        let lowered = typeName.name.lowercased()
        if typeName.arrayRank == 0 {
            if case .hashtable(let entries) = operand.kind {
                if lowered == "ordered" { return compileHashtable(entries, ordered: true) }
                if lowered == "pscustomobject" || lowered == "system.management.automation.pscustomobject" {
                    let table = compileHashtable(entries, ordered: true)
                    return { context in
                        .object(LanguagePrimitives.customObject(from: try table(context).asHashtable!))
                    }
                }
            }
            if lowered == "void" {
                let inner = compileExpression(operand)
                return { context in _ = try inner(context); return .null }
            }
        }
        if typeName.arrayRank == 0, let reference = compileReference(typeName, operand) { return reference }
        let inner = compileExpression(operand)
        let resolve = Compiler.typeResolver(typeName)
        return { context in
            let value = try inner(context)
            let type = try resolve(context)
            return try Compiler.located(extent) {
                try context.checkConversion(to: type)
                return try LanguagePrimitives.convert(value, to: type, context: context)
            }
        }
    }

    /// Attaches a source position to errors raised without one.
    @inline(__always)
    static func located<T>(_ extent: SourceExtent, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RuntimeError {
            if error.record.invocationInfo.extent == nil { error.record.invocationInfo.extent = extent }
            throw error
        }
    }
}

import Foundation
