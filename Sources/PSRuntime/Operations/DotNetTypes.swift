import Foundation

/// .NET types admin scripts reach for beyond the core ones: `[ref]`, Stopwatch, IPAddress,
/// PSCredential, PSNoteProperty, the language parser and its AST node types. Each is
/// `.other` in the registry and served here by full name.
enum DotNetTypes {
    static let reference = "System.Management.Automation.PSReference"
    static let stopwatch = "System.Diagnostics.Stopwatch"
    static let ipAddress = "System.Net.IPAddress"
    static let credential = "System.Management.Automation.PSCredential"
    static let noteProperty = "System.Management.Automation.PSNoteProperty"
    static let parser = "System.Management.Automation.Language.Parser"

    private static let objectBase = ["System.Object"]
    private static let enumBase = ["System.Enum", "System.ValueType", "System.Object"]

    static let entries: [TypeRegistry.Entry] = [
        .init(fullName: reference, kind: .other, bases: objectBase, aliases: ["ref"]),
        .init(fullName: stopwatch, kind: .other, bases: objectBase, aliases: []),
        .init(fullName: ipAddress, kind: .other, bases: objectBase, aliases: ["ipaddress"]),
        .init(fullName: credential, kind: .other, bases: objectBase, aliases: ["pscredential"]),
        .init(fullName: NetworkCredentialValue.typeName, kind: .other, bases: objectBase, aliases: []),
        .init(fullName: noteProperty, kind: .other, bases: ["System.Management.Automation.PSPropertyInfo",
                                                           "System.Management.Automation.PSMemberInfo", "System.Object"],
              aliases: ["psnoteproperty"]),
        .init(fullName: "System.Management.Automation.PSPropertyInfo", kind: .other, bases: objectBase, aliases: []),
        .init(fullName: "System.Management.Automation.PSMemberInfo", kind: .other, bases: objectBase, aliases: []),
        .init(fullName: "System.Text.NormalizationForm", kind: .enumeration, bases: enumBase, aliases: []),
        .init(fullName: "System.Net.Sockets.AddressFamily", kind: .enumeration, bases: enumBase, aliases: []),
        .init(fullName: parser, kind: .other, bases: objectBase, aliases: []),
        .init(fullName: "System.Management.Automation.Language.Token", kind: .other, bases: objectBase, aliases: []),
        .init(fullName: "System.Management.Automation.Language.ParseError", kind: .other, bases: objectBase, aliases: []),
        .init(fullName: "System.Management.Automation.Language.IScriptExtent", kind: .interface, bases: [], aliases: []),
    ] + AstNodeValue.typeNames.map { name in
        .init(fullName: name, kind: .other, bases: AstNodeValue.bases(of: name), aliases: [])
    }

    static let enumDefinitions: [String: [(name: String, value: Int64)]] = [
        "System.Text.NormalizationForm": [("FormC", 1), ("FormD", 2), ("FormKC", 5), ("FormKD", 6)],
        "System.Net.Sockets.AddressFamily": [("Unknown", -1), ("Unspecified", 0), ("Unix", 1), ("InterNetwork", 2),
                                             ("InterNetworkV6", 23)],
    ]

    // MARK: Conversion

    /// `[T]value` for these types; nil when `type` is not one of them.
    static func convert(_ value: PSValue, to type: PSTypeInfo, context: ExecutionContext?) throws -> PSValue? {
        switch type.fullName {
        case reference:
            if case .object(let o) = value, o is PSReferenceValue { return value }
            return .object(PSReferenceValue(value: value))
        case ipAddress:
            if IPAddressValue.from(value) != nil { return value.baseValue }
            guard !value.isNull else { return .null }
            let text = LanguagePrimitives.toString(value, context: context)
            if let ip = IPAddressValue.parse(text) { return .object(ip) }
            throw LanguagePrimitives.castError(value, type.fullName, id: "InvalidCastParseTargetInvocation",
                                               reason: "An invalid IP address was specified.")
        default:
            return nil
        }
    }

