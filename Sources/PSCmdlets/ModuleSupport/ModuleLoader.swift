import Foundation
import PSLanguage
import PSRuntime

/// Finds, loads and unloads modules, and honours `#Requires -Modules`.
public enum ModuleLoader {
    /// Sets `$env:PSModulePath` (when unset) and `$PROFILE` for a new session.
    public static func initializeSession(_ context: ExecutionContext) {
        if (EnvironmentVariable.value("PSModulePath") ?? "").isEmpty {
            let entries = [PcshPaths.userModules] + (PcshPaths.bundledModules.map { [$0] } ?? [])
            setenv("PSModulePath", entries.joined(separator: ":"), 1)
        }
        ModuleFormatView.register(in: context)
        // Scripts run as commands (`./x.ps1`) honour `#Requires -Modules` too.
        context.scriptRequirements = { ast, path, context in
            try ModuleLoader.satisfyRequirements(of: ast, scriptPath: path, context: context)
        }
        context.define(PSVariable(name: "PROFILE", value: .string(PcshPaths.profile)), in: context.globalScope)
        // A command no one has yet may belong to a module on the path (pwsh's auto-loading).
        context.commandAutoloader = { name, context in try ModuleCommandIndex.of(context).autoload(name, context: context) }
    }

    /// Other names scripts import pcsh's compiled-in modules by (the Skype for Business Server
    /// shell's module holds the same cmdlets as Lync's).
    private static let builtinModuleAliases = ["skypeforbusiness": "Lync"]

    /// A module whose commands are compiled in (`Lync`, `ActiveDirectory`, …), as a loaded
    /// module: importing it succeeds and changes nothing. Nil for any other name.
    static func builtinModule(named name: String, context: ExecutionContext) -> LoadedModule? {
        let registry = ModuleRegistry.of(context)
        if let loaded = registry.module(named: name), loaded.kind == .binary { return loaded }
        let moduleName = builtinModuleAliases[name.lowercased()] ?? name
        let cmdlets = context.commands.all.filter { $0.moduleName.equalsIgnoringCase(moduleName) }
        guard let first = cmdlets.first else { return nil }
        let module = LoadedModule(name: name.equalsIgnoringCase(moduleName) ? first.moduleName : name, path: "", kind: .binary,
                                  version: "1.0", description: "Cmdlets compiled into pcsh.")
        module.exportedCmdlets = cmdlets.map(\.name)
        registry.add(module)
        return module
    }

    /// The folders of `$env:PSModulePath`, in order.
    static var searchFolders: [String] {
        (EnvironmentVariable.value("PSModulePath") ?? "")
            .split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    // MARK: Finding

    /// The module file for a name found on `$env:PSModulePath` (manifest preferred), or nil.
    static func findModule(named name: String) -> String? {
        for folder in searchFolders {
            if let file = moduleFile(inFolderNamed: name, under: folder) { return file }
        }
        return nil
    }

    /// Every module on `$env:PSModulePath` (the first of each name).
    static func availableModules() -> [(name: String, path: String)] {
        var found: [(name: String, path: String)] = []
        for folder in searchFolders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries.sorted() where !found.contains(where: { $0.name.equalsIgnoringCase(entry) }) {
                if let file = moduleFile(inModuleFolder: folder + "/" + entry, name: entry) { found.append((entry, file)) }
            }
        }
        return found
    }

