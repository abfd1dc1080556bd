import Foundation
import PSLanguage

/// Builds and runs one pipeline: resolves each command, evaluates its arguments, wires the
/// processors together and drives begin → process → end, streaming objects one at a time.
struct PipelineRunner {
    let context: ExecutionContext
    let elements: [CompiledElement]
    let extent: SourceExtent

    func run(output: OutputPipe) throws {
        var processors: [CommandProcessor] = []
        var source: CompiledElement?
        var sourceRedirects = StreamRedirects()
        var fileOutputs: [(index: Int, path: String, append: Bool, pipe: CollectingPipe)] = []
        var discardOutput: Set<Int> = []
        var statementRedirects = StreamRedirects()

        do {
            for (i, element) in elements.enumerated() {
                switch element {
                case .expression(_, let redirections, _, _, _):
                    source = element
                    sourceRedirects = try redirects(redirections, index: i, files: &fileOutputs, discard: &discardOutput)
                    statementRedirects = sourceRedirects
                case .command(let command):
                    let processor = try makeProcessor(command)
                    processor.redirects = try redirects(command.redirections, index: i, files: &fileOutputs, discard: &discardOutput)
                    if processor.redirects.discardErrors { statementRedirects.discardErrors = true }
                    if processor.redirects.mergeErrors { statementRedirects.mergeErrors = true }
                    processors.append(processor)
                }
            }
        } catch let error as RuntimeError where !error.isScriptTerminating {
            // Statement-level failures (command not found…) honour the pipeline's error redirection.
            if try applyStatementRedirects(error, statementRedirects, output: output) { return }
            throw error
        }

        // Wire each command to the next; the last writes to the statement's output.
        let offset = source == nil ? 0 : 1
        for (n, processor) in processors.enumerated() {
            let index = n + offset
            var next: OutputPipe = n + 1 < processors.count ? processors[n + 1] : output
            if let file = fileOutputs.first(where: { $0.index == index }) { next = file.pipe }
            if discardOutput.contains(index) { next = NullPipe.shared }
            processor.downstream = next
            processor.expectingInput = n > 0 || source != nil
            processor.pipelinePosition = index + 1
        }
        var sourceTarget: OutputPipe = processors.first ?? output
        if let file = fileOutputs.first(where: { $0.index == 0 }), source != nil { sourceTarget = file.pipe }
        if discardOutput.contains(0), source != nil { sourceTarget = NullPipe.shared }

        var failed = false
        defer { for processor in processors { processor.finishAudit() } }
        do {
            for processor in processors { try processor.prepare() }
            // Every begin block runs before any input is processed; what a begin block writes
            // waits for the next command's begin, then flows on in order.
            let gates = processors.dropLast().map { BeginGate($0.downstream) }
            for (processor, gate) in zip(processors, gates) { processor.downstream = gate }
            for processor in processors { try processor.begin() }
            for (processor, gate) in zip(processors, gates) {
                processor.downstream = gate.target
                try gate.release()
            }
            if case .expression(let expression, _, let extent, let lazyRange, let stream)? = source {
                do {
                    if let stream {
                        try stream(context, sourceTarget)
                    } else if let (from, to) = lazyRange {
                        try PipelineRunner.emitRange(try from(context), try to(context), context: context, into: sourceTarget)
                    } else {
                        let value = try Compiler.located(extent) { try expression(context) }
                        if let items = value.enumerated {
                            for item in items { try sourceTarget.emit(item) }
                        } else {
                            try sourceTarget.emit(value)
                        }
                    }
                } catch let error as RuntimeError where !error.isScriptTerminating && (sourceRedirects.discardErrors || sourceRedirects.mergeErrors) {
                    failed = true
                    _ = try applyStatementRedirects(error, sourceRedirects, output: sourceTarget)
                }
            } else if let first = processors.first {
                try first.processWithoutInput()
            }
            for processor in processors { try processor.end() }
        } catch ControlFlow.stopUpstream(let token) {
            guard let k = processors.firstIndex(where: { ObjectIdentifier($0) == token }) else {
                throw ControlFlow.stopUpstream(token: token)
            }
            // Commands stopped early on purpose (Select-Object -First) ended normally.
            for processor in processors[..<k] { processor.completed = true }
            for processor in processors[k...] { try processor.end() }
        } catch let error as RuntimeError where !error.isScriptTerminating {
            if try applyStatementRedirects(error, statementRedirects, output: output) { return }
            throw error
        }

        for file in fileOutputs {
            let text = context.formatter?.format(file.pipe.items, context: context, width: 4096)
                ?? file.pipe.items.map { LanguagePrimitives.toString($0, context: context) + "\n" }.joined()
            try context.appendText(text, toFile: file.path, append: file.append)
        }
        context.lastStatus = !failed && !processors.contains { $0.hadError }
    }

