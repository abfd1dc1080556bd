/// The enumerator behind `$foreach`, `$switch` and `$input`: `MoveNext()`, `Current` and
/// `Reset()` as on a .NET IEnumerator. Enumerating it (a pipeline, a `foreach`, a string
/// expansion) takes the items not yet passed, so it is used up once read, until `Reset()`.
public final class LoopEnumerator: PSDynamicObject, PSEnumerable {
    private let items: [PSValue]
    /// -1 before the first item; `items.count` once past the end.
    private var position = -1
    private let typeName: String
    /// False for `$input` outside a process block: `MoveNext()` there passes all the items at
    /// once and answers false, so `Current` never holds one (PowerShell's documented behaviour).
    private let stepsItemByItem: Bool

    public init(_ items: [PSValue], typeName: String = "System.Collections.IEnumerator", stepsItemByItem: Bool = true) {
        self.items = items
        self.typeName = typeName
        self.stepsItemByItem = stepsItemByItem
    }

    /// Advances to the next item; false once past the end.
    public func moveNext() -> Bool {
        guard stepsItemByItem else {
            position = items.count
            return false
        }
        if position < items.count { position += 1 }
        return position < items.count
    }

    /// The item at the current position; `$null` before the first item and after the last.
    public var current: PSValue { position >= 0 && position < items.count ? items[position] : .null }

    public func reset() { position = -1 }

    public func enumerateItems() -> [PSValue] {
        let rest = position + 1 < items.count ? Array(items[(position + 1)...]) : []
        position = items.count
        return rest
    }

    // MARK: PSDynamicObject

    public var dynamicTypeName: String { typeName }
    public var dynamicPropertyNames: [String] { ["Current"] }
    public var dynamicDescription: String { typeName }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("Current") ? current : nil
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "movenext": return .bool(moveNext())
        case "reset":
            reset()
            return .null
        default: return nil
        }
    }
}
