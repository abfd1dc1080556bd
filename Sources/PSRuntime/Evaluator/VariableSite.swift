import PSLanguage

/// A variable reference in compiled code. Caches what the name resolved to, keyed by the
/// current scope and the context's epoch, so a loop reads and writes its variables without
/// hashing names after the first iteration.
final class VariableSite {
    let path: VariablePath
    let key: CaseInsensitiveKey
    private var readEpoch = -1
    private var readScope: ObjectIdentifier?
    private var readVariable: PSVariable?
    private var writeEpoch = -1
    private var writeScope: ObjectIdentifier?
    private var writeVariable: PSVariable?

    init(_ path: VariablePath) {
        self.path = path
        self.key = CaseInsensitiveKey(path.name)
    }

    /// The variable this name denotes now, or nil when none exists.
    @inline(__always)
    func resolve(_ context: ExecutionContext) -> PSVariable? {
        let scopeID = ObjectIdentifier(context.currentScope)
        if readEpoch == context.epoch && readScope == scopeID { return readVariable }
        let v: PSVariable?
        switch path.qualifier {
        case nil, "variable": v = context.lookup(key, from: context.currentScope)
        default: v = context.lookupVariable(path)
        }
        readEpoch = context.epoch
        readScope = scopeID
        readVariable = v
        return v
    }

    /// The variable an assignment writes: the one in the target scope, created when missing.
    @inline(__always)
    func resolveForWrite(_ context: ExecutionContext) -> PSVariable {
        let scopeID = ObjectIdentifier(context.currentScope)
        if writeEpoch == context.epoch && writeScope == scopeID, let v = writeVariable { return v }
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
        writeVariable = v
        return v
    }
}