    /// Handles a statement-terminating error under `2>$null` or `2>&1`; returns true when handled.
    private func applyStatementRedirects(_ error: RuntimeError, _ redirects: StreamRedirects, output: OutputPipe) throws -> Bool {
        guard redirects.discardErrors || redirects.mergeErrors else { return false }
        context.recordErrorOnce(error.record)
        context.lastStatus = false
        if redirects.mergeErrors { try output.emit(.object(error.record)) }
        return true
    }

    private func redirects(_ list: [CompiledRedirection], index: Int,
                           files: inout [(index: Int, path: String, append: Bool, pipe: CollectingPipe)],
                           discard: inout Set<Int>) throws -> StreamRedirects {
        var r = StreamRedirects()
        for redirection in list {
            let all = redirection.from == .all
            if redirection.merge {
                if all || redirection.from == .error { r.mergeErrors = true }
                if all || redirection.from == .warning { r.mergeWarnings = true }
                if all || redirection.from == .verbose { r.mergeVerbose = true }
                if all || redirection.from == .information { r.mergeInformation = true }
                continue
            }
            if redirection.toNull {
                if all || redirection.from == .error { r.discardErrors = true }
                if all || redirection.from == .warning { r.discardWarnings = true }
                if all || redirection.from == .information { r.discardInformation = true }
                if all || redirection.from == .output { discard.insert(index) }
                continue
            }
            guard let target = redirection.target else { continue }
            let path = context.resolvePath(LanguagePrimitives.toString(try target(context), context: context))
            if redirection.from == .error {
                r.errorFile = (path, redirection.append)
                if !redirection.append { try context.appendText("", toFile: path, append: false) }
            } else {
                files.append((index, path, redirection.append, CollectingPipe()))
            }
        }
        return r
    }

    /// Streams `a..b` one number at a time (so `1..10000000 | Select -First 3` returns at once).
    static func emitRange(_ a: PSValue, _ b: PSValue, context: ExecutionContext, into pipe: OutputPipe) throws {
        try forEachInRange(a, b, context: context) { try pipe.emit($0); return false }
    }

    /// Walks `a..b` without building the array: numbers one at a time, or the characters of a
    /// character range. `body` returns true to stop early.
    static func forEachInRange(_ a: PSValue, _ b: PSValue, context: ExecutionContext, _ body: (PSValue) throws -> Bool) throws {
        if case .string(let s) = a, s.utf16.count == 1, case .string(let t) = b, t.utf16.count == 1 {
            let value = try Operators.binary(.range, a, b, context: context)
            for item in value.enumerated ?? [value] where try body(item) { return }
            return
        }
        let start = try LanguagePrimitives.toInt32(a), end = try LanguagePrimitives.toInt32(b)
        let step: Int32 = start <= end ? 1 : -1
        var i = start
        while true {
            try PipelineInterrupt.check()
            if try body(.int(i)) { return }
            if i == end { return }
            i += step
        }
    }

    // MARK: Building processors

    private func makeProcessor(_ command: CompiledCommand) throws -> CommandProcessor {
        let arguments = try evaluateArguments(command)
        let nameValue: PSValue
        if let name = command.staticName { nameValue = .string(name) } else { nameValue = try command.nameExpression(context) }
        let dotSource = command.invocation == .dot
        if let block = nameValue.baseValue.asScriptBlock {
            return ScriptCommandProcessor(context: context, block: block, name: "", arguments: arguments,
                                          dotSource: dotSource, extent: command.extent)
        }
        if case .object(let o) = nameValue.baseValue, let info = o as? FunctionInfo {
            return ScriptCommandProcessor(context: context, block: info.scriptBlock, name: info.name, arguments: arguments,
                                          dotSource: dotSource, extent: command.extent, parentScope: callerScope(for: info.definingScope))
        }
        let name = commandName(of: nameValue)
        var found = context.resolveCommand(name)
        if found == nil, try context.commandAutoloader?(name, context) == true { found = context.resolveCommand(name) }
        guard let resolved = found else {
            // Through `&` or `.` the error names the operator, as PowerShell's does ("&: The term …").
            let shownAs = command.invocation == .ampersand ? "&" : command.invocation == .dot ? "." : name
            throw commandNotFound(name, shownAs: shownAs, extent: command.extent)
        }
        // `Command -?` shows the command's help, as in PowerShell.
        if arguments.count == 1, case .parameter("?", nil, _, _) = arguments[0],
           let help = context.commands.cmdlet(named: "Get-Help") {
            return CmdletProcessor(context: context, declaration: help,
                                   arguments: [.value(.string(resolved.name), extent: command.extent)], extent: command.extent)
        }
        switch resolved {
        case .cmdlet(let declaration):
            return CmdletProcessor(context: context, declaration: declaration, arguments: arguments, extent: command.extent)
        case .function(let function):
            return ScriptCommandProcessor(context: context, block: function.scriptBlock, name: function.name,
                                          arguments: arguments, dotSource: dotSource, extent: command.extent,
                                          parentScope: callerScope(for: function.definingScope))
        case .externalScript(let path):
            let block = try context.loadScriptFile(path)
            if !block.ast.requires.isEmpty { try context.scriptRequirements?(block.ast, path, context) }
            return ScriptCommandProcessor(context: context, block: block, name: (path as NSString).lastPathComponent,
                                          arguments: arguments, dotSource: dotSource, extent: command.extent, scriptPath: path)
        case .application(let path):
            return NativeCommandProcessor(context: context, path: path, arguments: arguments, extent: command.extent)
        case .alias(let alias):
            throw commandNotFound(alias.definition, extent: command.extent)
        }
    }

