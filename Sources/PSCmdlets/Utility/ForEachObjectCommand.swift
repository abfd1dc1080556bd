import PSRuntime

/// Runs script blocks for each pipeline object, or reads a property / calls a method on it.
final class ForEachObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ForEachObjectCommand.self, name: "ForEach-Object", aliases: ["%", "foreach"],
        synopsis: "Runs a script block for each input object, or gets a property or calls a method of each.",
        description: "The -Process blocks run in the current scope with $_ set to the current object. With two or more positional blocks the first is the begin block, and with three or more the last is the end block. With -MemberName, each object's property value or method result is written.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "ScriptBlockSet", supportsShouldProcess: true,
        confirmImpact: .Low,
        examples: [HelpExample("1..3 | ForEach-Object { $_ * 2 }", "Doubles each number."),
                   HelpExample("1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }", "Adds the numbers."),
                   HelpExample("'a', 'b' | ForEach-Object ToUpper", "Calls a method on each string.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The object to process."),
            Parameter("Begin", \.beginBlock, sets: ["ScriptBlockSet"], help: "Runs once before any input."),
            Parameter("Process", \.processBlocks, position: 0, mandatory: true, sets: ["ScriptBlockSet"],
                      help: "Runs for each input object."),
            Parameter("End", \.endBlock, sets: ["ScriptBlockSet"], help: "Runs once after all input."),
            Parameter("RemainingScripts", \.remainingScripts, sets: ["ScriptBlockSet"], remaining: true,
                      help: "More blocks given by position (see the description)."),
            Parameter("MemberName", \.memberName, position: 0, mandatory: true, sets: ["PropertyAndMethodSet"],
                      help: "The property to get or the method to call."),
            Parameter("ArgumentList", \.argumentList, sets: ["PropertyAndMethodSet"], remaining: true, aliases: ["Args"],
                      help: "Arguments for the method."),
            Parameter("Parallel", \.parallel, mandatory: true, sets: ["ParallelParameterSet"],
                      help: "Runs the block in parallel (not supported by pcsh)."),
            Parameter("ThrottleLimit", \.throttleLimit, sets: ["ParallelParameterSet"], help: "Parallel blocks at once.",
                      defaultValue: "5"),
            Parameter("TimeoutSeconds", \.timeoutSeconds, sets: ["ParallelParameterSet"], help: "Stops parallel work after this time."),
            .switchParameter("AsJob", \.asJob, sets: ["ParallelParameterSet"], help: "Returns a job for the parallel work."),
            .switchParameter("UseNewRunspace", \.useNewRunspace, sets: ["ParallelParameterSet"],
                             help: "Uses a fresh runspace per parallel block."),
        ])

    var inputObject: PSValue = .null
    var beginBlock: ScriptBlock?
    var processBlocks: [ScriptBlock?] = []
    var endBlock: ScriptBlock?
    var remainingScripts: [ScriptBlock?] = []
    var memberName = ""
    var argumentList: [PSValue] = []
    var parallel: ScriptBlock?
    var throttleLimit = 5
    var timeoutSeconds = 0
    var asJob = false
    var useNewRunspace = false

    /// Blocks run per object (after the begin/end split of positional blocks); nil ones are skipped.
    private var perObject: [ScriptBlock?] = []
    private var finalBlock: ScriptBlock?

    func begin(_ context: CommandContext) throws {
        switch context.parameterSetName {
        case "ParallelParameterSet":
            throw context.terminatingError("ForEach-Object -Parallel is not supported by pcsh; use -Process instead.",
                                           id: "ParallelNotSupported", category: .NotImplemented,
                                           exceptionType: "System.Management.Automation.PSNotSupportedException")
        case "PropertyAndMethodSet":
            return
        default:
            break
        }
        if context.isBound("WhatIf") || context.isBound("Confirm") {
            throw context.terminatingError("-WhatIf and -Confirm work only with -MemberName.",
                                           id: "NoShouldProcessForScriptBlockSet", category: .InvalidOperation,
                                           exceptionType: "System.InvalidOperationException")
        }
        // PowerShell's rule: all the blocks form one list, -Begin (even $null) in front, a $null
        // -Process as one empty entry. With two or more entries the first is the begin block;
        // unless -End was given (even $null), with three or more the last is the end block.
        var scripts: [ScriptBlock?] = []
        if context.isBound("Begin") { scripts.append(beginBlock) }
        scripts += processBlocks.isEmpty && context.isBound("Process") ? [nil] : processBlocks
        scripts += remainingScripts
        let start = scripts.count > 1 ? 1 : 0
        var end = scripts.count
        finalBlock = endBlock
        if !context.isBound("End"), scripts.count > 2 {
            end = scripts.count - 1
            finalBlock = scripts[end]
        }
        perObject = Array(scripts[min(start, end)..<end])
        if end >= 2, let begin = scripts[0] {
            try context.invokeInCurrentScope(begin, dollarUnder: nil) { try context.write($0) }
        }
    }

    func process(_ context: CommandContext) throws {
        if context.parameterSetName == "PropertyAndMethodSet" {
            try processMember(context)
            return
        }
        let current = inputObject
        for case let block? in perObject {
            try context.invokeInCurrentScope(block, dollarUnder: current) { try context.write($0) }
        }
    }

    func end(_ context: CommandContext) throws {
        guard let finalBlock else { return }
        try context.invokeInCurrentScope(finalBlock, dollarUnder: nil) { try context.write($0) }
    }

    /// `ForEach-Object Name` / `ForEach-Object ToUpper` / `ForEach-Object Split ','`.
    private func processMember(_ context: CommandContext) throws {
        let target = inputObject
        if target.isNull {
            if !argumentList.isEmpty {
                try context.writeError("You cannot call a method on a null-valued expression.", id: "InvokeMethodOnNull",
                                       category: .InvalidArgument, target: target,
                                       exceptionType: "System.Management.Automation.PSArgumentException")
            } else {
                try context.write(.null)
            }
            return
        }
        if !argumentList.isEmpty {
            try callMethod(on: target, context)
            return
        }
        if let table = target.baseValue.asHashtable, let value = table[string: memberName] {
            try context.writeEnumerated(value)
            return
        }
        if !Members.hasProperty(target, memberName) {
            // Not a known property: try it as a method without arguments first.
            do {
                try context.writeEnumerated(try Members.invokeMethod(target, memberName, [], context: context.session))
                return
            } catch let error as RuntimeError where error.record.errorId != "MethodNotFound" {
                try context.writeError(ErrorRecord(exception: error.record.exception, errorId: "MethodInvocationError",
                                                   category: .InvalidOperation, targetObject: target))
                return
            } catch is RuntimeError {
                // Fall through to a property read (`$null` when there is none, as PowerShell writes).
            }
        }
        try context.writeEnumerated(try UtilityProperties.value(of: target, memberName, context: context.session))
    }

    private func callMethod(on target: PSValue, _ context: CommandContext) throws {
        do {
            try context.writeEnumerated(try Members.invokeMethod(target, memberName, argumentList, context: context.session))
        } catch let error as RuntimeError {
            if error.record.errorId == "MethodNotFound" {
                try context.writeError("The input object has no method named '\(memberName)'.", id: "MethodNotFound",
                                       category: .InvalidArgument, target: target,
                                       exceptionType: "System.Management.Automation.PSArgumentException")
            } else {
                try context.writeError(ErrorRecord(exception: error.record.exception, errorId: "MethodInvocationError",
                                                   category: .InvalidOperation, targetObject: target))
            }
        }
    }
}
