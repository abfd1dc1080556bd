import Foundation

extension Members {
    /// The integer types whose Parse reads .NET's integer syntax only.
    static let integerKinds: [PSTypeInfo.Kind] = [.int32, .int64, .byte, .sbyte, .int16, .uint16, .uint32, .uint64]

    // MARK: Static properties

    /// `[T]::Name` — a missing static property is $null, as in non-strict PowerShell.
    public static func getStaticMember(_ type: PSTypeInfo, _ name: String, context: ExecutionContext) throws -> PSValue {
        let lower = name.lowercased()
        if let definition = type.scriptType, !definition.isEnum {
            return ScriptClasses.staticProperty(definition, name) ?? .null
        }
        if let v = DotNetTypes.staticMember(type, lower) { return v }
        switch type.kind {
        case .enumeration:
            if let member = EnumTypes.member(name, of: type) { return .object(member) }
        case .math:
            switch lower {
            case "pi": return .double(Double.pi)
            case "e": return .double(M_E)
            case "tau": return .double(2 * Double.pi)
            default: break
            }
        case .string where lower == "empty": return .string("")
        case .dateTime:
            switch lower {
            case "now": return .dateTime(Date())
            case "utcnow": return .dateTime(Date().addingTimeInterval(-Double(TimeZone.current.secondsFromGMT())))
            case "today": return .dateTime(DateFormatting.startOfDay(Date()))
            case "minvalue": return .dateTime(DateFormatting.date(fromTicks: 0))
            case "maxvalue": return .dateTime(DateFormatting.date(fromTicks: 3_155_378_975_999_999_999))
            case "unixepoch": return .dateTime(Date(timeIntervalSince1970: 0).addingTimeInterval(-Double(TimeZone.current.secondsFromGMT())))
            default: break
            }
        case .timeSpan:
            switch lower {
            case "zero": return .timeSpan(ticks: 0)
            case "maxvalue": return .timeSpan(ticks: Int64.max)
            case "minvalue": return .timeSpan(ticks: Int64.min)
            case "tickspersecond": return .long(TimeSpanFormatting.ticksPerSecond)
            case "ticksperminute": return .long(TimeSpanFormatting.ticksPerSecond * 60)
            case "ticksperhour": return .long(TimeSpanFormatting.ticksPerSecond * 3600)
            case "ticksperday": return .long(TimeSpanFormatting.ticksPerSecond * 86400)
            case "tickspermillisecond": return .long(10_000)
            default: break
            }
        case .guid where lower == "empty": return .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        case .bool:
            if lower == "truestring" { return .string("True") }
            if lower == "falsestring" { return .string("False") }
        case .environment:
            if let v = environmentProperty(lower, context: context) { return v }
        case .path:
            switch lower {
            case "directoryseparatorchar", "altdirectoryseparatorchar", "volumeseparatorchar": return .char(0x2F)
            case "pathseparator": return .char(0x3A)
            default: break
            }
        case .encoding:
            if let e = encoding(named: lower) { return .object(e) }
        default:
            if let v = numericLimit(type.kind, lower) { return v }
        }
        return .null
    }

    private static func numericLimit(_ kind: PSTypeInfo.Kind, _ lower: String) -> PSValue? {
        let isMax = lower == "maxvalue"
        guard isMax || lower == "minvalue" || kind == .double || kind == .single || kind == .bigInteger else { return nil }
        switch kind {
        case .int32: return .int(isMax ? .max : .min)
        case .int64: return .long(isMax ? .max : .min)
        case .byte: return .byte(isMax ? .max : .min)
        case .sbyte: return .sbyte(isMax ? .max : .min)
        case .int16: return .int16(isMax ? .max : .min)
        case .uint16: return .uint16(isMax ? .max : .min)
        case .uint32: return .uint32(isMax ? .max : .min)
        case .uint64: return .uint64(isMax ? .max : .min)
        case .char: return .char(isMax ? .max : .min)
        case .decimal:
            switch lower {
            case "maxvalue": return .decimal(DecimalMath.maxValue)
            case "minvalue": return .decimal(-DecimalMath.maxValue)
            default: return nil
            }
        case .bigInteger:
            switch lower {
            case "zero": return .bigInteger(0)
            case "one": return .bigInteger(1)
            case "minusone": return .bigInteger(-1)
            default: return nil
            }
        case .double, .single:
            let limit: Double = kind == .double ? .greatestFiniteMagnitude : Double(Float.greatestFiniteMagnitude)
            switch lower {
            case "maxvalue": return .double(limit)
            case "minvalue": return .double(-limit)
            case "nan": return .double(.nan)
            case "positiveinfinity": return .double(.infinity)
            case "negativeinfinity": return .double(-.infinity)
            case "epsilon": return .double(kind == .double ? Double.leastNonzeroMagnitude : Double(Float.leastNonzeroMagnitude))
            default: return nil
            }
        default: return nil
        }
    }

