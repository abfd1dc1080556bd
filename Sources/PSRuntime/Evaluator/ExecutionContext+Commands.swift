import Foundation
import PSLanguage

/// What a command name resolves to.
public enum CommandInfo {
    case alias(AliasInfo)
    case function(FunctionInfo)
    case cmdlet(CmdletDeclaration)
    /// A native program found on `$env:PATH` (or by path).
    case application(path: String)
    /// A `.ps1` file (by path).
    case externalScript(path: String)

    public var name: String {
        switch self {
        case .alias(let a): return a.name
        case .function(let f): return f.name
        case .cmdlet(let c): return c.name
        case .application(let p), .externalScript(let p): return (p as NSString).lastPathComponent
        }
    }

    /// PowerShell's CommandType name.
    public var commandType: String {
        switch self {
        case .alias: return "Alias"
        case .function(let f): return f.isFilter ? "Filter" : "Function"
        case .cmdlet: return "Cmdlet"
        case .application: return "Application"
        case .externalScript: return "ExternalScript"
        }
    }
}

extension ExecutionContext {
    /// Defines (or replaces) a function in a scope (the current one by default).
    public func defineFunction(_ function: FunctionInfo, in scope: Scope? = nil) {
        (scope ?? currentScope).functions[CaseInsensitiveKey(function.name)] = function
        epoch &+= 1
    }

    public func removeFunction(_ name: String) -> Bool {
        var s: Scope? = currentScope
        while let current = s {
            if current.functions.removeValue(forKey: CaseInsensitiveKey(name)) != nil { epoch &+= 1; return true }
            s = current.parent
        }
        return false
    }

    /// Removes a function defined in `scope` itself, whatever shadows it from inner scopes.
    @discardableResult
    public func removeFunction(_ name: String, from scope: Scope) -> Bool {
        guard scope.functions.removeValue(forKey: CaseInsensitiveKey(name)) != nil else { return false }
        epoch &+= 1
        return true
    }

    /// Removes an alias defined in `scope` itself.
    @discardableResult
    public func removeAlias(_ name: String, from scope: Scope) -> Bool {
        guard scope.aliases.removeValue(forKey: CaseInsensitiveKey(name)) != nil else { return false }
        epoch &+= 1
        return true
    }

    /// Defines (or replaces) an alias in a scope (the current one by default).
    public func defineAlias(_ alias: AliasInfo, in scope: Scope? = nil) {
        (scope ?? currentScope).aliases[CaseInsensitiveKey(alias.name)] = alias
        epoch &+= 1
    }

    public func function(named name: String) -> FunctionInfo? {
        let key = CaseInsensitiveKey(name)
        var s: Scope? = currentScope
        while let current = s {
            if let f = current.functions[key] { return f }
            s = current.parent
        }
        return nil
    }

    public func alias(named name: String) -> AliasInfo? {
        let key = CaseInsensitiveKey(name)
        var s: Scope? = currentScope
        while let current = s {
            if let a = current.aliases[key] { return a }
            s = current.parent
        }
        return nil
    }

    /// Functions visible from the current scope, by name.
    public func visibleFunctions() -> [FunctionInfo] {
        var seen = Set<CaseInsensitiveKey>()
        var result: [FunctionInfo] = []
        var s: Scope? = currentScope
        while let current = s {
            for (k, f) in current.functions where seen.insert(k).inserted { result.append(f) }
            s = current.parent
        }
        return result.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Aliases visible from the current scope, by name.
    public func visibleAliases() -> [AliasInfo] {
        var seen = Set<CaseInsensitiveKey>()
        var result: [AliasInfo] = []
        var s: Scope? = currentScope
        while let current = s {
            for (k, a) in current.aliases where seen.insert(k).inserted { result.append(a) }
            s = current.parent
        }
        return result.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Resolves a command name the way PowerShell does: alias → function → cmdlet → script
    /// file or native program (by path, or on `$env:PATH`). Aliases resolve to their target.
    public func resolveCommand(_ name: String, followAliases: Bool = true) -> CommandInfo? {
        var current = name
        var hops = 0
        while hops < 32 {
            if let a = alias(named: current) {
                if !followAliases { return .alias(a) }
                current = a.definition
                hops += 1
                continue
            }
            break
        }
        if let f = function(named: current) { return .function(f) }
        if let c = commands.cmdlet(named: current) { return .cmdlet(c) }
        // Module-qualified names: Microsoft.PowerShell.Utility\Write-Output
        if let slash = current.lastIndex(of: "\\"), !current.contains("/") {
            let bare = String(current[current.index(after: slash)...])
            if let c = commands.cmdlet(named: bare) { return .cmdlet(c) }
        }
        return resolveExternal(current)
    }

    /// A `.ps1` script or an executable, by path or on `$env:PATH`.
    public func resolveExternal(_ name: String) -> CommandInfo? {
        let fm = FileManager.default
        if name.contains("/") || name.contains("\\") {
            let full = resolvePath(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else {
                if !name.lowercased().hasSuffix(".ps1"), fm.fileExists(atPath: full + ".ps1") {
                    return .externalScript(path: full + ".ps1")
                }
                return nil
            }
            if full.lowercased().hasSuffix(".ps1") { return .externalScript(path: full) }
            return fm.isExecutableFile(atPath: full) ? .application(path: full) : nil
        }
        if name.lowercased().hasSuffix(".ps1") { return nil }
        let pathVar = EnvironmentVariable.value("PATH") ?? "/usr/bin:/bin"
        for dir in pathVar.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: candidate) {
                return .application(path: candidate)
            }
        }
        return nil
    }
}
