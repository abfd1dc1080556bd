import Foundation
import PSRuntime

/// Loads script modules and manifests into the session.
final class ImportModuleCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ImportModuleCommand.self, name: "Import-Module", aliases: ["ipmo"],
        synopsis: "Loads a module (by name from PSModulePath, or by path) and makes its commands available.",
        description: "A name is looked up in the folders of $env:PSModulePath; a path may point at a .psm1 script module, a .psd1 manifest or a module folder. Functions the module exports are defined in the global scope.",
        module: "Microsoft.PowerShell.Core",
        outputTypes: ["System.Management.Automation.PSModuleInfo"],
        examples: [
            HelpExample("Import-Module PcshSample", "Loads the sample module shipped with pcsh."),
            HelpExample("Import-Module ./Tools/Tools.psm1 -Force -PassThru", "Reloads a module from a file and writes its module object."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byValue,
                      files: .reads, help: "Names of modules, paths of module files or folders, or module objects (from Get-Module)."),
            .switchParameter("Force", \.force, help: "Loads the module again even when it is already loaded."),
            .switchParameter("PassThru", \.passThru, help: "Writes the module object."),
            .switchParameter("Global", \.global, help: "Imports into the global scope (what pcsh always does)."),
            Parameter("Prefix", \.prefix, help: "Text inserted before the noun of each imported command."),
        ])

    var name: [PSValue] = []
    var force = false
    var passThru = false
    var global = false
    var prefix = ""

    func process(_ context: CommandContext) throws {
        for item in name {
            let entry = ModuleReference.text(of: item, context: context.session)
            guard let file = locate(entry, context: context.session) else {
                if let builtin = ModuleLoader.builtinModule(named: entry, context: context.session) {
                    if passThru { try context.write(builtin.makeObject()) }
                    continue
                }
                try context.writeError(
                    "The module '\(entry)' was not loaded: no module file was found for it in any folder of PSModulePath.",
                    id: "Modules_ModuleNotFound", category: .ResourceUnavailable,
                    target: .string(entry), exceptionType: "System.IO.FileNotFoundException")
                continue
            }
            let options = ModuleLoader.ImportOptions(force: force, prefix: prefix)
            let module: LoadedModule
            do {
                module = try ModuleLoader.importModule(at: file, context: context.session, options: options) { try context.write($0) }
            } catch let error as RuntimeError where error.record.errorId.hasPrefix("Modules_") {
                // The loader's own errors belong to Import-Module; errors the module script raised keep theirs.
                _ = error.record.attributed(to: context.commandName,
                                            commandTypeName: context.declaration.implementingTypeName, extent: context.extent)
                throw error
            }
            if passThru { try context.write(module.makeObject()) }
        }
    }

    /// The module file for a name or a path.
    private func locate(_ entry: String, context: ExecutionContext) -> String? {
        let lower = entry.lowercased()
        let looksLikePath = entry.contains("/") || lower.hasSuffix(".psm1") || lower.hasSuffix(".psd1") || lower.hasSuffix(".ps1")
        if looksLikePath {
            let full = context.resolvePath(entry)
            if PcshPaths.isDirectory(full) {
                return ModuleLoader.moduleFile(inFolder: full, baseName: (full as NSString).lastPathComponent)
            }
            return FileManager.default.fileExists(atPath: full) ? full : nil
        }
        return ModuleLoader.findModule(named: entry)
    }
}