    /// `<folder>/<name>/<name>.psd1|.psm1`, or the same inside the newest version subfolder.
    private static func moduleFile(inFolderNamed name: String, under folder: String) -> String? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard let actual = entries.first(where: { $0.equalsIgnoringCase(name) }) else { return nil }
        return moduleFile(inModuleFolder: folder + "/" + actual, name: actual)
    }

    /// The module file of the module folder `moduleFolder` (spelled `name` on disk).
    private static func moduleFile(inModuleFolder moduleFolder: String, name: String) -> String? {
        if let file = moduleFile(inFolder: moduleFolder, baseName: name) { return file }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: moduleFolder)) ?? [])
            .filter { $0.first?.isNumber == true }
            .sorted { versionParts($0).lexicographicallyPrecedes(versionParts($1)) }
        for version in versions.reversed() {
            if let file = moduleFile(inFolder: moduleFolder + "/" + version, baseName: name) { return file }
        }
        return nil
    }

    /// The manifest or script module named after the folder.
    static func moduleFile(inFolder folder: String, baseName: String) -> String? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for ext in [".psd1", ".psm1"] {
            if let file = entries.first(where: { $0.equalsIgnoringCase(baseName + ext) }) { return folder + "/" + file }
        }
        return nil
    }

    static func versionParts(_ text: String) -> [Int] {
        text.split(separator: ".").map { Int($0) ?? 0 }
    }

    // MARK: Loading

    /// How a module is imported.
    struct ImportOptions {
        var force = false
        var prefix = ""
    }

    /// Loads a module file (`.psm1`, `.psd1` or `.ps1`), or returns the loaded one.
    static func importModule(at path: String, context: ExecutionContext, options: ImportOptions = ImportOptions(),
                             output: (PSValue) throws -> Void) throws -> LoadedModule {
        let registry = ModuleRegistry.of(context)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if let existing = registry.module(named: name) {
            if !options.force { return existing }
            unload(existing, context: context)
        }
        let module: LoadedModule
        if path.lowercased().hasSuffix(".psd1") {
            module = try loadManifest(at: path, name: name, context: context, options: options, output: output)
        } else {
            module = LoadedModule(name: name, path: path, kind: .script)
            try loadScriptModule(at: path, into: module, functionFilter: nil, context: context, options: options, output: output)
        }
        registry.add(module)
        return module
    }

    private static func loadManifest(at path: String, name: String, context: ExecutionContext, options: ImportOptions,
                                     output: (PSValue) throws -> Void) throws -> LoadedModule {
        let text = try readText(path, context: context)
        let data: PSHashtable
        do {
            guard let table = try context.evaluate(text).first?.baseValue.asHashtable else { throw invalidManifest(path, "it does not hold a hashtable") }
            data = table
        } catch let error as RuntimeError where error.record.fullyQualifiedErrorId != "Modules_InvalidManifest" {
            throw invalidManifest(path, error.record.message)
        }
        func string(_ key: String) -> String? {
            data[string: key].map { LanguagePrimitives.toString($0, context: context) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func strings(_ key: String) -> [String]? {
            guard let value = data[string: key], !value.isNull else { return nil }
            return (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0, context: context) }
        }
        for required in data[string: "RequiredModules"].map({ $0.enumerated ?? [$0] }) ?? [] {
            let requiredName = required.baseValue.asHashtable?[string: "ModuleName"].map { LanguagePrimitives.toString($0, context: context) }
                ?? LanguagePrimitives.toString(required, context: context)
            if ModuleRegistry.of(context).module(named: requiredName) != nil { continue }
            guard let file = findModule(named: requiredName) else {
                if builtinModule(named: requiredName, context: context) != nil { continue }
                throw invalidManifest(path, "the required module '\(requiredName)' is not loaded and was not found on PSModulePath")
            }
            _ = try importModule(at: file, context: context, output: output)
        }
        let module = LoadedModule(name: name, path: path, kind: .manifest, version: string("ModuleVersion") ?? "0.0",
                                  description: string("Description") ?? "")
        if let root = string("RootModule") ?? string("ModuleToProcess") {
            let rootPath = PathUtilities.normalize(root.hasPrefix("/") ? root : module.moduleBase + "/" + root)
            guard FileManager.default.fileExists(atPath: rootPath) else {
                throw invalidManifest(path, "its root module '\(root)' does not exist")
            }
            module.kind = .script
            try loadScriptModule(at: rootPath, into: module, functionFilter: strings("FunctionsToExport"), context: context,
                                 options: options, output: output)
        }
        return module
    }

    /// Runs a script module in its own script scope and defines its exports in the global scope.
    private static func loadScriptModule(at path: String, into module: LoadedModule, functionFilter: [String]?,
                                         context: ExecutionContext, options: ImportOptions,
                                         output: (PSValue) throws -> Void) throws {
        let block = try context.createScriptBlock(try readText(path, context: context), path: path)
        let registry = ModuleRegistry.of(context)
        registry.pendingExports.append(nil)
        defer { registry.pendingExports.removeLast() }
        var functions: [FunctionInfo] = []
        var variables: [PSVariable] = []
        var aliases: [AliasInfo] = []
        // The module's own scope, below the global scope: its functions run beneath it, so helpers
        // it does not export and its `$script:` variables stay private to the module.
        let moduleScope = Scope(parent: context.globalScope, isScriptScope: true)
        try context.withScope(moduleScope) {
            context.define(PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent)), in: moduleScope)
            context.define(PSVariable(name: "PSCommandPath", value: .string(path)), in: moduleScope)
            do {
                try context.invokeScriptBlock(block, dollarUnder: nil, arguments: [], newScope: false, output: output)
            } catch ControlFlow.exit {
                // `exit` in a module only ends the module script.
            }
            functions = moduleScope.functions.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
            variables = Array(moduleScope.variables.values)
            aliases = Array(moduleScope.aliases.values)
        }
        for function in functions { function.definingScope = moduleScope }
        let requested = registry.pendingExports.last ?? nil
        let global = context.globalScope
        for function in functions {
            var exported = requested.map { $0.functions.anyPatternMatches(function.name) } ?? true
            if let filter = functionFilter, !filter.anyPatternMatches(function.name) { exported = false }
            guard exported else { continue }
            let publicName = prefixed(function.name, with: options.prefix)
            let copy = FunctionInfo(name: publicName, scriptBlock: function.scriptBlock, isFilter: function.isFilter,
                                    options: function.options)
            copy.moduleName = module.name
            copy.definingScope = moduleScope
            context.defineFunction(copy, in: global)
            module.definedFunctions.append(copy)
            module.exportedFunctions.append(publicName)
        }
        if let requested {
            for variable in variables where requested.variables.anyPatternMatches(variable.name) {
                context.define(PSVariable(name: variable.name, value: variable.value), in: global)
                module.exportedVariables.append(variable.name)
            }
            for alias in aliases where requested.aliases.anyPatternMatches(alias.name) {
                context.defineAlias(alias, in: global)
                module.exportedAliases.append(alias.name)
            }
        }
    }

    /// `Get-Thing` with prefix `My` becomes `Get-MyThing`.
    static func prefixed(_ name: String, with prefix: String) -> String {
        guard !prefix.isEmpty else { return name }
        guard let dash = name.firstIndex(of: "-") else { return prefix + name }
        return String(name[...dash]) + prefix + String(name[name.index(after: dash)...])
    }

    /// Removes a module's functions, variables and aliases from the session.
    static func unload(_ module: LoadedModule, context: ExecutionContext) {
        let global = context.globalScope
        // A function redefined since the import is the user's now; leave it.
        for function in module.definedFunctions where global.functions[CaseInsensitiveKey(function.name)] === function {
            context.removeFunction(function.name, from: global)
        }
        for name in module.exportedVariables { _ = context.removeVariable(name, scope: global) }
        for name in module.exportedAliases { context.removeAlias(name, from: global) }
        ModuleRegistry.of(context).remove(module)
    }

    private static func readText(_ path: String, context: ExecutionContext) throws -> String {
        try context.authorizeFile(path, .reads, commandName: "Import-Module")
        guard let text = TextDecoding.contents(ofFile: path) else {
            throw RuntimeError("The module file '\(path)' cannot be read.", id: "Modules_ModuleFileNotFound",
                               category: .ResourceUnavailable, exceptionType: "System.IO.FileNotFoundException",
                               target: .string(path))
        }
        return text
    }

    private static func invalidManifest(_ path: String, _ reason: String) -> RuntimeError {
        RuntimeError("The module manifest '\(path)' cannot be used: \(reason).", id: "Modules_InvalidManifest",
                     category: .ResourceUnavailable, exceptionType: "System.ArgumentException", target: .string(path))
    }
}
