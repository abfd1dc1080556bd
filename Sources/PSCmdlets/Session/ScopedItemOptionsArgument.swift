import Foundation
import PSRuntime

/// The `-Option` argument of the variable and alias cmdlets (PowerShell's `ScopedItemOptions`
/// flags): `None`, `ReadOnly`, `Constant`, `Private`, `AllScope`, `Unspecified`, given as a list
/// (`ReadOnly, AllScope` or `-Option ReadOnly,AllScope`).
struct ScopedItemOptionsArgument: ParameterValue {
    var options: VariableOptions

    static let names = ["None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"]

    static var parameterTypeName: String { "ScopedItemOptions" }
    static var allowedValues: [String]? { names }

    /// Canonical form: the matched names joined with `, `.
    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        var matched: [String] = []
        for item in value.baseValue.enumerated ?? [value] {
            let text = LanguagePrimitives.toString(item, context: context)
            for part in text.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let match = names.first(where: { $0.equalsIgnoringCase(name) }) else {
                    throw RuntimeError("\"\(text)\" is not a valid ScopedItemOptions value; use one of: \(names.joined(separator: ", ")).",
                                       id: "InvalidCastFromStringToEnum", category: .InvalidArgument,
                                       exceptionType: "System.Management.Automation.PSInvalidCastException",
                                       target: item)
                }
                matched.append(match)
            }
        }
        return .string(matched.joined(separator: ", "))
    }

    init(coerced: PSValue) {
        var options: VariableOptions = []
        for name in (coerced.asString ?? "").split(separator: ",") {
            switch name.trimmingCharacters(in: .whitespaces) {
            case "ReadOnly": options.insert(.readOnly)
            case "Constant": options.insert(.constant)
            case "Private": options.insert(.private)
            case "AllScope": options.insert(.allScope)
            default: break
            }
        }
        self.options = options
    }
}
