import PSLanguage

/// An interactive session asks for missing mandatory parameters, as pwsh does: one line per
/// value (`Name[0]:`, `Name[1]:`, … for arrays, ended by an empty line), `!?` shows the
/// parameter's help, and a leading `!!` stands for a literal `!`. Ctrl-C stops the command.
extension ParameterBinder {
    func promptForMissing(_ missing: [Int], in set: Int, state: inout State, position: Int,
                          context: ExecutionContext, extent: SourceExtent?) throws {
        let host = context.host
        let helps = missing.map { help(for: $0, in: set) }
        var header = "\ncmdlet \(commandName) at command pipeline position \(position)\nSupply values for the following parameters:"
        if helps.contains(where: { !$0.isEmpty }) { header += "\n(Type !? for Help.)" }
        host.writeHost(header, newline: true, foreground: nil, background: nil)
        for (index, help) in zip(missing, helps) {
            let parameter = parameters[index]
            var values: [PSValue] = []
            while true {
                let label = parameter.isCollection ? "\(parameter.name)[\(values.count)]: " : "\(parameter.name): "
                guard let line = host.readLine(prompt: label) else {
                    try PipelineInterrupt.check()
                    // End of input ends a list; with nothing typed the parameter stays missing.
                    if values.isEmpty { return }
                    break
                }
                if line == "!?" {
                    host.writeHost(help.isEmpty ? "No help is available for \(parameter.name)." : help,
                                   newline: true, foreground: nil, background: nil)
                    continue
                }
                if parameter.isCollection && line.isEmpty { break }
                values.append(.string(line.hasPrefix("!!") ? String(line.dropFirst()) : line))
                if !parameter.isCollection { break }
            }
            try requireValue(values, for: parameter, extent: extent)
            let value: PSValue = parameter.isCollection ? .array(values) : values[0]
            state.bound[index] = try convert(value, for: index, context: context, extent: extent)
        }
    }

    /// What `!?` shows: the parameter's HelpMessage in this set, else its help text.
    private func help(for index: Int, in set: Int) -> String {
        let parameter = parameters[index]
        return parameter.membership(in: table.sets[set])?.helpMessage ?? parameter.help
    }

    /// An empty answer does not supply a mandatory parameter (pwsh's wording and ids).
    private func requireValue(_ values: [PSValue], for parameter: ParameterMetadata, extent: SourceExtent?) throws {
        if values.isEmpty {
            throw bindingError("Cannot bind argument to parameter '\(parameter.name)' because it is an empty array.",
                               id: "ParameterArgumentValidationErrorEmptyArrayNotAllowed", extent: extent, category: .InvalidData)
        }
        if !parameter.isCollection, case .string(let text) = values[0], text.isEmpty, !parameter.isSwitch {
            throw bindingError("Cannot bind argument to parameter '\(parameter.name)' because it is an empty string.",
                               id: "ParameterArgumentValidationErrorEmptyStringNotAllowed", extent: extent, category: .InvalidData)
        }
    }
}
