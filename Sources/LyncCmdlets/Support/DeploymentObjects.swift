import Foundation
import PSRuntime

/// Helpers that turn domain values into the PowerShell values cmdlets write.
enum DeploymentObjects {
    /// An object with these properties, in this order, whose first type name is `typeName`.
    static func object(_ typeName: String, _ properties: [(String, PSValue)]) -> PSValue {
        .object(PSObject(properties, typeName: typeName))
    }

    static func string(_ text: String?) -> PSValue { text.map(PSValue.string) ?? .null }

    static func strings(_ items: [String]) -> PSValue { .array(items.map(PSValue.string)) }

    static func date(_ seconds: Double?) -> PSValue { seconds.map { .dateTime(Date(timeIntervalSince1970: $0)) } ?? .null }
}
