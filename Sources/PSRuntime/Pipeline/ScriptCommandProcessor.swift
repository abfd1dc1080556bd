import Foundation
import PSLanguage

/// Runs a script function, a script block (`& { }`) or a `.ps1` file as a pipeline command:
/// its own scope (unless dot-sourced), parameters bound from arguments and pipeline objects,
/// `begin`/`process`/`end` blocks, `$input`, `$_`, `$args`, `$PSBoundParameters`.
final class ScriptCommandProcessor: CommandProcessor {
    let block: ScriptBlock
    let compiled: CompiledScriptBlock
    let arguments: [CommandArgument]
    let dotSource: Bool
    let scriptPath: String?
    /// When false, `exit` propagates (the host's top-level script).
    var catchesExit = true
    private var scope: Scope?
    private var binder: ParameterBinder
    private var state = ParameterBinder.State()
    private var inputItems: [PSValue] = []
    private var outputPipe: ClosurePipe!
    private var cmdletObject: ScriptCmdletObject?
    /// The parameter set the arguments selected (`$PSCmdlet.ParameterSetName`).
    private(set) var parameterSetName = ParameterMetadata.allSetsName
    /// What a dot-sourced script replaced in the caller's scope, put back when it ends.
    private var savedScriptVariables: [(String, PSValue?)] = []
    /// Set once a script file ran `exit`: its remaining phases are skipped.
    private var exited = false

    /// The scope the command's own scope hangs below (a module's scope), or nil for the caller's.
    private let parentScope: Scope?

    init(context: ExecutionContext, block: ScriptBlock, name: String, arguments: [CommandArgument],
         dotSource: Bool, extent: SourceExtent?, scriptPath: String? = nil, parentScope: Scope? = nil) {
        self.parentScope = parentScope
        self.block = block
        self.compiled = block.compiledForm
        self.arguments = arguments
        self.dotSource = dotSource
        self.scriptPath = scriptPath
        self.binder = compiled.binder(commandName: name.isEmpty ? "<ScriptBlock>" : name)
        super.init(context: context, commandName: name, extent: extent)
        self.supportsShouldProcess = compiled.supportsShouldProcess
        self.confirmImpact = compiled.confirmImpact
        self.outputPipe = ClosurePipe { [unowned self] value in try self.writeOutput(value) }
    }

    // MARK: Phases

    override func prepare() throws {
        state = try binder.bindCommandLine(arguments, context: context)
        common = state.common
        applyCommonParameters()
        if !expectingInput {
            parameterSetName = try binder.finish(&state, context: context, extent: extent, promptPosition: pipelinePosition)
        } else {
            parameterSetName = state.candidateSets.first.map(binder.setName) ?? ParameterMetadata.allSetsName
        }
        if !commandName.isEmpty {
            let bound = state.bound, parameters = binder.parameters
            try authorize(kind: scriptPath == nil ? .function : .script, securityArea: nil,
                          bound: { bound.sorted { $0.key < $1.key }.map { (parameters[$0.key].name, $0.value) } })
        }
    }

    override func begin() throws {
        scope = dotSource ? context.currentScope : Scope(parent: parentScope ?? context.currentScope, isScriptScope: scriptPath != nil)
        try inScope {
            if !dotSource { context.epoch &+= 1 }
            try defineVariables()
            if let begin = compiled.begin { try runBlock(begin) }
        }
    }

    override func processWithoutInput() throws {
        try inScope {
            if let process = compiled.process { try runBlock(process) }
        }
    }

    override func emit(_ value: PSValue) throws {
        inputCount += 1
        try inScope {
            if compiled.process != nil || block.isFilter {
                if compiled.isAdvanced {
                    try bindPipelineObject(value)
                }
                try setDollarUnder(value)
                if compiled.readsInput {
                    // In a process block, `$input` enumerates just the current object.
                    try context.setVariable(VariablePath(qualifier: "local", name: "input"),
                                            .object(LoopEnumerator([value])))
                }
                if let process = compiled.process {
                    try runBlock(process)
                } else if let end = compiled.end {
                    try runBlock(end)
                }
            } else {
                // Without a process block the parameters still take each object in turn, so the
                // end block sees the last one bound (and `$input` holds them all).
                if compiled.isAdvanced {
                    try bindPipelineObject(value)
                }
                inputItems.append(value)
            }
        }
    }

    override func end() throws {
        try inScope {
            if !block.isFilter, let end = compiled.end {
                try context.setVariable(VariablePath(qualifier: "local", name: "input"), .object(LoopEnumerator(inputItems, stepsItemByItem: false)))
                try runBlock(end)
            }
        }
        if let scope {
            for (name, value) in savedScriptVariables {
                if let value { context.define(PSVariable(name: name, value: value), in: scope) } else { _ = context.removeVariable(name, scope: scope) }
            }
        }
        try storeVariables()
        completed = true
    }

