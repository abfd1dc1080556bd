import PSLanguage

/// A command of a pipeline, compiled: how to find it and how to evaluate its arguments.
struct CompiledCommand {
    enum Argument {
        case parameter(name: String, value: CompiledExpression?, text: String, extent: SourceExtent)
        case value(CompiledExpression, extent: SourceExtent)
        /// `@name`: a hashtable splats named arguments, an array positional ones.
        case splat(CompiledExpression, extent: SourceExtent)
        case verbatim(String, extent: SourceExtent)
    }

    let invocation: InvocationOperator
    /// The command name when written as a bareword (resolved at run time, cached by epoch).
    let staticName: String?
    let nameExpression: CompiledExpression
    let arguments: [Argument]
    let redirections: [CompiledRedirection]
    let extent: SourceExtent
}

struct CompiledRedirection {
    let from: Redirection.Stream
    let merge: Bool
    let target: CompiledExpression?
    let append: Bool
    /// True for `2>$null` and friends.
    let toNull: Bool
}

/// An element of a compiled pipeline.
enum CompiledElement {
    case expression(CompiledExpression, redirections: [CompiledRedirection], extent: SourceExtent,
                    lazyRange: (CompiledExpression, CompiledExpression)?, stream: CompiledStatement?)
    case command(CompiledCommand)
}

extension Compiler {
    mutating func compilePipelineChain(_ chain: PipelineChain) -> CompiledStatement {
        let first = compilePipeline(chain.first)
        if chain.rest.isEmpty { return first }
        let rest = chain.rest.map { (op: $0.op, run: compilePipeline($0.pipeline)) }
        return { context, pipe in
            try first(context, pipe)
            for next in rest {
                if (next.op == .and) == context.lastStatus { try next.run(context, pipe) }
            }
        }
    }

    mutating func compilePipeline(_ pipeline: PipelineAst) -> CompiledStatement {
        // The common case: one expression, no redirections.
        if pipeline.elements.count == 1, case .expression(let e, let redirections) = pipeline.elements[0], redirections.isEmpty {
            return compileExpressionStatement(e)
        }
        let elements = pipeline.elements.map { compileElement($0) }
        let extent = pipeline.extent
        return { context, pipe in
            try PipelineRunner(context: context, elements: elements, extent: extent).run(output: pipe)
        }
    }

    /// An expression used as a statement: its value is written to the output, enumerated.
    /// `$i++`, `[void]…` and assignments produce no output.
    mutating func compileExpressionStatement(_ e: Expression) -> CompiledStatement {
        switch e.kind {
        case .unary(let op, _) where [.postIncrement, .postDecrement, .preIncrement, .preDecrement].contains(op):
            let value = compileExpression(e)
            return { context, _ in
                _ = try value(context)
                context.lastStatus = true
            }
        case .convert(let t, _) where t.name.lowercased() == "void" && t.arrayRank == 0:
            let value = compileExpression(e)
            return { context, _ in
                _ = try value(context)
                context.lastStatus = true
            }
        case .invokeMember:
            // A method used as a statement: a void method yields nothing (the member adapter
            // reports void as $null, and PowerShell writes nothing for either).
            let value = compileExpression(e)
            return { context, pipe in
                let v = try value(context)
                if !v.isNull {
                    if let items = v.enumerated { for item in items { try pipe.emit(item) } } else { try pipe.emit(v) }
                }
                context.lastStatus = true
            }
        case .binary(.range, let a, let b):
            let from = compileExpression(a), to = compileExpression(b)
            return { context, pipe in
                try PipelineRunner.emitRange(try from(context), try to(context), context: context, into: pipe)
                context.lastStatus = true
            }
        case .paren, .subExpression:
            guard let stream = compileStreamingSource(e) else { fallthrough }
            return { context, pipe in
                try stream(context, pipe)
                context.lastStatus = true
            }
        default:
            let value = compileExpression(e)
            return { context, pipe in
                let v = try value(context)
                if case .object(let o) = v, let array = o as? PSArray {
                    for item in array.items { try pipe.emit(item) }
                } else if let items = v.enumerated {
                    for item in items { try pipe.emit(item) }
                } else {
                    try pipe.emit(v)
                }
                context.lastStatus = true
            }
        }
    }

