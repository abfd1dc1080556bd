import PSRuntime

/// Which objects `Select-Object -First/-Last/-Skip/-SkipLast` lets through, with PowerShell's
/// rules for combining them: -Skip drops from the start, except next to -Last alone, where it
/// drops from the end of the last ones kept; -First streams; -Last and -SkipLast hold a queue.
struct SelectionWindow {
    let first: Int
    let last: Int
    let skipLast: Int
    let firstOrLastGiven: Bool
    private var skip: Int
    private var queue: [PSValue] = []
    private var head = 0
    private var streamed = 0

    init(first: Int?, last: Int?, skip: Int, skipLast: Int) {
        self.first = first ?? 0
        self.last = last ?? 0
        self.skip = skip
        self.skipLast = skipLast
        self.firstOrLastGiven = first != nil || last != nil
    }

    private var count: Int { queue.count - head }

    private mutating func dequeue() -> PSValue {
        let value = queue[head]
        head += 1
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        return value
    }

    /// Takes one object; returns the object to write now, if any.
    mutating func take(_ value: PSValue) -> PSValue? {
        // The queue holds only what -Last (plus a -Skip counted from the end) may still need.
        if last > 0 && count >= (first == 0 ? last + skip : last) { _ = dequeue() }
        queue.append(value)
        if skip > 0 {
            // Without -Last, or with -First, -Skip drops objects at the start.
            if last == 0 || first != 0 {
                _ = dequeue()
                skip -= 1
            }
            return nil
        }
        if skipLast > 0 { return count > skipLast ? dequeue() : nil }
        if streamed < first || !firstOrLastGiven {
            streamed += 1
            return dequeue()
        }
        if last == 0 { _ = dequeue() }
        return nil
    }

    /// True once -First has all it wants and no -Last is waiting: the upstream can stop.
    var isComplete: Bool { firstOrLastGiven && last == 0 && first != 0 && streamed >= first }

    /// The objects still to write when the input ends (the -Last ones).
    mutating func remaining() -> [PSValue] {
        // -SkipLast keeps back exactly the objects it leaves out.
        if skipLast > 0 { return [] }
        var out: [PSValue] = []
        if first != 0 {
            while count > 0 { out.append(dequeue()) }
        } else {
            // -Skip next to -Last leaves out that many of the last objects.
            while count > skip { out.append(dequeue()) }
        }
        return out
    }
}
