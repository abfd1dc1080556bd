import Foundation
import PSRuntime

/// A module imported into the session (or found on `$env:PSModulePath`), and what it exports.
final class LoadedModule {
    enum Kind: String {
        case script = "Script", manifest = "Manifest"
        /// Commands compiled into pcsh (Lync, ActiveDirectory): importing them is a no-op.
        case binary = "Binary"
    }

    let name: String
    /// The file that was loaded (`.psm1` or `.psd1`).
    let path: String
    var kind: Kind
    var version: String
    var description: String
    var exportedFunctions: [String] = []
    var exportedVariables: [String] = []
    var exportedAliases: [String] = []
    var exportedCmdlets: [String] = []
    /// Every function the module defined in the global scope. Those it did not export are there too:
    /// the engine has no per-module session state, and exported functions call them.
    var definedFunctions: [FunctionInfo] = []

    init(name: String, path: String, kind: Kind, version: String = "0.0", description: String = "") {
        self.name = name
        self.path = path
        self.kind = kind
        self.version = version
        self.description = description
    }

    var moduleBase: String { (path as NSString).deletingLastPathComponent }

    /// The `PSModuleInfo` object Get-Module and Import-Module -PassThru write.
    func makeObject() -> PSValue {
        let object = PSObject(typeNames: ["System.Management.Automation.PSModuleInfo", "System.Object"])
        object["ModuleType"] = .string(kind.rawValue)
        object["Version"] = .string(version)
        object["Name"] = .string(name)
        let commands = PSHashtable(ordered: true)
        for command in exportedCmdlets + exportedFunctions + exportedAliases { _ = commands.add(.string(command), .string(command)) }
        object["ExportedCommands"] = .object(commands)
        object["ExportedCmdlets"] = .array(exportedCmdlets.map { .string($0) })
        object["ExportedFunctions"] = .array(exportedFunctions.map { .string($0) })
        object["ExportedVariables"] = .array(exportedVariables.map { .string($0) })
        object["ExportedAliases"] = .array(exportedAliases.map { .string($0) })
        object["Path"] = .string(path)
        object["ModuleBase"] = .string(moduleBase)
        object["Description"] = .string(description)
        return .object(object)
    }
}

/// The modules of one session, kept as a session service.
final class ModuleRegistry {
    private(set) var modules: [LoadedModule] = []
    /// Export-ModuleMember lists of the modules now being loaded (innermost last); nil entries mean
    /// "not called yet", so every function is exported.
    var pendingExports: [ModuleExportList?] = []

    static func of(_ context: ExecutionContext) -> ModuleRegistry {
        if let registry = context.service(ModuleRegistry.self) { return registry }
        let registry = ModuleRegistry()
        context.register(service: registry)
        return registry
    }

    func module(named name: String) -> LoadedModule? {
        modules.first { $0.name.equalsIgnoringCase(name) }
    }

    func add(_ module: LoadedModule) {
        modules.removeAll { $0.name.equalsIgnoringCase(module.name) }
        modules.append(module)
    }

    func remove(_ module: LoadedModule) {
        modules.removeAll { $0 === module }
    }
}

/// What Export-ModuleMember named (wildcards allowed).
struct ModuleExportList {
    var functions: [String] = []
    var variables: [String] = []
    var aliases: [String] = []
}

extension Array where Element == String {
    /// True when any of these wildcard patterns matches `name` (case-insensitive).
    func anyPatternMatches(_ name: String) -> Bool {
        contains { WildcardPattern($0).matches(name) }
    }
}
