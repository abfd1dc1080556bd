import PSRuntime

/// Sets (creating when needed) variables.
final class SetVariableCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetVariableCommand.self, name: "Set-Variable", aliases: ["set"],
        synopsis: "Sets the value of a variable, creating it when it does not exist.",
        description: "Without -Scope the variable of the current scope is set. Pipeline input becomes the value (all of it, as an array, when there are several objects).",
        supportsShouldProcess: true,
        outputTypes: ["System.Management.Automation.PSVariable"],
        examples: [
            HelpExample("Set-Variable -Name total -Value 10", "Sets $total to 10."),
            HelpExample("Get-ChildItem | Set-Variable files", "Stores the pipeline output in $files."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "Names of the variables; wildcards change matching existing variables."),
            Parameter("Value", \.value, position: 1, pipeline: [.byValue, .byPropertyName], help: "The new value."),
            Parameter("Include", \.include, help: "Only variables whose names match one of these patterns."),
            Parameter("Exclude", \.exclude, help: "Leaves out variables whose names match one of these patterns."),
            Parameter("Description", \.descriptionText, help: "A description for the variable."),
            Parameter("Option", \.option, help: "Options: None, ReadOnly, Constant, Private, AllScope."),
            .switchParameter("Force", \.force, help: "Changes read-only variables too."),
            Parameter("Visibility", \.visibility, validate: [.set(["Public", "Private"], ignoreCase: true)],
                      help: "Whether the variable is visible outside the session state (accepted, not enforced)."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the variable."),
            Parameter("Scope", \.scope, help: "The scope to set the variable in: Global, Script, Local or a number of levels up."),
        ])

    var name: [String] = []
    var value: PSValue = .null
    var include: [String] = []
    var exclude: [String] = []
    var descriptionText: String?
    var option: ScopedItemOptionsArgument?
    var force = false
    var visibility: String?
    var passThru = false
    var scope: String?

    private var collected: [PSValue] = []
    private var valueFromCommandLine: PSValue?

    func begin(_ context: CommandContext) throws {
        if context.isBound("Value") { valueFromCommandLine = value }
    }

    func process(_ context: CommandContext) throws {
        if context.expectingInput {
            collected.append(value)
        } else {
            try setVariables(context.isBound("Value") ? value : nil, context)
        }
    }

    func end(_ context: CommandContext) throws {
        guard context.expectingInput else { return }
        if collected.isEmpty {
            try setVariables(valueFromCommandLine, context)
        } else {
            try setVariables(collected.count == 1 ? collected[0] : .array(collected), context)
        }
    }

    /// Sets every named variable; `newValue` nil leaves existing values alone.
    private func setVariables(_ newValue: PSValue?, _ context: CommandContext) throws {
        let targetScope = try VariableCmdletSupport.scope(scope, context) ?? context.session.currentScope
        for pattern in name {
            if WildcardPattern.containsWildcard(pattern) {
                let existing = VariableCmdletSupport.matching(pattern, include: include, exclude: exclude,
                                                              in: VariableCmdletSupport.candidates(in: targetScope, context))
                for variable in existing { try update(variable, newValue, context) }
                continue
            }
            if !VariableCmdletSupport.matching(pattern, include: include, exclude: exclude,
                                               in: [PSVariable(name: pattern, value: .null)]).isEmpty {
                if let variable = targetScope.localVariable(pattern) {
                    try update(variable, newValue, context)
                } else {
                    try create(pattern, newValue ?? .null, in: targetScope, context)
                }
            }
        }
    }

    private func update(_ variable: PSVariable, _ newValue: PSValue?, _ context: CommandContext) throws {
        guard VariableCmdletSupport.isWritable(variable, force: force) else {
            try context.writeError(VariableCmdletSupport.notWritable(variable.name))
            return
        }
        let target = VariableCmdletSupport.target(variable.name, value: newValue ?? variable.value, context)
        guard try context.shouldProcess(target: target, action: "Set variable") else { return }
        if let newValue { try VariableCmdletSupport.store(newValue, in: variable, force: force, context) }
        if let descriptionText { variable.description = descriptionText }
        if let option { variable.options = option.options }
        if passThru { try context.write(VariableCmdletSupport.object(for: variable)) }
    }

    private func create(_ variableName: String, _ newValue: PSValue, in targetScope: Scope, _ context: CommandContext) throws {
        let target = VariableCmdletSupport.target(variableName, value: newValue, context)
        guard try context.shouldProcess(target: target, action: "Set variable") else { return }
        let variable = PSVariable(name: variableName, value: newValue, options: option?.options ?? [],
                                  description: descriptionText ?? "")
        context.session.define(variable, in: targetScope)
        if passThru { try context.write(VariableCmdletSupport.object(for: variable)) }
    }
}
