import PSRuntime

/// Unloads modules: their exported functions, variables and aliases leave the session.
final class RemoveModuleCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveModuleCommand.self, name: "Remove-Module", aliases: ["rmo"],
        synopsis: "Unloads modules and removes the commands they exported.",
        module: "Microsoft.PowerShell.Core", supportsShouldProcess: true,
        examples: [HelpExample("Remove-Module PcshSample", "Removes the sample module's functions from the session.")],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byValue,
                      help: "Names of the modules to remove (wildcards allowed), or module objects."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility."),
        ])

    var name: [PSValue] = []
    var force = false

    func process(_ context: CommandContext) throws {
        let registry = ModuleRegistry.of(context.session)
        for item in name {
            let entry = ModuleReference.name(of: item, context: context.session)
            let matches = registry.modules.filter { [entry].anyPatternMatches($0.name) }
            if matches.isEmpty {
                if !WildcardPattern.containsWildcard(entry) {
                    try context.writeError("No module named '\(entry)' is loaded, so none was removed.",
                                           id: "Modules_NoModulesRemoved", category: .ResourceUnavailable,
                                           target: .string(entry), exceptionType: "System.InvalidOperationException")
                }
                continue
            }
            for module in matches where try context.shouldProcess(target: module.name, action: "Remove-Module") {
                ModuleLoader.unload(module, context: context.session)
            }
        }
    }
}
