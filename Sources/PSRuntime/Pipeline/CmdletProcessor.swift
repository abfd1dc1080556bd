import PSLanguage

/// Runs a compiled cmdlet.
final class CmdletProcessor: CommandProcessor {
    let declaration: CmdletDeclaration
    let arguments: [CommandArgument]
    private var instance: any Cmdlet
    private var fresh: (any Cmdlet)?
    private var binder: ParameterBinder
    private var state = ParameterBinder.State()
    private(set) var commandContext: CommandContext!
    /// Set once an object bound only an `Object` parameter by value while no parameter of the
    /// chosen sets takes input by property name: every later object binds the same way, so the
    /// binder is skipped (a million-object pipeline spends its time in the cmdlet, not here).
    private var fastPipelineIndex: Int?

    init(context: ExecutionContext, declaration: CmdletDeclaration, arguments: [CommandArgument], extent: SourceExtent?) {
        self.declaration = declaration
        self.arguments = arguments
        self.instance = declaration.makeInstance()
        self.binder = ParameterBinder(
            commandName: declaration.name, parameters: declaration.parameters,
            defaultSet: declaration.defaultParameterSet, takesCommonParameters: true,
            supportsShouldProcess: declaration.supportsShouldProcess, collectsUnbound: false,
            errorSuffix: declaration.implementingTypeName, table: declaration.parameterSetTable)
        super.init(context: context, commandName: declaration.name, extent: extent)
        self.supportsShouldProcess = declaration.supportsShouldProcess
        self.confirmImpact = declaration.confirmImpact
        self.errorSuffix = declaration.implementingTypeName
        self.commandContext = CommandContext(session: context, declaration: declaration, extent: extent, processor: self)
    }

    override func prepare() throws {
        state = try binder.bindCommandLine(arguments, context: context)
        common = state.common
        applyCommonParameters()
        commandContext.expectingInput = expectingInput
        if !expectingInput {
            commandContext.parameterSetName = try binder.finish(&state, context: context, extent: extent, promptPosition: pipelinePosition)
        } else {
            commandContext.parameterSetName = state.candidateSets.first.map(binder.setName) ?? ParameterMetadata.allSetsName
        }
        for (index, value) in state.bound { declaration.assign(value, toParameterAt: index, of: instance) }
        updateBoundParameters()
        let bound = state.bound
        try authorize(kind: .cmdlet, securityArea: declaration.securityArea,
                      bound: { [declaration] in Self.named(bound, declaration) }, files: { [declaration] in Self.files(bound, declaration) })
        checksEachObject = context.authorizer != nil
            && (declaration.securityArea != nil || declaration.parameters.contains { $0.files != nil && $0.takesPipelineInput })
    }

    /// True when the authorizer is asked again at each pipeline object: role-checked cmdlets
    /// (revocation stops a long pipeline at the next object) and cmdlets taking a file from the
    /// pipeline. Others pay nothing per object.
    private var checksEachObject = false

    /// `fromPipeline`: the parameters this object bound. Only their files are checked again
    /// (the command line's were checked before the pipeline began).
    private func authorizeObject(fromPipeline: [Int]) throws {
        guard checksEachObject, let authorizer = context.authorizer else { return }
        let newFiles = fromPipeline.contains { declaration.parameters[$0].files != nil }
        guard declaration.securityArea != nil || newFiles else { return }
        let bound = state.bound
        let pipelineBound = bound.filter { fromPipeline.contains($0.key) }
        try authorizer.authorizePipelineObject(
            authorizationRequest(kind: .cmdlet, securityArea: declaration.securityArea,
                                 bound: { [declaration] in Self.named(bound, declaration) },
                                 files: { [declaration] in Self.files(pipelineBound, declaration) }),
            context: context)
    }

    private static func named(_ bound: [Int: PSValue], _ declaration: CmdletDeclaration) -> [(name: String, value: PSValue)] {
        bound.sorted { $0.key < $1.key }.map { (declaration.parameters[$0.key].name, $0.value) }
    }

    private static func files(_ bound: [Int: PSValue], _ declaration: CmdletDeclaration) -> [(name: String, use: FileUse, value: PSValue)] {
        bound.sorted { $0.key < $1.key }.compactMap { index, value in
            let parameter = declaration.parameters[index]
            return parameter.files.map { (parameter.name, $0, value) }
        }
    }

    override func begin() throws {
        try run { try instance.begin(commandContext) }
    }

    override func processWithoutInput() throws {
        try run { try instance.process(commandContext) }
    }

    override func emit(_ value: PSValue) throws {
        inputCount += 1
        if let k = fastPipelineIndex {
            declaration.assign(value, toParameterAt: k, of: instance)
            commandContext.currentInput = value
            if checksEachObject {
                state.bound[k] = value
                try run { try authorizeObject(fromPipeline: [k]) }
            }
            try run { try instance.process(commandContext) }
            return
        }
        // Restore what the previous object bound, then bind this one.
        if !state.boundFromPipeline.isEmpty {
            if fresh == nil { fresh = declaration.makeInstance() }
            for index in state.boundFromPipeline {
                state.bound[index] = nil
                declaration.reset(parameterAt: index, of: instance, from: fresh!)
            }
            state.boundFromPipeline.removeAll(keepingCapacity: true)
        }
        var itemState = state
        guard binder.bindPipelineObject(value, state: &itemState, context: context) else {
            try writeError(ErrorRecord(
                "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
                id: "InputObjectNotBound", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.ParameterBindingException", target: value))
            return
        }
        commandContext.parameterSetName = try binder.finish(&itemState, context: context, extent: extent)
        for index in itemState.boundFromPipeline {
            declaration.assign(itemState.bound[index]!, toParameterAt: index, of: instance)
        }
        state.boundFromPipeline = itemState.boundFromPipeline
        for index in itemState.boundFromPipeline { state.bound[index] = itemState.bound[index] }
        commandContext.currentInput = value
        if itemState.boundFromPipeline.count == 1, binder.bindsEveryObject(itemState.boundFromPipeline[0], sets: itemState.candidateSets) {
            fastPipelineIndex = itemState.boundFromPipeline[0]
        }
        if itemState.boundFromPipeline.count > 0 && commandContext.boundParameters.count != state.bound.count + state.common.count {
            updateBoundParameters()
        }
        try run { try authorizeObject(fromPipeline: itemState.boundFromPipeline) }
        try run { try instance.process(commandContext) }
    }

    override func end() throws {
        try run { try instance.end(commandContext) }
        try storeVariables()
        completed = true
    }

    private func updateBoundParameters() {
        var bound: [CaseInsensitiveKey: PSValue] = [:]
        for (index, value) in state.bound { bound[CaseInsensitiveKey(declaration.parameters[index].name)] = value }
        for (name, value) in state.common { bound[CaseInsensitiveKey(name)] = value }
        commandContext.boundParameters = bound
    }

    /// Runs cmdlet code; Swift errors other than engine errors become terminating errors of this command.
    private func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as RuntimeError {
            let record = error.record
            failure = record
            _ = record.attributed(to: commandName, commandTypeName: error.isScriptTerminating ? nil : declaration.implementingTypeName,
                                  extent: extent)
            throw error
        } catch let flow as ControlFlow {
            throw flow
        } catch {
            throw commandContext.terminatingError("\(error)", id: "UnexpectedError", category: .NotSpecified)
        }
    }
}
