import PSRuntime

/// The SYNTAX lines of a command, built from its parameters the way pwsh prints them: one line per
/// parameter set, positional parameters first (by position), then mandatory named ones, then the
/// rest in declaration order; `[-WhatIf] [-Confirm]` and `[<CommonParameters>]` close the line.
enum CommandSyntax {
    /// The lines for a compiled cmdlet.
    static func lines(_ declaration: CmdletDeclaration) -> [String] {
        units(declaration).map { $0.joined(separator: " ") }
    }

    /// The pieces of each line (command name, then one piece per parameter), for wrapping.
    static func units(_ declaration: CmdletDeclaration) -> [[String]] {
        units(name: declaration.name, parameters: declaration.parameters, setNames: declaration.parameterSetNames,
              defaultSet: declaration.defaultParameterSet,
              shouldProcess: declaration.supportsShouldProcess, commonParameters: true)
    }

    /// The pieces of each line for any command whose parameters are known.
    static func units(name: String, parameters: [ParameterMetadata], setNames: [String], defaultSet: String?,
                      shouldProcess: Bool, commonParameters: Bool) -> [[String]] {
        let sets = setNames.isEmpty ? [ParameterMetadata.allSetsName] : setNames
        return sets.map { set in
            let members = parameters.compactMap { p -> (ParameterMetadata, ParameterSetMembership)? in
                guard var m = membership(of: p, in: set) else { return nil }
                if selectsItsSet(p, set, among: parameters, defaultSet: defaultSet) { m.mandatory = true }
                return (p, m)
            }
            let positional = members.filter { $0.1.position != nil && !$0.0.isSwitch }
                .sorted { ($0.1.position ?? 0) < ($1.1.position ?? 0) }
            let named = members.filter { $0.1.position == nil || $0.0.isSwitch }
            let ordered = positional + named.filter { $0.1.mandatory } + named.filter { !$0.1.mandatory }
            var parts = [name] + ordered.map { text(for: $0.0, $0.1) }
            if shouldProcess { parts += ["[-WhatIf]", "[-Confirm]"] }
            if commonParameters { parts.append("[<CommonParameters>]") }
            return parts
        }
    }

    /// A switch that alone distinguishes a non-default set (Where-Object's `-CEQ`) must be given
    /// to choose that set, so the syntax shows it as required, as pwsh does.
    private static func selectsItsSet(_ parameter: ParameterMetadata, _ set: String, among all: [ParameterMetadata],
                                      defaultSet: String?) -> Bool {
        guard parameter.isSwitch, parameter.sets.count == 1, let only = parameter.sets.first,
              only.name != ParameterMetadata.allSetsName, only.name.equalsIgnoringCase(set),
              !(defaultSet.map { $0.equalsIgnoringCase(set) } ?? false) else { return false }
        let exclusive = all.filter { $0.sets.count == 1 && $0.sets[0].name.equalsIgnoringCase(set) }
        return exclusive.count == 1
    }

    /// How a parameter takes part in a set, or nil when it is not in it.
    static func membership(of parameter: ParameterMetadata, in set: String) -> ParameterSetMembership? {
        if parameter.sets.isEmpty { return ParameterSetMembership() }
        if set == ParameterMetadata.allSetsName { return parameter.sets.first }
        return parameter.membership(in: set)
    }

    /// `[-Name] <String>`, `[[-Name] <String>]`, `[-Name <String>]`, `-Name <String>`, `[-Force]`.
    static func text(for parameter: ParameterMetadata, _ membership: ParameterSetMembership) -> String {
        if parameter.isSwitch { return membership.mandatory ? "-\(parameter.name)" : "[-\(parameter.name)]" }
        let type = "<\(parameter.typeName)>"
        if membership.position != nil {
            let core = "[-\(parameter.name)] \(type)"
            return membership.mandatory ? core : "[\(core)]"
        }
        let core = "-\(parameter.name) \(type)"
        return membership.mandatory ? core : "[\(core)]"
    }
}
