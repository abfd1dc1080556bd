import PSRuntime

/// Orders and matches values the way Sort-Object, Group-Object, Compare-Object and Get-Unique
/// do (PowerShell's ObjectCommandComparer): `$null` first, the left value's type decides the
/// comparison, and values that can't be compared fall back to comparing their text.
struct ObjectComparer {
    var caseSensitive = false
    let context: ExecutionContext?

    init(caseSensitive: Bool = false, context: ExecutionContext?) {
        self.caseSensitive = caseSensitive
        self.context = context
    }

    /// Negative, zero or positive; `$null` sorts before everything else.
    func compare(_ a: PSValue, _ b: PSValue) -> Int {
        let x = a.baseValue, y = b.baseValue
        switch (x, y) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.string(let s), .string(let t)): return compareText(s, t)
        case (.string(let s), .char), (.string(let s), .object):
            return compareText(s, LanguagePrimitives.toString(y, context: context))
        default: break
        }
        if isNumber(x), isNumber(y) {
            let l = (try? LanguagePrimitives.toDouble(x)) ?? 0, r = (try? LanguagePrimitives.toDouble(y)) ?? 0
            return l < r ? -1 : (l == r ? 0 : 1)
        }
        if case .dateTime(let d) = x, case .dateTime(let e) = y { return d < e ? -1 : (d == e ? 0 : 1) }
        if case .bool(let p) = x, case .bool(let q) = y { return p == q ? 0 : (p ? 1 : -1) }
        if case .object(let o) = x, case .object(let p) = y, o === p { return 0 }
        if !isComposite(x), let result = try? LanguagePrimitives.compare(x, y, ignoreCase: !caseSensitive) {
            return result
        }
        return compareText(LanguagePrimitives.toString(x, context: context), LanguagePrimitives.toString(y, context: context))
    }

    func equals(_ a: PSValue, _ b: PSValue) -> Bool { compare(a, b) == 0 }

    /// Text order close to the invariant culture's: letters compare ignoring case first; with
    /// `caseSensitive`, a lowercase letter sorts before its uppercase form.
    func compareText(_ s: String, _ t: String) -> Int {
        LanguagePrimitives.compareStrings(s, t, ignoreCase: !caseSensitive)
    }

    private func isNumber(_ v: PSValue) -> Bool {
        switch v {
        case .int, .long, .double: return true
        case .object(let o): return o is DecimalValue
        default: return false
        }
    }

    /// Objects whose order is their text (custom objects, collections).
    private func isComposite(_ v: PSValue) -> Bool {
        if case .object(let o) = v { return o is PSObject || o is PSArray || o is PSHashtable }
        return false
    }

    /// Compares two lists of keys in order, each with its own direction.
    func compare(keys a: [PSValue], _ b: [PSValue], ascending: [Bool]) -> Int {
        for i in 0..<min(a.count, b.count) {
            let c = compare(a[i], b[i])
            if c != 0 { return i < ascending.count && !ascending[i] ? -c : c }
        }
        return 0
    }
}
