import Foundation
import PSLanguage

/// One engine session: scopes and variables, the command table, the current location, the host,
/// and the automatic state (`$?`, `$Error`, `$LASTEXITCODE`). Confined to the thread that runs it.
public final class ExecutionContext {
    public let globalScope: Scope
    public internal(set) var currentScope: Scope {
        didSet { currentScopeID = ObjectIdentifier(currentScope) }
    }
    /// The current scope's identity, kept beside it so variable sites compare scopes without
    /// retaining them (the hottest read in a loop).
    private(set) var currentScopeID: ObjectIdentifier
    public var host: HostUI
    public let commands: CommandTable
    /// The current directory (`Get-Location`), always absolute.
    public var location: String
    /// `$?`: whether the last command succeeded.
    public var lastStatus = true
    /// `$Error`, newest first.
    public let errorList = PSArray([], isList: true)
    /// Bumped whenever a scope is created or a variable/function/alias is added or removed;
    /// compiled variable and command sites cache lookups against it.
    var epoch = 0
    /// Turns a failing command's records into text for hosts and `Out-String` (set by the cmdlets layer).
    public var formatter: ValueFormatter?
    /// The role check in front of every command (nil: everything is allowed).
    public var authorizer: Authorizer?
    /// Full or constrained language (a role-restricted session).
    public var languageMode = PSLanguageMode.fullLanguage
    /// Checks a script's `#Requires` lines before it runs (the module layer installs it).
    public var scriptRequirements: ((ScriptBlockAst, String?, ExecutionContext) throws -> Void)?
    /// Maps paths of another system (Windows drive and UNC paths) to local ones; nil for a path
    /// it does not map. Every path a command resolves goes through it (the deployment installs it).
    public var foreignPathMapper: ((String) -> String?)?
    /// Imports a module that provides a command no one has yet; true when it did (the module
    /// layer installs it).
    public var commandAutoloader: ((String, ExecutionContext) throws -> Bool)?
    /// Depth of active `try` blocks and traps: inside one, statement-terminating errors propagate
    /// to the handler instead of being reported and skipped.
    var handlerDepth = 0
    /// Output of a value being collected when `return` cut it short, for the statement list
    /// around it to write (see `Compiler.capture`).
    var returnedOutput: [PSValue] = []
    /// Where errors that no handler takes are shown (the host's error stream by default;
    /// redirections replace it).
    public var errorDisplay: ((ErrorRecord) -> Void)?
    /// Where Write-Host text of commands inside a function or script goes when that call's
    /// information stream is redirected (`6>$null`, `6>&1`); nil for the host.
    var informationDisplay: ((String) -> Void)?
    /// `-ErrorVariable` of the advanced functions now running: each sees every error recorded inside.
    var errorCollectors: [(ErrorRecord) -> Void] = []
    /// The same for `-WarningVariable`: each sees every warning written inside.
    var warningCollectors: [(String) -> Void] = []
    /// Names of the functions and scripts now running, innermost last.
    var runningFunctions: [String] = []
    /// Services the host registers for cmdlets of later layers (keyed by type).
    private var services: [ObjectIdentifier: Any] = [:]
    /// True once any scope has set a strict mode: until then the checks skip the scope walk.
    var strictModeEverSet = false
    /// Nested script calls, to stop runaway recursion cleanly.
    var callDepth = CallDepthGuard()
    /// Classes and enums scripts defined, by name.
    var scriptTypes: [CaseInsensitiveKey: PSTypeInfo] = [:]
    /// Namespaces named by `using namespace`, tried as prefixes of type names.
    var usingNamespaces: [String] = []

    public init(host: HostUI, commands: CommandTable, location: String = FileManager.default.currentDirectoryPath) {
        self.host = host
        self.commands = commands
        self.location = location
        let global = Scope(parent: nil, isScriptScope: true)
        self.globalScope = global
        self.currentScope = global
        self.currentScopeID = ObjectIdentifier(global)
        AutomaticVariables.install(in: self)
    }

    // MARK: Services

