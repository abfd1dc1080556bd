/// Number fast paths the compiled code tries before the general operators: no allocation, no
/// conversion tables. Int32 overflow widens to Double, as PowerShell does. They answer nil whenever PowerShell's widening rules need the slow path.
enum FastArithmetic {
    @inline(__always)
    static func add(_ a: PSValue, _ b: PSValue) -> PSValue? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (s, o) = x.addingReportingOverflow(y)
            return o ? .double(Double(x) + Double(y)) : .int(s)
        case (.long(let x), .long(let y)):
            let (s, o) = x.addingReportingOverflow(y)
            return o ? nil : .long(s)
        case (.long(let x), .int(let y)):
            let (s, o) = x.addingReportingOverflow(Int64(y))
            return o ? nil : .long(s)
        case (.int(let x), .long(let y)):
            let (s, o) = Int64(x).addingReportingOverflow(y)
            return o ? nil : .long(s)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.double(let x), .int(let y)): return .double(x + Double(y))
        default: return nil
        }
    }

    @inline(__always)
    static func subtract(_ a: PSValue, _ b: PSValue) -> PSValue? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (s, o) = x.subtractingReportingOverflow(y)
            return o ? .double(Double(x) - Double(y)) : .int(s)
        case (.long(let x), .long(let y)):
            let (s, o) = x.subtractingReportingOverflow(y)
            return o ? nil : .long(s)
        case (.long(let x), .int(let y)):
            let (s, o) = x.subtractingReportingOverflow(Int64(y))
            return o ? nil : .long(s)
        case (.double(let x), .double(let y)): return .double(x - y)
        default: return nil
        }
    }

    /// Ordering of two integers (Int32/Int64 mixes), or nil for anything else.
    @inline(__always)
    static func compare(_ a: PSValue, _ b: PSValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.long(let x), .long(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.long(let x), .int(let y)): return x < Int64(y) ? -1 : (x == Int64(y) ? 0 : 1)
        case (.int(let x), .long(let y)): return Int64(x) < y ? -1 : (Int64(x) == y ? 0 : 1)
        default: return nil
        }
    }
}