    /// The scope a module's function runs under: the caller's when the caller is itself inside
    /// that module (so `-WhatIf`, preferences and variables flow from one of the module's
    /// functions to another, as pwsh's dynamic scoping does), else the module's own scope (so
    /// its private variables stay private and the caller's stay out).
    private func callerScope(for defining: Scope?) -> Scope? {
        guard let defining else { return nil }
        var scope: Scope? = context.currentScope
        while let current = scope {
            if current === defining { return context.currentScope }
            scope = current.parent
        }
        return defining
    }

    /// The command a call operand names: a string, or what Get-Command returned (`& (Get-Command x)`).
    private func commandName(of value: PSValue) -> String {
        if let info = value.asPSObject, info.typeNames.contains(where: { $0.hasPrefix("System.Management.Automation.") && $0.hasSuffix("Info") }) {
            if info.typeNames.first?.hasSuffix("ApplicationInfo") == true, let path = info["Path"] {
                return LanguagePrimitives.toString(path, context: context)
            }
            if let name = info["Name"] { return LanguagePrimitives.toString(name, context: context) }
        }
        return LanguagePrimitives.toString(value, context: context)
    }

    private func commandNotFound(_ name: String, shownAs: String? = nil, extent: SourceExtent) -> RuntimeError {
        let record = ErrorRecord(
            "The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            id: "CommandNotFoundException", category: .ObjectNotFound,
            exceptionType: "System.Management.Automation.CommandNotFoundException", target: .string(name))
        record.invocationInfo = InvocationInfo(commandName: shownAs ?? name, extent: extent)
        return RuntimeError(record)
    }

    private func evaluateArguments(_ command: CompiledCommand) throws -> [CommandArgument] {
        var result: [CommandArgument] = []
        for argument in command.arguments {
            switch argument {
            case .parameter(let name, let value, let text, let extent):
                result.append(.parameter(name: name, value: try value.map { try $0(context) }, text: text, extent: extent))
            case .value(let expression, let extent):
                result.append(.value(try expression(context), extent: extent))
            case .verbatim(let text, let extent):
                result.append(.value(.string(text), extent: extent))
            case .splat(let expression, let extent):
                let value = try expression(context)
                if let table = value.baseValue.asHashtable {
                    // A parameter given explicitly overrides the same one from the table (pwsh 7.1+).
                    let explicitNames = command.arguments.compactMap { argument -> String? in
                        if case .parameter(let name, _, _, _) = argument { return name }
                        return nil
                    }
                    for (key, v) in table.pairs {
                        let name = LanguagePrimitives.toString(key, context: context)
                        if explicitNames.contains(where: { $0.equalsIgnoringCase(name) }) { continue }
                        result.append(.parameter(name: name, value: v, text: "-\(name):", extent: extent))
                    }
                } else if let items = value.enumerated {
                    var i = 0
                    while i < items.count {
                        if let token = ParameterToken.parse(items[i]) {
                            var argument: PSValue?
                            if token.colon, i + 1 < items.count { argument = items[i + 1]; i += 1 }
                            result.append(.parameter(name: token.name, value: argument, text: "-" + token.name, extent: extent))
                        } else {
                            result.append(.value(items[i], extent: extent))
                        }
                        i += 1
                    }
                } else if !value.isNull {
                    result.append(.value(value, extent: extent))
                }
            }
        }
        return result
    }
}

extension ExecutionContext {
    /// Writes (or appends) text to a file, creating it.
    public func appendText(_ text: String, toFile path: String, append: Bool) throws {
        try authorizeFile(path, .writes, commandName: "Out-File")
        let data = Data(text.utf8)
        if append, let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(data)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw RuntimeError("Could not find a part of the path '\(path)'.", id: "FileOpenFailure", category: .OpenError,
                               exceptionType: "System.IO.DirectoryNotFoundException", target: .string(path))
        }
    }
}
