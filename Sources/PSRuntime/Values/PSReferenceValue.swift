/// `[ref]` (System.Management.Automation.PSReference): `[ref]$x` points at the variable
/// itself, so a method's out/ref parameter or `.Value = …` changes `$x`; `[ref]<value>` holds a
/// value of its own.
public final class PSReferenceValue: TypedValue, PSSettableObject {
    public static let typeName = "System.Management.Automation.PSReference"
    private let variable: PSVariable?
    private var held: PSValue

    public init(variable: PSVariable) {
        self.variable = variable
        self.held = .null
    }

    public init(value: PSValue) {
        self.variable = nil
        self.held = value
    }

    public var value: PSValue { variable?.value ?? held }

    /// Writes through to the variable, honouring its type constraint and read-only flag.
    public func setValue(_ newValue: PSValue, context: ExecutionContext) throws {
        if let variable { try context.assign(newValue, to: variable) } else { held = newValue }
    }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { ["Value"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("Value") ? value : nil
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(Self.typeName) : nil
    }

    public func setDynamicProperty(_ name: String, _ value: PSValue, context: ExecutionContext) throws -> Bool {
        guard name.equalsIgnoringCase("Value") else { return false }
        try setValue(value, context: context)
        return true
    }
}