    public func register<T>(service: T) { services[ObjectIdentifier(T.self)] = service }
    public func service<T>(_ type: T.Type) -> T? { services[ObjectIdentifier(type)] as? T }

    // MARK: Variables

    /// Finds a variable by (optionally qualified) name, searching the scope chain.
    public func lookupVariable(_ name: String) -> PSVariable? {
        let path = VariablePath(parsing: name)
        return lookupVariable(path)
    }

    public func lookupVariable(_ path: VariablePath) -> PSVariable? {
        let key = CaseInsensitiveKey(path.name)
        switch path.qualifier {
        case "global": return globalScope.variables[key]
        case "script": return scriptScope.variables[key] ?? lookup(key, from: scriptScope)
        case "local", "private": return currentScope.variables[key]
        default: return lookup(key, from: currentScope)
        }
    }

    func lookup(_ key: CaseInsensitiveKey, from scope: Scope) -> PSVariable? {
        var s: Scope? = scope
        let start = scope
        while let current = s {
            if let v = current.variables[key], current === start || !v.options.contains(.private) { return v }
            s = current.parent
        }
        return nil
    }

    /// The value of a variable (`$env:X` included), or nil when it does not exist.
    public func getVariable(_ name: String) -> PSValue? {
        let path = VariablePath(parsing: name)
        if path.qualifier == "env" {
            return EnvironmentVariable.value(path.name).map { .string($0) }
        }
        return lookupVariable(path)?.value
    }

    /// Sets a variable in the scope its qualifier names (current scope when unqualified),
    /// creating it there when needed. Throws for read-only and constant variables.
    public func setVariable(_ name: String, _ value: PSValue) throws {
        try setVariable(VariablePath(parsing: name), value)
    }

    public func setVariable(_ path: VariablePath, _ value: PSValue) throws {
        if path.qualifier == "env" {
            let text = LanguagePrimitives.toString(value, context: self)
            if value.isNull || text.isEmpty { unsetenv(path.name) } else { setenv(path.name, text, 1) }
            return
        }
        let scope = targetScope(for: path.qualifier)
        if let existing = scope.variables[CaseInsensitiveKey(path.name)] {
            try assign(value, to: existing)
        } else {
            define(PSVariable(name: path.name, value: value), in: scope)
        }
    }

    /// Assigns honouring read-only/constant flags, type constraints and validators.
    public func assign(_ value: PSValue, to variable: PSVariable) throws {
        if variable.options.contains(.constant) || variable.options.contains(.readOnly) {
            throw RuntimeError("Cannot overwrite variable \(variable.name) because it is read-only or constant.",
                               id: "VariableNotWritable", category: .WriteError,
                               exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                               target: .string(variable.name))
        }
        var converted = value
        if let type = variable.typeConstraint {
            converted = try LanguagePrimitives.convert(value, to: type, context: self)
        }
        if !variable.validators.isEmpty {
            try ParameterValidation.validate(converted, with: variable.validators, context: self) { message in
                RuntimeError("The variable cannot be validated because the value \(LanguagePrimitives.toString(converted, context: self)) is not a valid value for the \(variable.name) variable. \(message)",
                             id: "ValidateSetFailure", category: .MetadataError,
                             exceptionType: "System.Management.Automation.ValidationMetadataException")
            }
        }
        variable.value = converted
    }

    /// Adds a variable to a scope (replacing one of the same name).
    public func define(_ variable: PSVariable, in scope: Scope? = nil) {
        let target = scope ?? currentScope
        if let old = target.variables[CaseInsensitiveKey(variable.name)] { old.isRemoved = true }
        target.variables[CaseInsensitiveKey(variable.name)] = variable
        epoch &+= 1
    }

    /// Removes a variable from the scope that holds it; returns false when there is none.
    @discardableResult
    public func removeVariable(_ name: String, scope: Scope? = nil) -> Bool {
        let path = VariablePath(parsing: name)
        let key = CaseInsensitiveKey(path.name)
        var s: Scope? = scope ?? targetScope(for: path.qualifier)
        while let current = s {
            if let v = current.variables.removeValue(forKey: key) {
                v.isRemoved = true
                epoch &+= 1
                return true
            }
            if scope != nil { break }
            s = current.parent
        }
        return false
    }

