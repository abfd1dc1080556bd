import Foundation

extension Members {
    /// `[T]::TryParse(text, [ref]$result)`: true and the parsed value through the reference, or
    /// false and the type's default. Parsing follows .NET's rules for the type, which are
    /// stricter than PowerShell's casts (`[int]::TryParse('0x10', …)` is false).
    static func tryParse(_ type: PSTypeInfo, _ call: MethodCall) throws -> PSValue? {
        guard call.name.equalsIgnoringCase("TryParse") else { return nil }
        let parse: (String) -> PSValue?
        let fallback: PSValue
        switch type.kind {
        case .int32, .int64, .int16, .byte, .sbyte, .uint16, .uint32, .uint64:
            parse = { text in
                let t = text.trimmingCharacters(in: .whitespaces)
                guard let n = Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t) else { return nil }
                return try? LanguagePrimitives.convert(.long(n), to: type, context: nil)
            }
            fallback = (try? LanguagePrimitives.convert(.int(0), to: type, context: nil)) ?? .int(0)
        case .double, .single, .decimal:
            parse = { text in
                let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
                guard !t.isEmpty, !t.lowercased().hasPrefix("0x"), let d = Double(t) else {
                    return ["nan", "infinity", "-infinity", "∞", "-∞"].contains(t.lowercased())
                        ? try? LanguagePrimitives.convert(.string(t), to: type, context: nil) : nil
                }
                if type.kind == .decimal { return .decimal(Decimal(string: t) ?? Decimal(d)) }
                return type.kind == .single ? .single(Float(d)) : .double(d)
            }
            fallback = (try? LanguagePrimitives.convert(.int(0), to: type, context: nil)) ?? .double(0)
        case .bool:
            parse = { text in
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return nil
                }
            }
            fallback = .bool(false)
        case .dateTime:
            parse = { text in
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                return (try? LanguagePrimitives.toDate(.string(text))).map { .dateTime($0) }
            }
            fallback = .dateTime(DateFormatting.date(fromTicks: 0))
        case .timeSpan:
            parse = { text in (try? LanguagePrimitives.toTimeSpanTicks(.string(text))).map { .timeSpan(ticks: $0) } }
            fallback = .timeSpan(ticks: 0)
        case .version:
            parse = { text in VersionValue(parsing: text.trimmingCharacters(in: .whitespaces)).map { .object($0) } }
            fallback = .null
        case .guid:
            parse = { text in guidParse(text).map { .guid($0) } }
            fallback = .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        case .other where type.fullName == DotNetTypes.ipAddress:
            parse = { text in IPAddressValue.parse(text).map { .object($0) } }
            fallback = .null
        default:
            return nil
        }
        try call.count(2...4)
        let last = call.arguments.count - 1
        guard case .object(let o) = call.arguments[last], let reference = o as? PSReferenceValue else {
            throw RuntimeError("Argument: '\(last + 1)' should be a System.Management.Automation.PSReference. Use [ref].",
                               id: "NonRefArgumentToRefParameterMsg", category: .NotSpecified,
                               exceptionType: "System.Management.Automation.MethodException", target: call.arguments[last])
        }
        let text = call.arguments[0].isNull ? "" : call.string(0)
        let parsed = parse(text)
        try reference.setValue(parsed ?? fallback, context: call.context)
        return .bool(parsed != nil)
    }

    /// Guid text in the forms .NET's Guid.TryParse takes: with dashes, braces or parentheses,
    /// or as 32 bare hex digits.
    private static func guidParse(_ text: String) -> UUID? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if (t.hasPrefix("{") && t.hasSuffix("}")) || (t.hasPrefix("(") && t.hasSuffix(")")) { t = String(t.dropFirst().dropLast()) }
        if t.count == 32, t.allSatisfy(\.isHexDigit) {
            let c = Array(t)
            t = String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20...])
        }
        guard t.count == 36 else { return nil }
        return UUID(uuidString: t)
    }
}
