import PSRuntime

/// Chooses which functions, variables and aliases a script module exports.
final class ExportModuleMemberCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExportModuleMemberCommand.self, name: "Export-ModuleMember",
        synopsis: "Names the functions, variables and aliases a script module makes available to its importer.",
        description: "Only usable while a .psm1 file is being imported. Once called, only the members it names (wildcards allowed) are exported; without it every function is exported.",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("Export-ModuleMember -Function Get-*, Format-Size", "Exports only these functions.")],
        parameters: [
            Parameter("Function", \.function, position: 0, pipeline: .byPropertyName, help: "Functions to export."),
            Parameter("Variable", \.variable, help: "Variables to export."),
            Parameter("Alias", \.alias, help: "Aliases to export."),
            Parameter("Cmdlet", \.cmdlet, help: "Accepted for compatibility; script modules define no cmdlets."),
        ])

    var function: [String] = []
    var variable: [String] = []
    var alias: [String] = []
    var cmdlet: [String] = []

    func process(_ context: CommandContext) throws {
        let registry = ModuleRegistry.of(context.session)
        guard !registry.pendingExports.isEmpty else {
            throw context.terminatingError("Export-ModuleMember works only inside a script module that is being imported.",
                                           id: "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
                                           category: .PermissionDenied, exceptionType: "System.InvalidOperationException")
        }
        var list = registry.pendingExports[registry.pendingExports.count - 1] ?? ModuleExportList()
        list.functions += function
        list.variables += variable
        list.aliases += alias
        registry.pendingExports[registry.pendingExports.count - 1] = list
    }
}
