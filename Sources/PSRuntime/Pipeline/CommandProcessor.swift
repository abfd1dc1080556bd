import PSLanguage

/// Redirections that apply to one command of a pipeline (`2>&1`, `2>$null`, `3>&1`…).
struct StreamRedirects {
    var mergeErrors = false
    var discardErrors = false
    var mergeWarnings = false
    var discardWarnings = false
    var mergeVerbose = false
    var mergeInformation = false
    var discardInformation = false
    /// Error records go to this file instead of the screen.
    var errorFile: (path: String, append: Bool)?
}

/// Runs one command of a pipeline: binds its arguments, then begin → process (per input object)
/// → end. It is also the `OutputPipe` the previous command writes into. Subclasses implement the
/// three phases for cmdlets, script functions and native programs; this class owns the streams,
/// the common parameters and ShouldProcess.
class CommandProcessor: OutputPipe {
    let context: ExecutionContext
    let commandName: String
    let extent: SourceExtent?
    var downstream: OutputPipe = NullPipe.shared
    var redirects = StreamRedirects()
    /// True when an upstream command feeds this one.
    var expectingInput = false
    /// The command's place in its pipeline, from 1 (shown when asking for mandatory parameters).
    var pipelinePosition = 1
    /// Set when the command wrote an error (for `$?`).
    var hadError = false
    /// Common parameters after binding (`ErrorAction`, `Verbose`, `WhatIf`…).
    var common: [String: PSValue] = [:]
    var supportsShouldProcess = false
    var confirmImpact = ConfirmImpact.Medium
    /// FullyQualifiedErrorId suffix for records this command writes.
    var errorSuffix: String?
    private var yesToAll = false
    private var noToAll = false
    private var outVariable: [PSValue]?
    var errorVariable: [PSValue]?
    var warningVariable: [PSValue]?

    init(context: ExecutionContext, commandName: String, extent: SourceExtent?) {
        self.context = context
        self.commandName = commandName
        self.extent = extent
    }

    /// The audit record of this command, finished when the pipeline ends.
    var audit: CommandAuditRecord?
    /// Set once `end` ran to completion.
    var completed = false
    /// The terminating error that ended this command, if any.
    var failure: ErrorRecord?
    private var lastWrittenError: ErrorRecord?
    /// How many pipeline objects reached this command.
    var inputCount = 0

    // MARK: Life cycle (overridden)

    /// Binds command-line arguments and passes the role check. Every command of a pipeline is
    /// prepared before any of them begins, so a refused command leaves no side effect behind.
    func prepare() throws {}
    /// Runs the begin phase.
    func begin() throws {}
    /// Runs the process phase once, for a command that gets no pipeline input.
    func processWithoutInput() throws {}
    /// Runs the process phase for one input object (this is the `OutputPipe` entry point).
    override func emit(_ value: PSValue) throws {}
    /// Runs the end phase.
    func end() throws {}

    /// Asks the session's authorizer whether this command may run, as bound.
    func authorize(kind: CommandAuthorizationRequest.Kind, securityArea: String?,
                   bound: @escaping () -> [(name: String, value: PSValue)],
                   files: @escaping () -> [(name: String, use: FileUse, value: PSValue)] = { [] }) throws {
        guard let authorizer = context.authorizer else { return }
        audit = try authorizer.authorize(authorizationRequest(kind: kind, securityArea: securityArea, bound: bound, files: files),
                                         context: context)
    }

    func authorizationRequest(kind: CommandAuthorizationRequest.Kind, securityArea: String?,
                              bound: @escaping () -> [(name: String, value: PSValue)],
                              files: @escaping () -> [(name: String, use: FileUse, value: PSValue)]) -> CommandAuthorizationRequest {
        CommandAuthorizationRequest(commandName: commandName, kind: kind, securityArea: securityArea, boundParameters: bound,
                                    fileArguments: files, whatIf: supportsShouldProcess && isWhatIf, extent: extent)
    }

    /// -WhatIf, else `$WhatIfPreference`: the command only describes what it would do.
    var isWhatIf: Bool {
        if let w = common["WhatIf"] { return LanguagePrimitives.isTrue(w) }
        return LanguagePrimitives.isTrue(context.getVariable("WhatIfPreference") ?? .bool(false))
    }

    /// Tells the audit record how the command ended (once).
    func finishAudit() {
        guard let record = audit else { return }
        audit = nil
        record.finish(succeeded: completed && failure == nil && !hadError, error: failure ?? lastWrittenError, inputCount: inputCount)
    }