    /// The scope a qualifier names: `global`, `script`, `local`/`private`/none → current.
    public func targetScope(for qualifier: String?) -> Scope {
        switch qualifier {
        case "global": return globalScope
        case "script": return scriptScope
        default: return currentScope
        }
    }

    /// A scope by PowerShell's `-Scope` argument: `Global`, `Script`, `Local`, or a number of levels up.
    public func scope(named argument: String) -> Scope? {
        switch argument.lowercased() {
        case "global": return globalScope
        case "script": return scriptScope
        case "local", "private": return currentScope
        default:
            guard let levels = Int(argument), levels >= 0 else { return nil }
            var s: Scope? = currentScope
            for _ in 0..<levels { s = s?.parent }
            return s
        }
    }

    /// The nearest enclosing script scope (the global scope at top level).
    public var scriptScope: Scope {
        var s: Scope? = currentScope
        while let current = s {
            if current.isScriptScope { return current }
            s = current.parent
        }
        return globalScope
    }

    /// Every variable visible from the current scope, nearest definition first.
    public func visibleVariables() -> [PSVariable] {
        var seen = Set<CaseInsensitiveKey>()
        var result: [PSVariable] = []
        var s: Scope? = currentScope
        while let current = s {
            for (key, v) in current.variables where !seen.contains(key) {
                if current !== currentScope && v.options.contains(.private) { continue }
                seen.insert(key)
                result.append(v)
            }
            s = current.parent
        }
        return result.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Runs `body` with `scope` as the current scope (a module's scope, for instance).
    public func withScope<T>(_ scope: Scope, _ body: () throws -> T) rethrows -> T {
        let saved = currentScope
        currentScope = scope
        epoch &+= 1
        defer { currentScope = saved }
        return try body()
    }

    // MARK: Preferences

    /// A preference variable's value as an `ActionPreference` (`$ErrorActionPreference`…).
    public func preference(_ name: String, default fallback: ActionPreference) -> ActionPreference {
        guard let value = lookupVariable(VariablePath(qualifier: nil, name: name))?.value else { return fallback }
        let text = LanguagePrimitives.toString(value, context: self)
        return ActionPreference.allCases.first { $0.rawValue.equalsIgnoringCase(text) } ?? fallback
    }

    /// `$OFS`, the separator used when an array becomes a string.
    public var outputFieldSeparator: String {
        if let v = lookupVariable(VariablePath(qualifier: nil, name: "OFS"))?.value, !v.isNull {
            return LanguagePrimitives.toString(v, context: nil)
        }
        return " "
    }

    // MARK: Errors

    /// Adds a record to `$Error` (newest first, at most `$MaximumErrorCount`).
    public func recordError(_ record: ErrorRecord) {
        errorList.items.insert(.object(record), at: 0)
        if errorList.items.count > 256 { errorList.items.removeLast() }
        for collector in errorCollectors { collector(record) }
    }

    // MARK: Paths

    /// An absolute, normalized path for `path` relative to the current location (`~` expanded).
    public func resolvePath(_ path: String) -> String {
        if let mapped = foreignPathMapper?(path) { return PathUtilities.normalize(mapped) }
        // As pwsh on Linux: `\` separates folders too (`.\script.ps1`, "$dir\log.txt").
        var p = path.replacingOccurrences(of: "\\", with: "/")
        if p == "~" || p.hasPrefix("~/") {
            p = NSHomeDirectory() + p.dropFirst()
        }
        if !p.hasPrefix("/") { p = location + (location.hasSuffix("/") ? "" : "/") + p }
        return PathUtilities.normalize(p)
    }
}

/// Path helpers shared by the engine and cmdlets.
public enum PathUtilities {
    /// Collapses `.`, `..` and repeated slashes; keeps a leading `/`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Renders values as text (the cmdlets layer installs PowerShell's default formatting).
public protocol ValueFormatter: AnyObject {
    /// Text for a sequence of output values as Out-Default would show them.
    func format(_ values: [PSValue], context: ExecutionContext, width: Int) -> String
}