    // MARK: Helpers

    private func inScope(_ body: () throws -> Void) throws {
        guard let scope, !exited else { return }
        try context.callDepth.enter(extent: extent)
        defer { context.callDepth.leave() }
        let saved = context.currentScope
        context.currentScope = scope
        defer { context.currentScope = saved }
        // Errors raised by commands inside follow this command's redirections and -ErrorVariable.
        let savedDisplay = context.errorDisplay
        if redirects.mergeErrors || redirects.discardErrors || redirects.errorFile != nil {
            let redirects = self.redirects
            context.errorDisplay = { [unowned self] record in
                if redirects.mergeErrors {
                    try? self.downstream.emit(.object(record))
                } else if let file = redirects.errorFile {
                    try? self.context.appendText(ErrorView.render(record, context: self.context) + "\n", toFile: file.path, append: true)
                }
            }
        }
        defer { context.errorDisplay = savedDisplay }
        // So does Write-Host text (the information stream).
        let savedInformation = context.informationDisplay
        if redirects.discardInformation {
            context.informationDisplay = { _ in }
        } else if redirects.mergeInformation {
            context.informationDisplay = { [unowned self] text in try? self.downstream.emit(.string(text)) }
        }
        defer { context.informationDisplay = savedInformation }
        if errorVariable != nil {
            context.errorCollectors.append { [unowned self] record in self.errorVariable?.append(.object(record)) }
        }
        defer { if errorVariable != nil { context.errorCollectors.removeLast() } }
        if warningVariable != nil {
            context.warningCollectors.append { [unowned self] message in self.warningVariable?.append(.string(message)) }
        }
        defer { if warningVariable != nil { context.warningCollectors.removeLast() } }
        if !commandName.isEmpty { context.runningFunctions.append(commandName) }
        defer { if !commandName.isEmpty { context.runningFunctions.removeLast() } }
        try body()
    }

    private func runBlock(_ list: StatementList) throws {
        do {
            try list.run(context, outputPipe)
        } catch ControlFlow.returnFromScope {
            return
        } catch ControlFlow.exit(let code) where catchesExit && scriptPath != nil {
            // `exit` ends this script only; the caller sees the code in $LASTEXITCODE.
            try context.setVariable(VariablePath(qualifier: "global", name: "LASTEXITCODE"), .int(code))
            exited = true
            if code != 0 { hadError = true }
        }
    }

    private func setDollarUnder(_ value: PSValue) throws {
        try context.setVariable(VariablePath(qualifier: "local", name: "_"), value)
    }

    private func bindPipelineObject(_ value: PSValue) throws {
        for index in state.boundFromPipeline { state.bound[index] = nil }
        state.boundFromPipeline.removeAll()
        var itemState = state
        if binder.bindPipelineObject(value, state: &itemState, context: context) {
            parameterSetName = try binder.finish(&itemState, context: context, extent: extent)
            for index in itemState.boundFromPipeline {
                try defineParameter(index, value: itemState.bound[index]!)
                state.bound[index] = itemState.bound[index]
            }
            state.boundFromPipeline = itemState.boundFromPipeline
            updateBoundParameters()
        } else if compiled.parameters.contains(where: { p in p.metadata.sets.contains { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName } }) {
            try writeError(ErrorRecord(
                "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
                id: "InputObjectNotBound", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.ParameterBindingException", target: value))
        }
    }

    private func defineParameter(_ index: Int, value: PSValue) throws {
        context.define(try compiled.parameterVariable(index, bound: value, context: context), in: scope)
    }

    private func defineVariables() throws {
        for index in compiled.parameters.indices {
            context.define(try compiled.parameterVariable(index, bound: state.bound[index], context: context), in: scope)
        }
        context.define(PSVariable(name: "args", value: .object(PSArray(state.unbound))), in: scope)
        updateBoundParameters()
        if let path = scriptPath {
            if dotSource {
                savedScriptVariables = ["PSScriptRoot", "PSCommandPath", "MyInvocation"].map { ($0, scope?.localVariable($0)?.value) }
            }
            context.define(PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent)), in: scope)
            context.define(PSVariable(name: "PSCommandPath", value: .string(path)), in: scope)
        }
        let invocation = ScriptInvocationInfo(
            commandName: commandName, scriptPath: scriptPath,
            commandType: scriptPath != nil ? "ExternalScript" : (block.isFilter ? "Filter" : "Function"),
            definition: scriptPath ?? block.text, extent: extent, expectingInput: expectingInput)
        context.define(PSVariable(name: "MyInvocation", value: .object(invocation)), in: scope)
        if compiled.isAdvanced {
            let cmdlet = ScriptCmdletObject(processor: self)
            cmdletObject = cmdlet
            context.define(PSVariable(name: "PSCmdlet", value: .object(cmdlet)), in: scope)
            // Common parameters become the function's own preference variables.
            let mapping: [(String, String)] = [("ErrorAction", "ErrorActionPreference"), ("WarningAction", "WarningPreference"),
                                               ("InformationAction", "InformationPreference")]
            for (parameter, variable) in mapping {
                if let v = common[parameter] { context.define(PSVariable(name: variable, value: v), in: scope) }
            }
            if let v = common["Verbose"] {
                context.define(PSVariable(name: "VerbosePreference", value: .string(LanguagePrimitives.isTrue(v) ? "Continue" : "SilentlyContinue")), in: scope)
            }
            if let v = common["Debug"] {
                context.define(PSVariable(name: "DebugPreference", value: .string(LanguagePrimitives.isTrue(v) ? "Continue" : "SilentlyContinue")), in: scope)
            }
            if let v = common["WhatIf"] { context.define(PSVariable(name: "WhatIfPreference", value: .bool(LanguagePrimitives.isTrue(v))), in: scope) }
            if let v = common["Confirm"] {
                context.define(PSVariable(name: "ConfirmPreference", value: .string(LanguagePrimitives.isTrue(v) ? "Low" : "None")), in: scope)
            }
        }
    }