    /// Called after binding: reads the common parameters into this processor's state.
    func applyCommonParameters() {
        if common["OutVariable"] != nil { outVariable = [] }
        if common["ErrorVariable"] != nil { errorVariable = [] }
        if common["WarningVariable"] != nil { warningVariable = [] }
    }

    /// Stores `-OutVariable`, `-ErrorVariable`, `-WarningVariable` (a leading `+` appends).
    func storeVariables() throws {
        func store(_ name: String, _ items: [PSValue]?) throws {
            guard let items, let spec = common[name] else { return }
            var variable = LanguagePrimitives.toString(spec, context: context)
            var existing: [PSValue] = []
            if variable.hasPrefix("+") {
                variable.removeFirst()
                if let old = context.getVariable(variable) { existing = old.enumerated ?? (old.isNull ? [] : [old]) }
            }
            try context.setVariable(variable, .object(PSArray(existing + items, isList: true)))
        }
        try store("OutVariable", outVariable)
        try store("ErrorVariable", errorVariable)
        try store("WarningVariable", warningVariable)
    }

    // MARK: Output

    func writeOutput(_ value: PSValue) throws {
        outVariable?.append(value)
        try downstream.emit(value)
    }

    private func actionPreference(_ common: String, _ variable: String, default fallback: ActionPreference) -> ActionPreference {
        if let explicit = self.common[common] {
            let text = LanguagePrimitives.toString(explicit, context: context)
            if let p = ActionPreference.allCases.first(where: { $0.rawValue.equalsIgnoringCase(text) }) { return p }
        }
        return context.preference(variable, default: fallback)
    }

    /// A non-terminating error, handled per `-ErrorAction` / `$ErrorActionPreference`.
    func writeError(_ record: ErrorRecord) throws {
        _ = record.attributed(to: commandName, commandTypeName: record.attributeToCaller ? context.runningFunctions.last : errorSuffix,
                              extent: extent)
        let action = actionPreference("ErrorAction", "ErrorActionPreference", default: .Continue)
        lastWrittenError = record
        if action == .Ignore { return }
        hadError = true
        errorVariable?.append(.object(record))
        context.recordError(record)
        if action == .Stop {
            var error = RuntimeError(record)
            error.isScriptTerminating = true
            throw error
        }
        if redirects.mergeErrors {
            try downstream.emit(.object(record))
            return
        }
        if redirects.discardErrors || action == .SilentlyContinue { return }
        if let file = redirects.errorFile {
            try context.appendText(ErrorView.render(record, context: context) + "\n", toFile: file.path, append: true)
            return
        }
        context.displayError(record)
    }

    func writeWarning(_ message: String) throws {
        let action = actionPreference("WarningAction", "WarningPreference", default: .Continue)
        if action == .Ignore { return }
        warningVariable?.append(.string(message))
        for collector in context.warningCollectors { collector(message) }
        if action == .Stop {
            throw RuntimeError("The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: \(message)",
                               id: "ActionPreferenceStop", category: .OperationStopped,
                               exceptionType: "System.Management.Automation.ActionPreferenceStopException")
        }
        if action == .SilentlyContinue || redirects.discardWarnings { return }
        if redirects.mergeWarnings { try downstream.emit(.string("WARNING: " + message)); return }
        context.host.writeDiagnostic("WARNING: \(message)\n", stream: .warning)
    }

    func writeVerbose(_ message: String) throws {
        let on: Bool
        if let v = common["Verbose"] { on = LanguagePrimitives.isTrue(v) } else {
            on = context.preference("VerbosePreference", default: .SilentlyContinue) == .Continue
        }
        guard on else { return }
        if redirects.mergeVerbose { try downstream.emit(.string("VERBOSE: " + message)); return }
        context.host.writeDiagnostic("VERBOSE: \(message)\n", stream: .verbose)
    }

    func writeDebug(_ message: String) throws {
        let on: Bool
        if let v = common["Debug"] { on = LanguagePrimitives.isTrue(v) } else {
            on = context.preference("DebugPreference", default: .SilentlyContinue) == .Continue
        }
        guard on else { return }
        context.host.writeDiagnostic("DEBUG: \(message)\n", stream: .debug)
    }

    func writeInformation(_ value: PSValue, tags: [String]) throws {
        let action = actionPreference("InformationAction", "InformationPreference", default: .SilentlyContinue)
        if action == .Ignore || action == .SilentlyContinue || redirects.discardInformation { return }
        if redirects.mergeInformation { try downstream.emit(value); return }
        context.host.writeOutput(LanguagePrimitives.toString(value, context: context) + "\n")
    }

