import PSRuntime

/// Lists the loaded modules, or those that could be loaded.
final class GetModuleCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetModuleCommand.self, name: "Get-Module", aliases: ["gmo"],
        synopsis: "Lists the modules loaded in the session, or with -ListAvailable those found on PSModulePath.",
        module: "Microsoft.PowerShell.Core",
        outputTypes: ["System.Management.Automation.PSModuleInfo"],
        examples: [
            HelpExample("Get-Module", "Shows the modules imported so far."),
            HelpExample("Get-Module -ListAvailable Pcsh*", "Shows modules whose names start with Pcsh that can be imported."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, pipeline: .byValue, help: "Module names to show (wildcards allowed)."),
            .switchParameter("ListAvailable", \.listAvailable, help: "Lists modules found in the folders of PSModulePath."),
            .switchParameter("All", \.all, help: "Accepted for compatibility; every module is already listed."),
        ])

    var name: [String] = []
    var listAvailable = false
    var all = false

    func process(_ context: CommandContext) throws {
        let wanted = name.isEmpty ? ["*"] : name
        if listAvailable {
            for entry in ModuleLoader.availableModules() where wanted.anyPatternMatches(entry.name) {
                try context.write(describeAvailable(name: entry.name, path: entry.path, context: context.session).makeObject())
            }
            return
        }
        for module in ModuleRegistry.of(context.session).modules where wanted.anyPatternMatches(module.name) {
            try context.write(module.makeObject())
        }
    }

    /// A module object for a file not loaded: kind and version from the file, no exports known
    /// beyond a manifest's FunctionsToExport.
    private func describeAvailable(name: String, path: String, context: ExecutionContext) -> LoadedModule {
        if let loaded = ModuleRegistry.of(context).module(named: name), loaded.path == path { return loaded }
        let module = LoadedModule(name: name, path: path, kind: path.lowercased().hasSuffix(".psd1") ? .manifest : .script)
        if module.kind == .manifest, let manifest = ManifestPreview(path: path, context: context) {
            module.version = manifest.version ?? module.version
            module.description = manifest.description ?? ""
            module.exportedFunctions = manifest.functions.filter { !WildcardPattern.containsWildcard($0) }
            if manifest.hasRootModule { module.kind = .script }
        }
        return module
    }
}

/// The few manifest fields Get-Module -ListAvailable shows, read without loading the module.
struct ManifestPreview {
    var version: String?
    var description: String?
    var functions: [String] = []
    var hasRootModule = false

    init?(path: String, context: ExecutionContext) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let values = try? context.evaluate(text), let table = values.first?.baseValue.asHashtable else { return nil }
        version = table[string: "ModuleVersion"].map { LanguagePrimitives.toString($0, context: context) }
        description = table[string: "Description"].map { LanguagePrimitives.toString($0, context: context) }
        if let list = table[string: "FunctionsToExport"], !list.isNull {
            functions = (list.enumerated ?? [list]).map { LanguagePrimitives.toString($0, context: context) }
        }
        hasRootModule = table[string: "RootModule"] != nil || table[string: "ModuleToProcess"] != nil
    }
}
