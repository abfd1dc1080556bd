import Foundation
import PSLanguage

extension Compiler {
    mutating func compileStatement(_ statement: Statement) -> CompiledStatement {
        let extent = statement.extent
        switch statement.kind {
        case .pipeline(let chain):
            return compilePipelineChain(chain)
        case .assignment:
            let assign = compileAssignmentValue(statement)
            return { context, _ in
                _ = try assign(context)
                context.lastStatus = true
            }
        case .ifStatement(let clauses, let elseBody):
            let compiled = clauses.map { (condition: compileStatementValue($0.condition), body: compileStatements($0.body)) }
            let otherwise = elseBody.map { compileStatements($0) }
            return { context, pipe in
                for clause in compiled where LanguagePrimitives.isTrue(try clause.condition(context)) {
                    try clause.body.run(context, pipe)
                    return
                }
                try otherwise?.run(context, pipe)
            }
        case .switchStatement(let s):
            return compileSwitch(s)
        case .foreachStatement(let label, let variable, let iterable, let body):
            return compileForeach(label: label, variable: variable, iterable: iterable, body: body)
        case .forStatement(let label, let initializer, let condition, let iterator, let body):
            let initial = initializer.map { compileStatement($0) }
            let test = condition.map { compileStatementValue($0) }
            let step = iterator.map { compileStatement($0) }
            let loop = compileStatements(body)
            return { context, pipe in
                try initial?(context, NullPipe.shared)
                while try test.map({ LanguagePrimitives.isTrue(try $0(context)) }) ?? true {
                    if try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe) { break }
                    try step?(context, NullPipe.shared)
                }
            }
        case .whileStatement(let label, let condition, let body):
            let test = compileStatementValue(condition)
            let loop = compileStatements(body)
            return { context, pipe in
                while LanguagePrimitives.isTrue(try test(context)) {
                    if try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe) { break }
                }
            }
        case .doWhile(let label, let body, let condition), .doUntil(let label, let body, let condition):
            var isUntil = false
            if case .doUntil = statement.kind { isUntil = true }
            let test = compileStatementValue(condition)
            let loop = compileStatements(body)
            return { [isUntil] context, pipe in
                repeat {
                    if try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe) { break }
                } while LanguagePrimitives.isTrue(try test(context)) != isUntil
            }
        case .breakStatement(let label):
            let name = label.map { compileLabel($0) }
            return { context, _ in throw ControlFlow.breakLoop(label: try name.map { LanguagePrimitives.toString(try $0(context), context: context) }) }
        case .continueStatement(let label):
            let name = label.map { compileLabel($0) }
            return { context, _ in throw ControlFlow.continueLoop(label: try name.map { LanguagePrimitives.toString(try $0(context), context: context) }) }
        case .returnStatement(let value) where inClassMethod:
            return compileMethodReturn(value)
        case .returnStatement(let value):
            let body = value.map { compileStatement($0) }
            return { context, pipe in
                try body?(context, pipe)
                throw ControlFlow.returnFromScope
            }
        case .exitStatement(let value):
            let code = value.map { compileStatementValue($0) }
            return { context, _ in
                let v = try code?(context) ?? .int(0)
                let n = (try? LanguagePrimitives.toInt32(v)) ?? 0
                throw ControlFlow.exit(code: n)
            }
        case .throwStatement(let value):
            let thrown = value.map { compileStatementValue($0) }
            return { context, _ in
                // A bare `throw` inside `catch` rethrows the error being handled.
                if thrown == nil, case .object(let o)? = context.currentScope.localVariable("_")?.value, let record = o as? ErrorRecord {
                    var error = RuntimeError(record)
                    error.isScriptTerminating = true
                    throw error
                }
                let v = try thrown?(context) ?? .null
                throw Compiler.makeThrownError(v, extent: extent, context: context)
            }
        case .tryStatement(let body, let catches, let finally):
            return compileTry(body: body, catches: catches, finally: finally)
        case .trap:
            // Traps are collected by compileStatements; a lone trap has nothing to run.
            return { _, _ in }
        case .functionDefinition(let definition):
            return compileFunctionDefinition(definition)
        case .typeDefinition(let definition):
            return compileTypeDefinition(definition)
        case .usingStatement(let u):
            return compileUsing(u)
        case .block(let statements):
            let list = compileStatements(statements)
            return { context, pipe in try list.run(context, pipe) }
        }
    }

    mutating func compileLabel(_ label: Expression) -> CompiledExpression {
        if case .stringConstant(let s, _) = label.kind { return { _ in .string(s) } }
        return compileExpression(label)
    }

    /// Runs one iteration; returns true when the loop should stop (`break`).
    /// `continue` ends the iteration; labelled flow for another loop propagates.
    @inline(__always)
    static func runLoopBody(_ body: StatementList, label: String?, context: ExecutionContext, pipe: OutputPipe) throws -> Bool {
        try PipelineInterrupt.check()
        do {
            try body.run(context, pipe)
            return false
        } catch ControlFlow.breakLoop(let target) {
            if target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true { return true }
            throw ControlFlow.breakLoop(label: target)
        } catch ControlFlow.continueLoop(let target) {
            if target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true { return false }
            throw ControlFlow.continueLoop(label: target)
        }
    }

    static func makeThrownError(_ value: PSValue, extent: SourceExtent, context: ExecutionContext) -> RuntimeError {
        var error: RuntimeError
        if case .object(let o) = value.baseValue, let record = o as? ErrorRecord {
            error = RuntimeError(record)
        } else if case .object(let o) = value.baseValue, let exception = o as? PSException {
            let record = ErrorRecord(exception: exception, errorId: exception.message, category: .OperationStopped, targetObject: value)
            record.invocationInfo.extent = extent
            error = RuntimeError(record)
        } else {
            let message = value.isNull ? "ScriptHalted" : LanguagePrimitives.toString(value, context: context)
            let exception = PSException(message: message)
            exception.wasThrownFromThrowStatement = true
            exception.thrownValue = value
            let record = ErrorRecord(exception: exception, errorId: message, category: .OperationStopped,
                                     targetObject: value.isNull ? nil : value)
            record.invocationInfo.extent = extent
            error = RuntimeError(record)
        }
        error.isScriptTerminating = true
        return error
    }

    // MARK: foreach

    mutating func compileForeach(label: String?, variable: VariablePath, iterable: Statement, body: [Statement]) -> CompiledStatement {
        let site = VariableSite(variable)
        let outerReadsEnumerator = readsLoopEnumerator
        readsLoopEnumerator = false
        let loop = compileStatements(body)
        let exposesEnumerator = readsLoopEnumerator
        readsLoopEnumerator = outerReadsEnumerator || exposesEnumerator
        func assign(_ context: ExecutionContext, _ value: PSValue) throws {
            let v = site.resolveForWrite(context)
            if v.options.isEmpty && v.typeConstraint == nil { v.value = value } else { try context.assign(value, to: v) }
        }
        // `foreach ($i in a..b)` counts without building the array.
        if !exposesEnumerator, case .pipeline(let chain) = iterable.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
           case .expression(let e, let r) = chain.first.elements[0], r.isEmpty, case .binary(.range, let a, let b) = e.kind {
            let from = compileExpression(a), to = compileExpression(b)
            return { context, pipe in
                try PipelineRunner.forEachInRange(try from(context), try to(context), context: context) { value in
                    try assign(context, value)
                    return try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe)
                }
            }
        }
        let source = compileStatementValue(iterable)
        return { context, pipe in
            let value = try source(context)
            if value.isNull { return }
            let items = value.enumerated ?? [value]
            if exposesEnumerator {
                // `$foreach`: the body may advance (`MoveNext()`) or rewind (`Reset()`) the loop.
                let enumerator = LoopEnumerator(items, typeName: "System.Array+SZArrayEnumerator")
                try Compiler.withLoopEnumerator("foreach", enumerator, context: context) {
                    while enumerator.moveNext() {
                        try assign(context, enumerator.current)
                        if try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe) { break }
                    }
                }
                return
            }
            for item in items {
                try assign(context, item)
                if try Compiler.runLoopBody(loop, label: label, context: context, pipe: pipe) { break }
            }
        }
    }

    /// Runs a loop with `$foreach`/`$switch` holding its enumerator in the current scope, as
    /// PowerShell does while the loop runs; an outer loop's enumerator comes back afterwards.
    static func withLoopEnumerator(_ name: String, _ enumerator: LoopEnumerator, context: ExecutionContext,
                                   _ loop: () throws -> Void) throws {
        let scope = context.currentScope
        let saved = scope.localVariable(name)?.value
        context.define(PSVariable(name: name, value: .object(enumerator)), in: scope)
        defer {
            if let saved { context.define(PSVariable(name: name, value: saved), in: scope) } else { context.removeVariable(name, scope: scope) }
        }
        try loop()
    }

    // MARK: switch

    mutating func compileSwitch(_ s: SwitchStatementAst) -> CompiledStatement {
        let flags = s.flags
        let caseSensitive = flags.contains(.caseSensitive)
        let source = s.condition.map { compileStatementValue($0) }
        let file = s.file.map { compileExpression($0) }
        let outerReadsEnumerator = readsLoopEnumerator
        readsLoopEnumerator = false
        let clauses: [(pattern: CompiledExpression?, block: ScriptBlockTemplate?, body: StatementList)] = s.clauses.map { clause in
            if case .scriptBlock(let ast) = clause.pattern.kind {
                return (nil, ScriptBlockTemplate(ast: ast), compileStatements(clause.body))
            }
            return (compileExpression(clause.pattern), nil, compileStatements(clause.body))
        }
        let defaultBody = s.defaultBody.map { compileStatements($0) }
        let exposesEnumerator = readsLoopEnumerator
        readsLoopEnumerator = outerReadsEnumerator || exposesEnumerator
        let label = s.label
        let dollarUnder = VariableSite(VariablePath(qualifier: nil, name: "_"))
        return { context, pipe in
            var items: [PSValue]
            if let file {
                let path = context.resolvePath(LanguagePrimitives.toString(try file(context), context: context))
                try context.authorizeFile(path, .reads, commandName: "switch -File")
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw RuntimeError("Cannot find path '\(path)' because it does not exist.", id: "PathNotFound",
                                       category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException")
                }
                items = text.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }
                if items.last.map({ $0.asString == "" }) == true { items.removeLast() }
            } else {
                let value = try source?(context) ?? .null
                items = value.enumerated ?? [value]
            }
            let holder = dollarUnder.resolveForWrite(context)
            let saved = holder.value
            defer { holder.value = saved }
            // `$switch`: a clause may advance (`MoveNext()`) or rewind (`Reset()`) the items.
            let enumerator = LoopEnumerator(items, typeName: "System.Array+SZArrayEnumerator")
            let runClauses: () throws -> Void = {
                outer: while enumerator.moveNext() {
                    let item = enumerator.current
                    holder.value = item
                    var matched = false
                    for clause in clauses {
                        let isMatch: Bool
                        if let block = clause.block {
                            var results: [PSValue] = []
                            try context.invokeScriptBlock(block.instantiate(), dollarUnder: item, arguments: [], newScope: false) { results.append($0) }
                            isMatch = results.contains(where: LanguagePrimitives.isTrue)
                            holder.value = item
                        } else {
                            let pattern = try clause.pattern!(context)
                            isMatch = try Compiler.switchMatches(item, pattern, flags: flags, caseSensitive: caseSensitive, context: context)
                        }
                        guard isMatch else { continue }
                        matched = true
                        do {
                            try clause.body.run(context, pipe)
                        } catch ControlFlow.breakLoop(let target) where target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true {
                            break outer
                        } catch ControlFlow.continueLoop(let target) where target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true {
                            continue outer
                        }
                    }
                    if !matched, let defaultBody {
                        do {
                            try defaultBody.run(context, pipe)
                        } catch ControlFlow.breakLoop(let target) where target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true {
                            break outer
                        } catch ControlFlow.continueLoop(let target) where target == nil || label.map({ $0.equalsIgnoringCase(target!) }) == true {
                            continue outer
                        }
                    }
                }
            }
            if exposesEnumerator {
                try Compiler.withLoopEnumerator("switch", enumerator, context: context, runClauses)
            } else {
                try runClauses()
            }
        }
    }

    static func switchMatches(_ item: PSValue, _ pattern: PSValue, flags: SwitchFlags, caseSensitive: Bool,
                              context: ExecutionContext) throws -> Bool {
        let op: ComparisonOperator
        if flags.contains(.regex) { op = .match } else if flags.contains(.wildcard) { op = .like } else { op = .eq }
        if op == .eq {
            if case .string = pattern, !item.isNull {
                let text = LanguagePrimitives.toString(item, context: context)
                let p = pattern.asString ?? ""
                return caseSensitive ? text == p : text.equalsIgnoringCase(p)
            }
            return LanguagePrimitives.equals(item, pattern, ignoreCase: !caseSensitive)
        }
        let subject: PSValue = .string(LanguagePrimitives.toString(item, context: context))
        return LanguagePrimitives.isTrue(try Operators.binary(.comparison(op, caseSensitive: caseSensitive), subject, pattern, context: context))
    }

    // MARK: try / catch / finally

    mutating func compileTry(body: [Statement], catches: [CatchClause], finally: [Statement]?) -> CompiledStatement {
        let tryBody = compileStatements(body)
        let handlers = catches.map { (types: $0.types.map(\.name), body: compileStatements($0.body)) }
        let cleanup = finally.map { compileStatements($0) }
        return { context, pipe in
            defer {
                if let cleanup { try? cleanup.run(context, pipe) }
            }
            context.handlerDepth += 1
            do {
                try tryBody.run(context, pipe)
                context.handlerDepth -= 1
            } catch let error as RuntimeError {
                context.handlerDepth -= 1
                // Ctrl-C is not an error a script can catch; only `finally` runs.
                if PipelineInterrupt.isRequested { throw error }
                guard let handler = handlers.first(where: { h in
                    h.types.isEmpty || h.types.contains { ExceptionMatching.matches(error.record.exception, typeName: $0) }
                }) else { throw error }
                context.recordErrorOnce(error.record)
                let site = VariablePath(qualifier: nil, name: "_")
                let saved = context.currentScope.localVariable("_")?.value
                try context.setVariable(site, .object(error.record))
                defer { if let saved { try? context.setVariable(site, saved) } }
                try handler.body.run(context, pipe)
            } catch {
                context.handlerDepth -= 1
                throw error
            }
        }
    }

    // MARK: function / filter

    mutating func compileFunctionDefinition(_ definition: FunctionDefinitionAst) -> CompiledStatement {
        var body = definition.body
        if let parameters = definition.parameters, body.paramBlock == nil {
            body.paramBlock = ParamBlockAst(attributes: [], parameters: parameters, extent: definition.extent)
        }
        let template = ScriptBlockTemplate(ast: body)
        let path = VariablePath(parsing: definition.name)
        let isFilter = definition.isFilter
        return { context, _ in
            let block = template.instantiate()
            block.isFilter = isFilter
            let scope = path.qualifier.map { context.targetScope(for: $0) }
            context.defineFunction(FunctionInfo(name: path.name, scriptBlock: block, isFilter: isFilter), in: scope)
        }
    }
}