    func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) throws {
        if let explicit = common["InformationAction"] {
            let a = LanguagePrimitives.toString(explicit, context: context)
            if a.equalsIgnoringCase("Ignore") || a.equalsIgnoringCase("SilentlyContinue") { return }
        }
        if redirects.discardInformation { return }
        if redirects.mergeInformation { try downstream.emit(.string(text)); return }
        if let display = context.informationDisplay { display(text); return }
        context.host.writeHost(text, newline: newline, foreground: foreground, background: background)
    }

    /// An action as words for a sentence: "Remove-CsTrustedApplication" becomes "remove the
    /// trusted application" (the Lync cmdlets name their action after themselves).
    static func readableAction(_ action: String) -> String {
        let parts = action.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].allSatisfy(\.isLetter), parts[1].allSatisfy({ $0.isLetter || $0.isNumber }) else {
            return action.lowercased()
        }
        var noun = String(parts[1])
        if noun.hasPrefix("Cs"), noun.count > 2, noun.dropFirst(2).first?.isUppercase == true { noun.removeFirst(2) }
        var words: [String] = []
        for character in noun {
            if character.isUppercase || words.isEmpty { words.append(String(character)) } else { words[words.count - 1].append(character) }
        }
        let verbs = ["new": "create", "set": "change", "publish": "publish", "install": "install", "update": "update"]
        let verb = parts[0].lowercased()
        return (verbs[verb] ?? verb) + " the " + words.joined(separator: " ").lowercased()
    }

    func stopUpstreamSignal() -> ControlFlow { .stopUpstream(token: ObjectIdentifier(self)) }

    // MARK: ShouldProcess

    /// `force`: a cmdlet's -Force, which skips the confirmation prompt unless -Confirm is given
    /// explicitly (-WhatIf still only describes).
    /// `description`, `warning` and `caption` are ShouldProcess's three-string overload: what
    /// -WhatIf prints, and the question and title of the confirmation prompt.
    func shouldProcess(target: String, action: String, force: Bool = false,
                       description: String? = nil, warning: String? = nil, caption: String? = nil) throws -> Bool {
        let operation = description ?? "Performing the operation \"\(action)\" on target \"\(target)\"."
        if isWhatIf {
            context.host.writeHost("What if: \(operation)", newline: true, foreground: nil, background: nil)
            return false
        }
        let ask: Bool
        if let c = common["Confirm"] {
            ask = LanguagePrimitives.isTrue(c)
        } else if force {
            ask = false
        } else {
            let preference = LanguagePrimitives.toString(context.getVariable("ConfirmPreference") ?? .string("High"), context: context)
            let level = ConfirmImpact.allCases.first { $0.rawValue.equalsIgnoringCase(preference) } ?? .High
            ask = level != .None && confirmImpact >= level
        }
        guard ask else { return true }
        if yesToAll { return true }
        if noToAll { return false }
        guard context.host.isInteractive else {
            throw RuntimeError("The command \(commandName) needs confirmation to \(Self.readableAction(action)) \"\(target)\", but this session is non-interactive. Add -Confirm:$false to go ahead without asking, or -WhatIf to preview.",
                               id: "ConfirmationRequiredInNonInteractiveSession", category: .InvalidOperation,
                               exceptionType: "System.Management.Automation.PSInvalidOperationException", extent: extent)
        }
        while true {
            let question = warning ?? "Are you sure you want to perform this action?\n\(operation)"
            let prompt = "\n\(caption ?? "Confirm")\n\(question)\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
            guard let answer = context.host.readLine(prompt: prompt)?.trimmingCharacters(in: .whitespaces).lowercased() else {
                // Ctrl-C at the question stops the command (nothing changes); end of input is No.
                try PipelineInterrupt.check()
                return false
            }
            switch answer {
            case "", "y": return true
            case "a": yesToAll = true; return true
            case "n": return false
            case "l": noToAll = true; return false
            case "s":
                // pcsh has no nested prompt to suspend into: Suspend stops the pipeline.
                var stop = RuntimeError("The operation was stopped at the confirmation prompt.", id: "PipelineStopped",
                                        category: .OperationStopped, exceptionType: "System.Management.Automation.PipelineStoppedException")
                stop.isScriptTerminating = true
                throw stop
            default:
                context.host.writeHost("Y - Continue with only the next step of the operation.\nA - Continue with all the steps of the operation.\nN - Skip this operation and proceed with the next operation.\nL - Skip this operation and all subsequent operations.\nS - Stop this command.",
                                       newline: true, foreground: nil, background: nil)
            }
        }
    }
}

import Foundation
