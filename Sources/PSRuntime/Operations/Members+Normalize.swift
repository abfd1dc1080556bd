import Foundation

extension Members {
    /// `'…'.Normalize([Text.NormalizationForm]::FormD)` and `.IsNormalized()`; FormC by default.
    static func normalization(_ s: String, _ call: MethodCall) throws -> PSValue {
        try call.count(0...1)
        var form: Int64 = 1
        if let arg = call.arguments.first {
            do {
                form = try EnumTypes.convert(arg, to: "System.Text.NormalizationForm").value
            } catch let error as RuntimeError {
                throw call.conversionError(0, "System.Text.NormalizationForm", error)
            }
        }
        let normalized: String
        switch form {
        case 2: normalized = s.decomposedStringWithCanonicalMapping
        case 5: normalized = s.precomposedStringWithCompatibilityMapping
        case 6: normalized = s.decomposedStringWithCompatibilityMapping
        default: normalized = s.precomposedStringWithCanonicalMapping
        }
        if call.name.equalsIgnoringCase("IsNormalized") {
            // Swift compares strings by canonical equivalence; the scalars tell the forms apart.
            return .bool(Array(normalized.unicodeScalars) == Array(s.unicodeScalars))
        }
        return .string(normalized)
    }
}