    // MARK: Static members

    static func staticMember(_ type: PSTypeInfo, _ lower: String) -> PSValue? {
        switch (type.fullName, lower) {
        case (ipAddress, "any"): return .object(IPAddressValue(bytes: [0, 0, 0, 0]))
        case (ipAddress, "loopback"): return .object(IPAddressValue(bytes: [127, 0, 0, 1]))
        case (ipAddress, "broadcast"), (ipAddress, "none"): return .object(IPAddressValue(bytes: [255, 255, 255, 255]))
        case (ipAddress, "ipv6any"), (ipAddress, "ipv6none"): return .object(IPAddressValue(bytes: Array(repeating: 0, count: 16)))
        case (ipAddress, "ipv6loopback"): return .object(IPAddressValue(bytes: Array(repeating: 0, count: 15) + [1]))
        case (stopwatch, "frequency"): return .long(StopwatchValue.frequency)
        case (stopwatch, "ishighresolution"): return .bool(true)
        case (credential, "empty"): return .object(PSCredentialValue(userName: "", password: SecureStringValue()))
        default: return nil
        }
    }

    static func staticMethod(_ type: PSTypeInfo, _ call: MethodCall) throws -> PSValue? {
        let lower = call.name.lowercased()
        switch (type.fullName, lower) {
        case (stopwatch, "startnew"):
            try call.count(0...0)
            let watch = StopwatchValue()
            watch.start()
            return .object(watch)
        case (stopwatch, "gettimestamp"):
            return .long(Int64(StopwatchValue.now()))
        case (ipAddress, "parse"):
            try call.count(1...1)
            guard let ip = IPAddressValue.parse(call.string(0)) else {
                throw call.failure("System.FormatException", "An invalid IP address was specified.")
            }
            return .object(ip)
        case (ipAddress, "isloopback"):
            try call.count(1...1)
            return .bool((IPAddressValue.from(call.arguments[0]) ?? IPAddressValue.parse(call.string(0)))?.isLoopback ?? false)
        case (parser, "parseinput"), (parser, "parsefile"):
            return try AstParsing.parse(call, isFile: lower == "parsefile")
        default:
            return nil
        }
    }

    static func construct(_ type: PSTypeInfo, _ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        switch type.fullName {
        case stopwatch:
            try call.count(0...0)
            return .object(StopwatchValue())
        case reference:
            try call.count(1...1)
            return .object(PSReferenceValue(value: args[0]))
        case ipAddress:
            try call.count(1...2)
            let bytes = try (args[0].enumerated ?? []).map { UInt8(truncatingIfNeeded: try LanguagePrimitives.toInt64($0)) }
            if bytes.count == 4 || bytes.count == 16 {
                return .object(IPAddressValue(bytes: bytes, scopeId: args.count > 1 ? UInt32(try call.int(1)) : 0))
            }
            if args[0].enumerated == nil {
                // `[ipaddress]::new(long)`: the IPv4 address in network order inside a little-endian long.
                let n = try LanguagePrimitives.toInt64(args[0])
                return .object(IPAddressValue(bytes: (0..<4).map { UInt8((n >> (8 * Int64($0))) & 0xFF) }))
            }
            throw call.failure("System.ArgumentException", "An invalid IP address was specified. (Parameter 'address')")
        case credential:
            try call.count(2...2)
            guard case .object(let o) = args[1].baseValue, let secure = o as? SecureStringValue else {
                throw call.conversionError(1, SecureStringValue.typeName, LanguagePrimitives.finalCastError(args[1], SecureStringValue.typeName))
            }
            return .object(PSCredentialValue(userName: call.string(0), password: secure))
        case noteProperty:
            try call.count(2...2)
            return .object(PSPropertyInfoValue(name: call.string(0), value: args[1], memberType: "NoteProperty", isSettable: true))
        default:
            return nil
        }
    }
}