    /// `( … )` and `$( … )` whose statements produce no output must send nothing down a pipeline
    /// (PowerShell's AutomationNull), not one `$null`; so, as a pipeline source or a statement,
    /// they stream their statements' output instead of collapsing it into a value.
    mutating func compileStreamingSource(_ e: Expression) -> CompiledStatement? {
        switch e.kind {
        case .subExpression(let statements):
            let body = compileStatements(statements)
            return { context, pipe in try body.run(context, pipe) }
        case .paren(let statement):
            if case .assignment = statement.kind { return nil }
            if case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
               case .expression(let inner, let r) = chain.first.elements[0], r.isEmpty {
                // A single expression keeps its value semantics: `(1,2)` is one array, enumerated once.
                if case .paren = inner.kind { return compileStreamingSource(inner) }
                if case .subExpression = inner.kind { return compileStreamingSource(inner) }
                return nil
            }
            let body = compileStatement(statement)
            return { context, pipe in try body(context, pipe) }
        default:
            return nil
        }
    }

    mutating func compileElement(_ element: PipelineElement) -> CompiledElement {
        switch element {
        case .expression(let e, let redirections):
            var lazy: (CompiledExpression, CompiledExpression)?
            if case .binary(.range, let a, let b) = e.kind { lazy = (compileExpression(a), compileExpression(b)) }
            return .expression(compileExpression(e), redirections: redirections.map { compileRedirection($0) },
                               extent: e.extent, lazyRange: lazy, stream: compileStreamingSource(e))
        case .command(let command):
            return .command(compileCommand(command))
        }
    }

    mutating func compileCommand(_ command: CommandAst) -> CompiledCommand {
        var staticName: String?
        if command.invocation == .none || command.invocation == .ampersand || command.invocation == .dot,
           case .stringConstant(let s, _) = command.name.kind {
            staticName = s
        }
        var arguments: [CompiledCommand.Argument] = []
        let methodStyle = StrictModeError.isMethodStyleCall(command)
        for element in command.elements {
            switch element {
            case .parameter(let name, let argument, let extent):
                arguments.append(.parameter(name: name, value: argument.map { compileExpression($0) },
                                            text: extent.text.isEmpty ? "-" + name : extent.text, extent: extent))
            case .argument(let e):
                if case .variable(_, true) = e.kind {
                    arguments.append(.splat(compileExpression(Expression(.variable(
                        { if case .variable(let p, _) = e.kind { return p } else { return VariablePath(qualifier: nil, name: "") } }(),
                        splatted: false), extent: e.extent)), extent: e.extent))
                } else if methodStyle {
                    // `add(1,2)`: strict mode 2 refuses the call before the argument is evaluated.
                    let value = compileExpression(e), callExtent = command.extent
                    arguments.append(.value({ context in
                        if context.strictModeEverSet, context.strictModeVersion >= 2 {
                            throw StrictModeError.functionCallWithParens(extent: callExtent)
                        }
                        return try value(context)
                    }, extent: e.extent))
                } else {
                    arguments.append(.value(compileExpression(e), extent: e.extent))
                }
            case .stopParsing(let text, let extent):
                arguments.append(.verbatim(text, extent: extent))
            }
        }
        return CompiledCommand(invocation: command.invocation, staticName: staticName,
                               nameExpression: compileExpression(command.name), arguments: arguments,
                               redirections: command.redirections.map { compileRedirection($0) }, extent: command.extent)
    }

    mutating func compileRedirection(_ r: Redirection) -> CompiledRedirection {
        switch r.kind {
        case .merge:
            return CompiledRedirection(from: r.from, merge: true, target: nil, append: false, toNull: false)
        case .file(let target, let append):
            var toNull = false
            if case .variable(let path, _) = target.kind, path.qualifier == nil, path.name.lowercased() == "null" { toNull = true }
            if case .constant(.null) = target.kind { toNull = true }
            return CompiledRedirection(from: r.from, merge: false, target: compileExpression(target), append: append, toNull: toNull)
        }
    }
}
