/// A fixed number of optional texts kept in one string: an export holds tens of thousands of
/// principals with up to eight texts each, and one allocation per principal instead of eight
/// saves about a third of the import's memory for them. The layout is canonical (the texts in
/// order, nothing else), so equal contents compare equal.
struct PackedTexts: Sendable, Equatable {
    static let capacity = 8

    private var storage = ""
    /// The UTF-8 end offset of each text in `storage`.
    private var ends: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Bit n set: text n is present (not nil).
    private var present: UInt8 = 0

    init() {}

    /// All texts at once (one allocation); missing trailing ones are nil.
    init(_ texts: [String?]) {
        precondition(texts.count <= Self.capacity)
        var total = 0
        for text in texts { total += text?.utf8.count ?? 0 }
        storage.reserveCapacity(total)
        for index in 0..<Self.capacity {
            if index < texts.count, let text = texts[index] {
                storage += text
                present |= 1 << index
            }
            setEnd(index, UInt32(storage.utf8.count))
        }
    }

    static func == (lhs: PackedTexts, rhs: PackedTexts) -> Bool {
        lhs.present == rhs.present && lhs.storage == rhs.storage
            && (0..<capacity).allSatisfy { lhs.end($0) == rhs.end($0) }
    }

    subscript(index: Int) -> String? {
        get {
            guard present & (1 << index) != 0 else { return nil }
            let utf8 = storage.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: index == 0 ? 0 : Int(end(index - 1)))
            let end = utf8.index(utf8.startIndex, offsetBy: Int(end(index)))
            return String(storage[start..<end])
        }
        set {
            var texts = (0..<Self.capacity).map { self[$0] }
            texts[index] = newValue
            self = PackedTexts(texts)
        }
    }

    private func end(_ index: Int) -> UInt32 {
        withUnsafeBytes(of: ends) { $0.load(fromByteOffset: index * 4, as: UInt32.self) }
    }

    private mutating func setEnd(_ index: Int, _ value: UInt32) {
        withUnsafeMutableBytes(of: &ends) { $0.storeBytes(of: value, toByteOffset: index * 4, as: UInt32.self) }
    }
}
