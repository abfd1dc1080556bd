/// Export id -> target id for the message loop, which looks an author up for nearly every one
/// of a million messages: a flat array when the ids are dense enough (they are small counters in
/// both kinds of source), a dictionary otherwise. 0: unknown.
struct IDLookup {
    private let base: Int
    private let table: [Int64]
    private let map: [Int: Int64]

    init(_ ids: [Int: Int64]) {
        let low = ids.keys.min() ?? 0, high = ids.keys.max() ?? 0
        // Dense: at most 4 slots (32 bytes) per id, plus slack for small sets.
        let span = high.subtractingReportingOverflow(low)
        if !ids.isEmpty, !span.overflow, span.partialValue <= ids.count * 4 + 4096 {
            var table = [Int64](repeating: 0, count: high - low + 1)
            for (id, target) in ids { table[id - low] = target }
            (base, self.table, map) = (low, table, [:])
        } else {
            (base, table, map) = (0, [], ids)
        }
    }

    subscript(id: Int) -> Int64 {
        if table.isEmpty { return map[id] ?? 0 }
        let slot = id &- base
        return slot >= 0 && slot < table.count ? table[slot] : 0
    }
}