    private func updateBoundParameters() {
        let table = PSHashtable(ordered: true)
        for (index, value) in state.bound.sorted(by: { $0.key < $1.key }) {
            table[string: compiled.parameters[index].metadata.name] = value
        }
        for (name, value) in common { table[string: name] = value }
        context.define(PSVariable(name: "PSBoundParameters", value: .object(table)), in: scope)
    }

    /// `$PSCmdlet.ShouldProcess(...)` for advanced functions.
    func scriptShouldProcess(_ arguments: [PSValue]) throws -> Bool {
        let text = arguments.map { LanguagePrimitives.toString($0, context: context) }
        switch text.count {
        case 0: return try shouldProcess(target: commandName, action: commandName)
        case 1: return try shouldProcess(target: text[0], action: commandName)
        case 2: return try shouldProcess(target: text[0], action: text[1])
        default:
            // (verboseDescription, verboseWarning, caption[, out reason])
            return try shouldProcess(target: text[0], action: commandName, description: text[0], warning: text[1], caption: text[2])
        }
    }
}

/// `$PSCmdlet` inside an advanced function.
final class ScriptCmdletObject: PSDynamicObject {
    unowned let processor: ScriptCommandProcessor

    init(processor: ScriptCommandProcessor) { self.processor = processor }

    var dynamicTypeName: String { "System.Management.Automation.PSScriptCmdlet" }
    var dynamicPropertyNames: [String] { ["ParameterSetName", "MyInvocation"] }
    var dynamicDescription: String { processor.commandName }

    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "parametersetname": return .string(processor.parameterSetName)
        case "myinvocation": return context.getVariable("MyInvocation")
        default: return nil
        }
    }

    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "shouldprocess": return .bool(try processor.scriptShouldProcess(arguments))
        case "shouldcontinue":
            guard context.host.isInteractive else {
                throw RuntimeError("A confirmation is needed but this session is non-interactive.", id: "ConfirmationRequiredInNonInteractiveSession",
                                   category: .InvalidOperation)
            }
            let query = arguments.first.map { LanguagePrimitives.toString($0, context: context) } ?? ""
            let reply = context.host.readLine(prompt: "\(query)\n[Y] Yes  [N] No (default is \"Y\"): ")
            if reply == nil { try PipelineInterrupt.check() }
            let answer = reply?.lowercased() ?? "n"
            return .bool(answer.isEmpty || answer == "y")
        case "writeverbose":
            try processor.writeVerbose(arguments.first.map { LanguagePrimitives.toString($0, context: context) } ?? "")
            return .null
        case "writewarning":
            try processor.writeWarning(arguments.first.map { LanguagePrimitives.toString($0, context: context) } ?? "")
            return .null
        case "writeobject":
            try processor.writeOutput(arguments.first ?? .null)
            return .null
        case "writeerror":
            if case .object(let o)? = arguments.first, let record = o as? ErrorRecord { try processor.writeError(record) }
            return .null
        case "throwterminatingerror":
            if case .object(let o)? = arguments.first, let record = o as? ErrorRecord { throw RuntimeError(record) }
            return .null
        default: return nil
        }
    }
}
