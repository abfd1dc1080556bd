/// `System.Security.SecureString`: text that shows only as its type name, in output, in strings
/// and in transcripts. Its characters come out through `ConvertFrom-SecureString -AsPlainText`
/// or a credential's password, never through formatting.
public final class SecureStringValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.Security.SecureString"
    private var characters: [Character]
    private var isReadOnly = false

    public init(_ text: String = "") {
        characters = Array(text)
    }

    /// The hidden text, for the cmdlets that reveal it on purpose.
    public var plainText: String { String(characters) }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { ["Length"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("Length") ? .int(Int32(characters.count)) : nil
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        func character(_ index: Int) throws -> Character {
            let text = arguments.count > index ? LanguagePrimitives.toString(arguments[index], context: context) : ""
            guard let first = text.first, text.count == 1 else {
                throw RuntimeError("Cannot convert argument \"\(text)\" to type \"System.Char\".", id: "MethodArgumentConversionInvalidCastArgument",
                                   category: .NotSpecified, exceptionType: "System.Management.Automation.MethodException")
            }
            return first
        }
        func position(_ index: Int, insert: Bool = false) throws -> Int {
            let value = arguments.count > index ? Int(try LanguagePrimitives.toInt32(arguments[index])) : -1
            guard value >= 0, value < characters.count + (insert ? 1 : 0) else {
                throw RuntimeError("Index was out of range. Must be non-negative and less than the size of the collection.",
                                   id: "ArgumentOutOfRangeException", category: .NotSpecified,
                                   exceptionType: "System.ArgumentOutOfRangeException")
            }
            return value
        }
        func changing(_ body: () throws -> Void) throws -> PSValue {
            guard !isReadOnly else {
                throw RuntimeError("Instance is read-only.", id: "InvalidOperationException", category: .NotSpecified,
                                   exceptionType: "System.InvalidOperationException")
            }
            try body()
            return .null
        }
        switch name.lowercased() {
        case "appendchar": return try changing { characters.append(try character(0)) }
        case "insertat": return try changing { characters.insert(try character(1), at: try position(0, insert: true)) }
        case "removeat": return try changing { characters.remove(at: try position(0)) }
        case "setat": return try changing { characters[try position(0)] = try character(1) }
        case "clear": return try changing { characters.removeAll() }
        case "makereadonly": isReadOnly = true; return .null
        case "isreadonly": return .bool(isReadOnly)
        case "copy": return .object(SecureStringValue(plainText))
        case "dispose": characters.removeAll(); return .null
        case "tostring": return .string(Self.typeName)
        default: return nil
        }
    }
}
