import PSLanguage

/// A variable reference in compiled code. Caches what the name resolved to, keyed by the
/// current scope and the context's epoch, so a loop reads and writes its variables without
/// hashing names after the first iteration.
///
/// The cached variables are held without reference counting. That is safe because a cached
/// entry is only used while the epoch and scope still match, and every event that could free a
/// variable (removing or replacing it, creating a scope that could reuse a freed scope's
/// address) bumps the epoch first.
final class VariableSite {
    let path: VariablePath
    let key: CaseInsensitiveKey
    private var readEpoch = -1
    private var readScope: ObjectIdentifier?
    private var readVariable: Unmanaged<PSVariable>?
    private var writeEpoch = -1
    private var writeScope: ObjectIdentifier?
    private var writeVariable: Unmanaged<PSVariable>?

    init(_ path: VariablePath) {
        self.path = path
        self.key = CaseInsensitiveKey(path.name)
    }

    /// The variable this name denotes now, or nil when none exists.
    @inline(__always)
    func resolve(_ context: ExecutionContext) -> PSVariable? {
        let scopeID = context.currentScopeID
        if readEpoch == context.epoch && readScope == scopeID { return readVariable?.takeUnretainedValue() }
        let v: PSVariable?
        switch path.qualifier {
        case nil, "variable": v = context.lookup(key, from: context.currentScope)
        default: v = context.lookupVariable(path)
        }
        readEpoch = context.epoch
        readScope = scopeID
        readVariable = v.map { Unmanaged.passUnretained($0) }
        return v
    }

    /// The variable an assignment writes: the one in the target scope, created when missing.
    @inline(__always)
    func resolveForWrite(_ context: ExecutionContext) -> PSVariable {
        let scopeID = context.currentScopeID
        if writeEpoch == context.epoch && writeScope == scopeID, let v = writeVariable { return v.takeUnretainedValue() }
        let scope = context.targetScope(for: path.qualifier == "variable" ? nil : path.qualifier)
        let v: PSVariable
        if let existing = scope.variables[key] {
            v = existing
        } else {
            v = PSVariable(name: path.name, value: .null, options: path.qualifier == "private" ? .private : [])
            context.define(v, in: scope)
        }
        writeEpoch = context.epoch
        writeScope = scopeID
        writeVariable = Unmanaged.passUnretained(v)
        return v
    }
}

extension VariableSite {
    /// Reads the value (`$null` when the variable does not exist).
    @inline(__always)
    func value(_ context: ExecutionContext) -> PSValue {
        if readEpoch == context.epoch && readScope == context.currentScopeID {
            // Read through the cached reference without retaining it.
            guard let cached = readVariable else { return .null }
            return cached._withUnsafeGuaranteedRef { $0.value }
        }
        return resolve(context)?.value ?? .null
    }

    /// Reads the value for an expression: as `value`, but a variable that does not exist is an
    /// error when the strict mode in effect is at least `strictVersion`.
    @inline(__always)
    func read(_ context: ExecutionContext, extent: SourceExtent, strictVersion: Int) throws -> PSValue {
        if readEpoch == context.epoch && readScope == context.currentScopeID {
            if let cached = readVariable { return cached._withUnsafeGuaranteedRef { $0.value } }
        } else if let variable = resolve(context) {
            return variable.value
        }
        if context.strictModeEverSet, context.strictModeVersion >= strictVersion,
           !StrictModeError.alwaysDefined.contains(path.name.lowercased()) {
            throw StrictModeError.undefinedVariable(path, extent: extent)
        }
        return .null
    }

    /// Stores a value, taking the plain-variable fast path when nothing constrains it.
    @inline(__always)
    func store(_ value: PSValue, _ context: ExecutionContext, extent: SourceExtent) throws {
        if writeEpoch == context.epoch && writeScope == context.currentScopeID, let cached = writeVariable,
           cached._withUnsafeGuaranteedRef({ variable in
               guard variable.isPlain else { return false }
               variable.value = value
               return true
           }) {
            return
        }
        let variable = resolveForWrite(context)
        if variable.isPlain {
            variable.value = value
        } else {
            try Compiler.located(extent) { try context.assign(value, to: variable) }
        }
    }

    /// True for `$name` references the site can read and write directly (not `$env:`,
    /// `$function:`, `$null`, `$PSItem` or other special names).
    static func isPlain(_ path: VariablePath) -> Bool {
        let name = path.name.lowercased()
        guard name != "null", name != "psitem", name != "?", name != "pwd" else { return false }
        return path.qualifier == nil || ["global", "script", "local", "private"].contains(path.qualifier!)
    }
}