    private static func environmentProperty(_ lower: String, context: ExecutionContext) -> PSValue? {
        let info = ProcessInfo.processInfo
        switch lower {
        case "newline": return .string("\n")
        case "machinename": return .string(info.hostName.split(separator: ".").first.map(String.init) ?? info.hostName)
        case "username": return .string(info.environment["USER"] ?? NSUserName())
        case "userdomainname": return .string(info.hostName)
        case "processorcount": return .int(Int32(info.processorCount))
        case "currentdirectory": return .string(context.location)
        case "osversion": return .object(OperatingSystemValue())
        case "is64bitoperatingsystem", "is64bitprocess": return .bool(MemoryLayout<Int>.size == 8)
        case "tickcount": return .int(Int32(truncatingIfNeeded: Int(info.systemUptime * 1000)))
        case "tickcount64": return .long(Int64(info.systemUptime * 1000))
        case "processid": return .int(info.processIdentifier)
        case "commandline": return .string(info.arguments.joined(separator: " "))
        case "systemdirectory": return .string("")
        case "version": return .object(VersionValue(major: 8, minor: 0, build: 0))
        case "stacktrace": return .string("")
        default: return nil
        }
    }

    static func encoding(named lower: String) -> EncodingValue? {
        switch lower {
        case "utf8", "utf-8", "default": return EncodingValue(name: "UTF8", encoding: .utf8)
        case "ascii", "us-ascii": return EncodingValue(name: "ASCII", encoding: .ascii)
        case "unicode", "utf-16", "utf16": return EncodingValue(name: "Unicode", encoding: .utf16LittleEndian)
        case "bigendianunicode", "utf-16be": return EncodingValue(name: "BigEndianUnicode", encoding: .utf16BigEndian)
        case "utf32", "utf-32": return EncodingValue(name: "UTF32", encoding: .utf32LittleEndian)
        case "latin1", "iso-8859-1": return EncodingValue(name: "Latin1", encoding: .isoLatin1)
        default: return nil
        }
    }

    // MARK: Static methods

