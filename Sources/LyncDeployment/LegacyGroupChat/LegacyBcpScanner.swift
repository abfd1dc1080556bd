import Foundation

/// Splits code units into rows and fields the way bcp reads its character formats: a row ends at
/// the first row terminator, and within the row each field at the first field terminator. When
/// the row terminator ends with a line feed, a carriage return before that line feed belongs to
/// it (bcp on Windows writes `\r\n` for `\n`; files copied through Unix tools may have lost the
/// `\r`).
struct LegacyBcpScanner<Unit: FixedWidthInteger & UnsignedInteger> {
    enum Next {
        /// A complete row: the range of its units, terminator excluded.
        case row(Range<Int>)
        /// Units after the last row terminator: the file was cut short.
        case truncated(Range<Int>)
        case end
    }

    let units: UnsafeBufferPointer<Unit>
    let fieldTerminator: [Unit]
    let rowTerminator: [Unit]
    private var position = 0
    private let lineFeed = Unit(0x0A), carriageReturn = Unit(0x0D)

    init(units: UnsafeBufferPointer<Unit>, fieldTerminator: [Unit], rowTerminator: [Unit]) {
        self.units = units
        self.fieldTerminator = fieldTerminator
        self.rowTerminator = rowTerminator
    }

    mutating func next() -> Next {
        let start = position
        guard start < units.count else { return .end }
        if rowTerminator.last == lineFeed {
            // Look for each line feed, then check the rest of the terminator before it.
            let head = rowTerminator.dropLast()
            var index = start
            while let found = firstIndex(of: lineFeed, from: index, upTo: units.count) {
                var end = found
                if end > start && units[end - 1] == carriageReturn && head.last != carriageReturn { end -= 1 }
                if matches(head, endingAt: end, notBefore: start) {
                    position = found + 1
                    return .row(start..<(end - head.count))
                }
                index = found + 1
            }
        } else if let at = find(rowTerminator, from: start, upTo: units.count) {
            position = at + rowTerminator.count
            return .row(start..<at)
        }
        position = units.count
        return .truncated(start..<units.count)
    }

    /// The fields of `row`, written into `fields` (reused between rows).
    func split(_ row: Range<Int>, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var start = row.lowerBound
        while let at = find(fieldTerminator, from: start, upTo: row.upperBound) {
            fields.append(start..<at)
            start = at + fieldTerminator.count
        }
        fields.append(start..<row.upperBound)
    }

    private func matches(_ pattern: ArraySlice<Unit>, endingAt end: Int, notBefore start: Int) -> Bool {
        guard end - pattern.count >= start else { return false }
        var index = end - pattern.count
        for unit in pattern {
            if units[index] != unit { return false }
            index += 1
        }
        return true
    }

    private func find(_ pattern: [Unit], from start: Int, upTo end: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        let last = end - pattern.count
        while index <= last, let found = firstIndex(of: first, from: index, upTo: last + 1) {
            var offset = 1
            while offset < pattern.count && units[found + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { return found }
            index = found + 1
        }
        return nil
    }

    /// The first `unit` in `start..<end`; memchr for bytes (most of a load's time is this search).
    private func firstIndex(of unit: Unit, from start: Int, upTo end: Int) -> Int? {
        guard start < end, let base = units.baseAddress else { return nil }
        if Unit.bitWidth == 8 {
            let raw = UnsafeRawPointer(base + start)
            guard let hit = memchr(raw, Int32(unit), end - start) else { return nil }
            return start + (UnsafeRawPointer(hit) - raw)
        }
        var index = start
        while index < end {
            if base[index] == unit { return index }
            index += 1
        }
        return nil
    }
}
