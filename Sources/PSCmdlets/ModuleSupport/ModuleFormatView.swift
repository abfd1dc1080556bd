import PSRuntime

/// The table pwsh shows for module objects: ModuleType, Version, Name and the exported commands.
enum ModuleFormatView {
    static func register(in context: ExecutionContext) {
        DefaultFormatter.of(context).views.register(ViewDefinition(
            name: "Module", typeNames: ["System.Management.Automation.PSModuleInfo"],
            control: .table([
                .property("ModuleType", width: 10),
                .property("Version", width: 10),
                .property("Name", width: 25),
                TableColumnDefinition(spec: TableColumnSpec(label: "ExportedCommands", width: nil, alignment: .left)) { value, context in
                    guard let commands = FormatTypeNames.property("ExportedCommands", of: value, context: context)?.baseValue.asHashtable
                    else { return .string("{}") }
                    let names = commands.keys.map { LanguagePrimitives.toString($0, context: context) }
                    return .string("{" + names.joined(separator: ", ") + "}")
                },
            ])))
    }
}