    public static func invokeStaticMethod(_ type: PSTypeInfo, _ name: String, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        try context.checkMethodInvocation(on: type)
        let call = MethodCall(target: .object(type), name: name, arguments: arguments, context: context)
        if name.equalsIgnoringCase("new") { return try construct(type, arguments, context: context) }
        if let definition = type.scriptType,
           let result = try ScriptClasses.invokeStaticMethod(definition, name, arguments, context: context) {
            return result
        }
        if type.fullName == "System.Enum" || type.kind == .enumeration, let result = try enumStaticMethod(call) { return result }
        if let r = try DotNetTypes.staticMethod(type, call) ?? tryParse(type, call) { return r }
        let result: PSValue?
        switch type.kind {
        case .math: result = try mathMethod(call)
        case .string: result = try stringStaticMethod(call)
        case .dateTime: result = try dateStaticMethod(call)
        case .timeSpan: result = try timeSpanStaticMethod(call)
        case .guid: result = try guidStaticMethod(call)
        case .char: result = try charStaticMethod(call)
        case .convert: result = try convertMethod(call)
        case .environment: result = try environmentMethod(call)
        case .path: result = try pathMethod(call)
        case .file, .directory: result = try (type.kind == .file ? fileExtraMethod(call) : nil) ?? fileSystemMethod(type.kind, call)
        case .regex: result = try regexStaticMethod(call)
        case .scriptBlock:
            if name.equalsIgnoringCase("Create") {
                try call.count(1...1)
                result = .object(try context.createScriptBlock(call.string(0)))
            } else { result = nil }
        case .encoding:
            if name.equalsIgnoringCase("GetEncoding") {
                try call.count(1...1)
                guard let e = encoding(named: call.string(0).lowercased()) else {
                    throw call.failure("System.ArgumentException", "'\(call.string(0))' is not a supported encoding name.")
                }
                result = .object(e)
            } else { result = nil }
        case .bigInteger: result = try bigIntegerStaticMethod(call)
        case let kind where Self.integerKinds.contains(kind) && name.equalsIgnoringCase("Parse"):
            result = try integerParse(type, call)
        case .int32, .int64, .double, .single, .decimal, .byte, .sbyte, .int16, .uint16, .uint32, .uint64, .bool, .version:
            if name.equalsIgnoringCase("Parse") {
                try call.count(1...3)
                let text = call.string(0)
                if type.kind == .bool {
                    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "true": return .bool(true)
                    case "false": return .bool(false)
                    default: throw call.failure("System.FormatException", "String '\(text)' was not recognized as a valid Boolean.")
                    }
                }
                result = try call.wrapping { try LanguagePrimitives.convert(.string(text), to: type, context: context) }
            } else { result = nil }
        case .psobject, .pscustomobject, .object:
            if name.equalsIgnoringCase("ReferenceEquals") || name.equalsIgnoringCase("Equals") {
                try call.count(2...2)
                result = .bool(valueEquals(arguments[0], arguments[1]))
            } else { result = nil }
        default: result = nil
        }
        if let result { return result }
        throw RuntimeError("Method invocation failed because [\(type.fullName)] does not contain a method named '\(name)'.",
                           id: "MethodNotFound", category: .InvalidOperation, target: .object(type))
    }

    // MARK: Constructors

    /// `[T]::new(args)` and `New-Object T args`.
    public static func construct(_ type: PSTypeInfo, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        let call = MethodCall(target: .object(type), name: "new", arguments: arguments, context: context)
        let args = arguments
        if let definition = type.scriptType {
            if definition.isEnum { throw call.overloadError() }
            return try ScriptClasses.construct(definition, arguments, context: context)
        }
        if let made = try DotNetTypes.construct(type, call) { return made }
        if type.fullName == SecureStringValue.typeName {
            try call.count(0...0)
            return .object(SecureStringValue())
        }
        switch type.kind {
        case .list, .arrayList:
            try call.count(0...1)
            let element = type.kind == .list ? type.elementType?.fullName : nil
            var items: [PSValue] = []
            if let first = args.first, first.asArray != nil || first.enumerated != nil {
                items = first.enumerated ?? []
                if let e = element, let t = PSTypeInfo.resolve(name: e) { items = try items.map { try LanguagePrimitives.convert($0, to: t, context: context) } }
            }
            return .object(PSArray(items, elementTypeName: element, isList: true))
        case .hashtable, .ordered:
            let h = PSHashtable(ordered: type.kind == .ordered)
            if let source = args.first?.baseValue.asHashtable { for (k, v) in source.pairs { h[k] = v } }
            return .object(h)
        case .psobject, .pscustomobject, .object:
            try call.count(0...1)
            if let first = args.first { return first }
            return .object(PSObject())
        case .dateTime:
            if args.count == 1 { return .dateTime(DateFormatting.date(fromTicks: try LanguagePrimitives.toInt64(args[0]))) }
            guard [3, 6, 7].contains(args.count) else { throw call.overloadError() }
            let n = try (0..<args.count).map { try call.int($0) }
            guard let d = DateFormatting.make(year: n[0], month: n[1], day: n[2], hour: args.count > 3 ? n[3] : 0,
                                              minute: args.count > 3 ? n[4] : 0, second: args.count > 3 ? n[5] : 0,
                                              millisecond: args.count > 6 ? n[6] : 0) else {
                throw call.failure("System.ArgumentOutOfRangeException", "Year, Month, and Day parameters describe an un-representable DateTime.")
            }
            return .dateTime(d)
        case .timeSpan:
            switch args.count {
            case 0: return .timeSpan(ticks: 0)
            case 1: return .timeSpan(ticks: try LanguagePrimitives.toInt64(args[0]))
            case 3, 4, 5:
                let n = try (0..<args.count).map { Int64(try call.int($0)) }
                let (d, h, m, s, ms): (Int64, Int64, Int64, Int64, Int64) = args.count == 3 ? (0, n[0], n[1], n[2], 0)
                    : (n[0], n[1], n[2], n[3], args.count == 5 ? n[4] : 0)
                let tps = TimeSpanFormatting.ticksPerSecond
                return .timeSpan(ticks: (((d * 24 + h) * 60 + m) * 60 + s) * tps + ms * 10_000)
            default: throw call.overloadError()
            }
        case .version:
            if args.isEmpty { return .object(VersionValue(major: 0, minor: 0)) }
            if args.count == 1 { return try call.wrapping { try LanguagePrimitives.convert(args[0], to: type, context: context) } }
            let n = try (0..<min(args.count, 4)).map { try call.int($0) }
            return .object(VersionValue(major: n[0], minor: n[1], build: n.count > 2 ? n[2] : -1, revision: n.count > 3 ? n[3] : -1))
        case .guid:
            if args.isEmpty { return try getStaticMember(type, "Empty", context: context) }
            try call.count(1...1)
            // Guid(byte[16]): .NET's layout, the first three fields little-endian.
            if let bytes = args[0].baseValue.asArray?.items, bytes.count == 16 {
                let b = try call.wrapping {
                    try bytes.map { UInt8(try LanguagePrimitives.integer($0.baseValue, min: 0, max: 255, typeName: "System.Byte")) }
                }
                return .guid(UUID(uuid: (b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
            }
            return try call.wrapping { try LanguagePrimitives.convert(args[0], to: type, context: context) }
        case .regex:
            try call.count(1...3)
            return .object(try makeRegex(call.string(0), options: args.count > 1 ? args[1] : nil, context: context))
        case .stringBuilder:
            try call.count(0...2)
            if let first = args.first, case .string(let s) = first.baseValue { return .object(StringBuilderValue(s)) }
            return .object(StringBuilderValue())
        case .string:
            try call.count(1...2)
            if args.count == 2 { return .string(String(repeating: call.string(0), count: max(0, try call.int(1)))) }
            if let items = args[0].enumerated { return .string(items.map { LanguagePrimitives.toString($0, context: nil) }.joined()) }
            return .string(call.string(0))
        case .xml:
            if args.isEmpty { return .object(XmlNodeValue(kind: .document, name: "#document")) }
            throw call.overloadError()
        case .typedArray:
            try call.count(1...1)
            let n = try call.int(0)
            guard n >= 0 else { throw call.failure("System.OverflowException", "Arithmetic operation resulted in an overflow.") }
            let element = type.elementType ?? TypeRegistry.object
            let fill = try element.defaultValue(context: context)
            return .object(PSArray(Array(repeating: fill, count: n), elementTypeName: element.kind == .object ? nil : element.fullName))
        case .exception:
            try call.count(0...2)
            let message = args.isEmpty ? "Exception of type '\(type.fullName)' was thrown." : call.string(0)
            var inner: PSException?
            if args.count == 2, case .object(let o) = args[1].baseValue { inner = o as? PSException }
            return .object(PSException(typeName: type.fullName, message: message, innerException: inner))
        case .errorRecord:
            try call.count(4...4)
            guard case .object(let o) = args[0].baseValue, let ex = o as? PSException else { throw call.overloadError() }
            let category = ErrorCategory.allCases.first { $0.rawValue.equalsIgnoringCase(call.string(2)) } ?? .NotSpecified
            return .object(ErrorRecord(exception: ex, errorId: call.string(1), category: category,
                                       targetObject: args[3].isNull ? nil : args[3]))
        case .int32, .int64, .double, .single, .decimal, .byte, .sbyte, .int16, .uint16, .uint32, .uint64, .bigInteger, .bool, .char:
            if type.kind == .bigInteger && args.count == 1 { return try call.wrapping { try LanguagePrimitives.convert(args[0], to: type, context: context) } }
            try call.count(0...0)
            return try LanguagePrimitives.convert(.null, to: type, context: context)
        default:
            throw RuntimeError("A constructor was not found. Cannot find an appropriate constructor for type \(type.fullName).",
                               id: "CannotFindAppropriateCtor", category: .ObjectNotFound, target: .object(type))
        }
    }

    /// A regex with .NET options given by name (`"IgnoreCase, Multiline"`) or number.
    static func makeRegex(_ pattern: String, options: PSValue?, context: ExecutionContext) throws -> RegexValue {
        var flags = 0
        if let options {
            let text = LanguagePrimitives.toString(options, context: nil)
            if let n = Int(text) { flags = n } else {
                let names = ["none": 0, "ignorecase": 1, "multiline": 2, "explicitcapture": 4, "compiled": 8, "singleline": 16,
                             "ignorepatternwhitespace": 32, "righttoleft": 64, "ecmascript": 256, "cultureinvariant": 512, "nonbacktracking": 1024]
                for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
                    guard let bit = names[part.lowercased()] else {
                        throw RuntimeError("Cannot convert value \"\(part)\" to type \"System.Text.RegularExpressions.RegexOptions\".",
                                           id: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified,
                                           exceptionType: "System.Management.Automation.MethodException", target: options)
                    }
                    flags |= bit
                }
            }
        }
        var extra: NSRegularExpression.Options = []
        if flags & 2 != 0 { extra.insert(.anchorsMatchLines) }
        if flags & 16 != 0 { extra.insert(.dotMatchesLineSeparators) }
        if flags & 32 != 0 { extra.insert(.allowCommentsAndWhitespace) }
        let ignoreCase = flags & 1 != 0
        let regex = try RegexCache.on(context).regex(pattern, ignoreCase: ignoreCase, extraOptions: extra)
        return RegexValue(pattern: pattern, regex: regex, ignoreCase: ignoreCase)
    }
}
