import Foundation
import PSLanguage

extension ExecutionContext {
    /// Runs a script block, streaming its output to `output`. With `newScope: false` it runs in
    /// the current scope (dot-sourcing, ForEach-Object); `dollarUnder` sets `$_`.
    /// `input`, when given, is what `$input` enumerates.
    public func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: PSValue?, arguments: [PSValue],
                                  newScope: Bool, input: [PSValue]? = nil, output: (PSValue) throws -> Void) throws {
        try withoutActuallyEscaping(output) { output in
            try invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: arguments, newScope: newScope,
                                  input: input, pipe: ClosurePipe(output))
        }
    }

    /// As above, writing into a pipe.
    func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: PSValue?, arguments: [PSValue], newScope: Bool,
                           input: [PSValue]? = nil, pipe: OutputPipe) throws {
        try callDepth.enter(extent: block.ast.extent)
        defer { callDepth.leave() }
        let compiled = block.compiledForm
        let saved = currentScope
        if newScope {
            currentScope = Scope(parent: saved)
            epoch &+= 1
        }
        defer { currentScope = saved }
        var previousUnder: (PSVariable, PSValue)?
        if let dollarUnder {
            let key = CaseInsensitiveKey("_")
            if let v = currentScope.variables[key] {
                previousUnder = (v, v.value)
                v.value = dollarUnder
            } else {
                // `$_` set for the block does not outlive it in the caller's scope: it goes back to
                // $null (kept defined, so the next pipeline object reuses it cheaply).
                let v = PSVariable(name: "_", value: dollarUnder)
                define(v, in: currentScope)
                previousUnder = (v, .null)
            }
        }
        defer { if let (v, old) = previousUnder { v.value = old } }
        if let input {
            define(PSVariable(name: "input", value: .object(LoopEnumerator(input, stepsItemByItem: false))), in: currentScope)
        }
        if !compiled.parameters.isEmpty {
            let binder = compiled.binder(commandName: "<ScriptBlock>")
            var state = try binder.bindCommandLine(arguments.map { .value($0, extent: nil) }, context: self)
            _ = try binder.finish(&state, context: self, extent: nil)
            for index in compiled.parameters.indices {
                define(try compiled.parameterVariable(index, bound: state.bound[index], context: self), in: currentScope)
            }
            if newScope || !state.unbound.isEmpty { define(PSVariable(name: "args", value: .array(state.unbound)), in: currentScope) }
        } else if newScope || !arguments.isEmpty {
            define(PSVariable(name: "args", value: .array(arguments)), in: currentScope)
        }
        do {
            if let begin = compiled.begin { try begin.run(self, pipe) }
            if let process = compiled.process { try process.run(self, pipe) }
            if let end = compiled.end { try end.run(self, pipe) }
        } catch ControlFlow.returnFromScope {
            return
        }
    }

    /// Parses text into a script block (`[scriptblock]::Create`, Invoke-Expression); parse errors throw.
    public func createScriptBlock(_ text: String, path: String? = nil) throws -> ScriptBlock {
        let result = Parser.parse(text, path: path)
        if let first = result.errors.first {
            throw ExecutionContext.parseError(result.errors, first: first)
        }
        return ScriptBlock(ast: result.ast)
    }

    static func parseError(_ errors: [ParseError], first: ParseError) -> RuntimeError {
        let message = errors.count == 1 ? first.message : errors.map { "\($0.extent.startLine):\($0.extent.startColumn) \($0.message)" }.joined(separator: "\n")
        let record = ErrorRecord(message, id: first.id, category: .ParserError,
                                 exceptionType: "System.Management.Automation.ParseException")
        record.invocationInfo.extent = first.extent
        var error = RuntimeError(record)
        error.isScriptTerminating = true
        return error
    }

    /// Parses and runs script text in the current scope, streaming output values.
    /// Parse errors throw a `RuntimeError` (category ParserError) listing every error.
    public func runScript(_ text: String, path: String? = nil, output: (PSValue) throws -> Void) throws {
        let block = try createScriptBlock(text, path: path)
        try withoutActuallyEscaping(output) { output in
            let pipe = ClosurePipe(output)
            do {
                try block.compiledForm.end?.run(self, pipe)
            } catch ControlFlow.returnFromScope {
                return
            }
        }
    }

    /// Runs script text and collects its output values.
    public func evaluate(_ text: String) throws -> [PSValue] {
        var values: [PSValue] = []
        try runScript(text) { values.append($0) }
        return values
    }

    /// Reads a `.ps1` file; parses it unless this session already parsed the same text.
    func loadScriptFile(_ path: String) throws -> ScriptBlock {
        // Running a script reads it: `& ./x.ps1`, dot-sourcing and `pcsh -File` all come here.
        try authorizeFile(path, .reads, commandName: (path as NSString).lastPathComponent)
        guard let text = TextDecoding.contents(ofFile: path) else {
            throw RuntimeError("Cannot read the script file '\(path)'.", id: "ScriptFileNotFound", category: .ObjectNotFound,
                               exceptionType: "System.IO.FileNotFoundException", target: .string(path))
        }
        return try ParsedScriptCache.of(self).block(key: path, text: text) { try createScriptBlock($0, path: path) }
    }

    /// Runs a script file as `pcsh -File` does: its own script scope, arguments bound to its
    /// `param()` block (`-Name value` pairs and positional values), output into `output`.
    /// `exit` propagates as `ControlFlow.exit`.
    public func runScriptFile(_ path: String, arguments: [String], output: OutputPipe) throws {
        let block = try loadScriptFile(path)
        try runScriptBlockAsCommand(block, scriptPath: path, arguments: arguments, output: output)
    }

    /// Runs a parsed script the way `runScriptFile` does.
    public func runScriptBlockAsCommand(_ block: ScriptBlock, scriptPath: String?, arguments: [String], output: OutputPipe) throws {
        var commandArguments: [CommandArgument] = []
        for argument in arguments {
            if argument.hasPrefix("-"), argument.count > 1, let first = argument.dropFirst().first, first.isLetter {
                var name = String(argument.dropFirst())
                var value: PSValue?
                if let colon = name.firstIndex(of: ":") {
                    value = .string(String(name[name.index(after: colon)...]))
                    name = String(name[..<colon])
                }
                commandArguments.append(.parameter(name: name, value: value, text: argument, extent: nil))
            } else {
                commandArguments.append(.value(.string(argument), extent: nil))
            }
        }
        let processor = ScriptCommandProcessor(context: self, block: block, name: scriptPath.map { ($0 as NSString).lastPathComponent } ?? "",
                                               arguments: commandArguments, dotSource: false, extent: nil,
                                               scriptPath: scriptPath)
        processor.catchesExit = false
        processor.downstream = output
        defer { processor.finishAudit() }
        try processor.prepare()
        try processor.begin()
        try processor.processWithoutInput()
        try processor.end()
    }
}
