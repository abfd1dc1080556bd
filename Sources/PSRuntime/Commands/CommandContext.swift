import PSLanguage

/// What a running cmdlet sees of the engine: its bound parameters, the output and error streams,
/// ShouldProcess, and the session (variables, location, script block invocation).
public final class CommandContext {
    public let session: ExecutionContext
    public let declaration: CmdletDeclaration
    /// Names of the parameters bound for the current call (command line plus current pipeline object).
    public internal(set) var boundParameters: [CaseInsensitiveKey: PSValue] = [:]
    public internal(set) var parameterSetName: String = ParameterMetadata.allSetsName
    /// True when the command sits after another one in a pipeline (PowerShell's `$MyInvocation.ExpectingInput`).
    public internal(set) var expectingInput: Bool = false
    /// The current pipeline object (`$_` for script blocks run by the cmdlet).
    public internal(set) var currentInput: PSValue?
    /// Where the command was written, for error positions.
    public let extent: SourceExtent?
    unowned let processor: CommandProcessor

    init(session: ExecutionContext, declaration: CmdletDeclaration, extent: SourceExtent?, processor: CommandProcessor) {
        self.session = session
        self.declaration = declaration
        self.extent = extent
        self.processor = processor
    }

    public var commandName: String { declaration.name }

    public func isBound(_ parameter: String) -> Bool { boundParameters[CaseInsensitiveKey(parameter)] != nil }

    /// The role check of one file this command is about to touch (`path` as it will be opened).
    /// Call it at every open, create, list, delete or move, after wildcards and escapes are
    /// resolved; it throws PermissionDenied when the session may not.
    public func authorizeFile(_ path: String, _ use: FileUse) throws {
        try session.authorizeFile(path, use, commandName: commandName, securityArea: declaration.securityArea, extent: extent)
    }

    // MARK: Output

    /// Writes one object to the output, as it is (an array stays one object).
    public func write(_ value: PSValue) throws { try processor.writeOutput(value) }

    /// Writes a value, enumerating collections (PowerShell's `WriteObject(x, enumerateCollection: true)`).
    public func writeEnumerated(_ value: PSValue) throws {
        if let items = value.enumerated {
            for item in items { try processor.writeOutput(item) }
        } else {
            try processor.writeOutput(value)
        }
    }

    /// Writes a non-terminating error; `-ErrorAction`/`$ErrorActionPreference` decide what happens
    /// (it may throw when the preference is Stop).
    public func writeError(_ record: ErrorRecord) throws { try processor.writeError(record) }

    /// Convenience: a non-terminating error from a message, id and category.
    public func writeError(_ message: String, id: String, category: ErrorCategory, target: PSValue? = nil,
                           exceptionType: String = "System.Management.Automation.RuntimeException") throws {
        try writeError(ErrorRecord(message, id: id, category: category, exceptionType: exceptionType, target: target))
    }

    /// A terminating error attributed to this command.
    public func terminatingError(_ message: String, id: String, category: ErrorCategory, target: PSValue? = nil,
                                 exceptionType: String = "System.Management.Automation.RuntimeException") -> RuntimeError {
        let record = ErrorRecord(message, id: id, category: category, exceptionType: exceptionType, target: target)
        return RuntimeError(record.attributed(to: commandName, commandTypeName: declaration.implementingTypeName, extent: extent))
    }

    public func writeWarning(_ message: String) throws { try processor.writeWarning(message) }
    public func writeVerbose(_ message: String) throws { try processor.writeVerbose(message) }
    public func writeDebug(_ message: String) throws { try processor.writeDebug(message) }
    public func writeInformation(_ value: PSValue, tags: [String] = []) throws {
        try processor.writeInformation(value, tags: tags)
    }
    /// `Write-Host`: shown on the host (information stream with the PSHOST tag).
    public func writeHost(_ text: String, newline: Bool = true, foreground: String? = nil, background: String? = nil) throws {
        try processor.writeHost(text, newline: newline, foreground: foreground, background: background)
    }

    /// Stops the commands before this one (`Select-Object -First`): throws, so return right after.
    public func stopUpstream() throws -> Never { throw processor.stopUpstreamSignal() }

    // MARK: ShouldProcess

    /// True when the action should go ahead. With `-WhatIf` prints the "What if:" line and returns
    /// false; with `-Confirm` (or impact ≥ `$ConfirmPreference`) asks the host.
    public func shouldProcess(target: String, action: String) throws -> Bool {
        try processor.shouldProcess(target: target, action: action)
    }

    /// ShouldProcess for a cmdlet with -Force: when `force` is set, no confirmation prompt
    /// (unless -Confirm is given explicitly); -WhatIf still only describes.
    public func shouldProcess(target: String, action: String, force: Bool) throws -> Bool {
        try processor.shouldProcess(target: target, action: action, force: force)
    }

    // MARK: Script blocks

    /// Runs a script block in the current scope (as ForEach-Object does) with `$_` set, and streams
    /// its output into `output`.
    public func invokeInCurrentScope(_ block: ScriptBlock, dollarUnder: PSValue?, arguments: [PSValue] = [],
                                     output: (PSValue) throws -> Void) throws {
        try session.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: arguments, newScope: false,
                                      output: output)
    }

    /// Runs a script block and collects its output.
    public func invoke(_ block: ScriptBlock, dollarUnder: PSValue? = nil, arguments: [PSValue] = [],
                       newScope: Bool = false) throws -> [PSValue] {
        var results: [PSValue] = []
        try session.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: arguments, newScope: newScope) {
            results.append($0)
        }
        return results
    }
}
