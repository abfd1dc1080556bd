import Foundation

extension Members {
    /// Properties of the runtime's other value classes (errors, types, regex results, XML…).
    static func objectProperty(_ o: AnyObject, _ target: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue? {
        let lower = name.lowercased()
        switch o {
        case let b as BoxedValue<Int64> where b.typeName == "System.TimeSpan":
            return timeSpanProperty(b.value, name)
        case let e as ErrorRecord: return errorRecordProperty(e, lower)
        case let e as PSException: return exceptionProperty(e, lower)
        case let t as PSTypeInfo: return typeProperty(t, lower)
        case let v as VersionValue:
            switch lower {
            case "major": return .int(Int32(v.major))
            case "minor": return .int(Int32(v.minor))
            case "build": return .int(Int32(v.build))
            case "revision": return .int(Int32(v.revision))
            default: return nil
            }
        case let m as MatchValue:
            switch lower {
            case "success": return .bool(m.success)
            case "value": return .string(m.value)
            case "index": return .int(Int32(m.index))
            case "length": return .int(Int32(m.length))
            case "groups": return .object(PSArray(m.groups.map { .object($0) }))
            case "name": return .string("0")
            case "captures": return .array(m.success ? [.object(m)] : [])
            default: return nil
            }
        case let g as GroupValue:
            switch lower {
            case "success": return .bool(g.success)
            case "value": return .string(g.value)
            case "index": return .int(Int32(g.index))
            case "length": return .int(Int32(g.length))
            case "name": return .string(g.name)
            default: return nil
            }
        case let r as RegexValue:
            switch lower {
            case "options": return .string(r.ignoreCase ? "IgnoreCase" : "None")
            case "righttoleft": return .bool(false)
            case "matchtimeout": return .timeSpan(ticks: -10_000)
            default: return nil
            }
        case let sb as StringBuilderValue:
            switch lower {
            case "length": return .int(Int32(sb.text.utf16.count))
            case "capacity", "maxcapacity": return .int(Int32(max(16, sb.text.utf16.count)))
            default: return nil
            }
        case let m as PSMemberSetValue: return memberSetProperty(m, lower)
        case let p as PSPropertyInfoValue:
            switch lower {
            case "name": return .string(p.name)
            case "value": return try p.owner.flatMap { try property($0, p.name, context: context) } ?? p.value
            case "membertype": return .string(p.memberType)
            case "typenameofvalue": return .string(p.value.isNull ? "System.Object" : LanguagePrimitives.typeName(of: p.value))
            case "issettable": return .bool(p.isSettable)
            case "isgettable": return .bool(true)
            case "isinstance": return .bool(true)
            default: return nil
            }
        case let x as XmlNodeValue: return xmlProperty(x, name)
        case let s as ScriptBlock:
            switch lower {
            case "isfilter": return .bool(s.isFilter)
            case "file": return s.ast.extent.file?.path.map { .string($0) } ?? .null
            case "startposition": return .null
            default: return nil
            }
        case let sw as SwitchValue:
            return lower == "ispresent" ? .bool(sw.isPresent) : nil
        case let e as EncodingValue:
            switch lower {
            case "encodingname", "webname", "bodyname", "headername": return .string(e.name == "UTF8" ? "utf-8" : e.name.lowercased())
            case "codepage": return .int(e.name == "UTF8" ? 65001 : (e.name == "Unicode" ? 1200 : 20127))
            default: return nil
            }
        default:
            return nil
        }
    }

    static func objectPropertyNames(_ o: AnyObject, _ value: PSValue) -> [String] {
        switch o {
        case let b as BoxedValue<Int64> where b.typeName == "System.TimeSpan": return timeSpanPropertyNames
        case is ErrorRecord: return ["Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails", "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo"]
        case is PSException: return ["Message", "InnerException", "ErrorRecord", "Source", "HResult", "StackTrace"]
        case is PSTypeInfo: return ["Name", "FullName", "Namespace", "BaseType", "IsArray", "IsValueType"]
        case is VersionValue: return ["Major", "Minor", "Build", "Revision"]
        case is MatchValue: return ["Groups", "Success", "Name", "Captures", "Index", "Length", "Value"]
        case is GroupValue: return ["Success", "Name", "Index", "Length", "Value"]
        case is StringBuilderValue: return ["Capacity", "MaxCapacity", "Length"]
        case is PSPropertyInfoValue: return ["MemberType", "IsSettable", "IsGettable", "Value", "TypeNameOfValue", "Name", "IsInstance"]
        case let x as XmlNodeValue: return x.adaptedPropertyNames
        case is SwitchValue: return ["IsPresent"]
        default: return []
        }
    }

    private static func errorRecordProperty(_ e: ErrorRecord, _ lower: String) -> PSValue? {
        switch lower {
        case "exception": return .object(e.exception)
        case "fullyqualifiederrorid": return .string(e.fullyQualifiedErrorId)
        case "targetobject": return e.targetObject ?? .null
        case "categoryinfo":
            let info = PSObject(typeNames: ["System.Management.Automation.ErrorCategoryInfo", "System.Object"],
                                baseObject: .string(e.categoryInfoText))
            let reason = e.exception.typeName.split(separator: ".").last.map(String.init) ?? e.exception.typeName
            info["Category"] = .string(e.category.rawValue)
            info["Activity"] = .string(e.invocationInfo.commandName ?? "")
            info["Reason"] = .string(reason)
            info["TargetName"] = .string(e.targetObject.map { LanguagePrimitives.toString($0, context: nil) } ?? "")
            info["TargetType"] = .string(e.targetObject.map { PSTypeInfo.of($0).name } ?? "")
            return .object(info)
        case "invocationinfo": return .object(invocationInfo(e.invocationInfo))
        case "scriptstacktrace": return .string(e.scriptStackTrace)
        case "errordetails": return e.recommendedAction.map { .string($0) } ?? .null
        case "pipelineiterationinfo": return .array([])
        default: return nil
        }
    }

    static func invocationInfo(_ info: InvocationInfo) -> PSObject {
        let o = PSObject(typeNames: ["System.Management.Automation.InvocationInfo", "System.Object"])
        let extent = info.extent
        o["MyCommand"] = info.commandName.map { .string($0) } ?? .null
        o["ScriptName"] = .string(info.scriptName ?? "")
        o["ScriptLineNumber"] = .int(Int32(extent?.startLine ?? 0))
        o["OffsetInLine"] = .int(Int32(extent?.startColumn ?? 0))
        o["Line"] = .string(info.line ?? "")
        o["InvocationName"] = .string(info.commandName ?? "")
        o["PSCommandPath"] = .string(info.scriptName ?? "")
        var position = ""
        if let extent, extent.startLine > 0 {
            position = "At \(info.scriptName ?? "line"):\(extent.startLine) char:\(extent.startColumn)\n+ \(info.line ?? "")"
        }
        o["PositionMessage"] = .string(position)
        return o
    }

    private static func exceptionProperty(_ e: PSException, _ lower: String) -> PSValue? {
        switch lower {
        case "message": return .string(e.message)
        case "innerexception": return e.innerException.map { .object($0) } ?? .null
        case "errorrecord": return e.errorRecord.map { .object($0) } ?? .null
        case "source": return .string("System.Management.Automation")
        case "hresult": return .int(-2146233087)
        case "stacktrace": return .null
        case "data": return .object(PSHashtable())
        case "targetsite", "helplink": return .null
        case "wascaught": return .bool(false)
        default:
            if let thrown = e.thrownValue, case .object(let o) = thrown, let p = o as? PSObject { return p[lower] }
            return nil
        }
    }

    private static func typeProperty(_ t: PSTypeInfo, _ lower: String) -> PSValue? {
        switch lower {
        case "name": return .string(t.name)
        case "fullname": return .string(t.fullName)
        case "namespace": return .string(t.namespace)
        case "basetype": return t.baseType.map { .object($0) } ?? .null
        case "isarray": return .bool(t.isArray)
        case "isvaluetype": return .bool(t.isValueType)
        case "isclass": return .bool(!t.isValueType && t.kind != .interface)
        case "isinterface": return .bool(t.kind == .interface)
        case "isenum": return .bool(false)
        case "isgenerictype": return .bool(t.fullName.contains("`"))
        case "ispublic": return .bool(true)
        case "underlyingsystemtype": return .object(t)
        case "assemblyqualifiedname": return .string(t.fullName)
        case "generictypearguments": return .array(t.kind == .list ? t.elementType.map { [.object($0)] } ?? [] : [])
        default: return nil
        }
    }

    private static func memberSetProperty(_ m: PSMemberSetValue, _ lower: String) -> PSValue? {
        switch lower {
        case "properties":
            return .object(PSPropertyCollectionValue(m.target))
        case "typenames":
            let names = PSArray((m.target.asPSObject?.typeNames ?? LanguagePrimitives.typeNames(of: m.target)).map { .string($0) }, isList: true)
            // A custom object's type names can be changed through this list (for formatting).
            if let object = m.target.asPSObject {
                names.didMutate = { [weak object] items in
                    object?.typeNames = items.map { LanguagePrimitives.toString($0, context: nil) }
                }
            }
            return .object(names)
        case "baseobject":
            if let p = m.target.asPSObject { return p.baseObject ?? m.target }
            return m.target
        case "immediatebaseobject": return m.target.baseValue
        case "members", "methods":
            return .object(PSArray(propertyInfos(m.target).map { .object($0) }))
        default: return nil
        }
    }

    /// `.psobject.Properties`: note properties of a PSObject, else the adapted properties.
    static func propertyInfos(_ v: PSValue) -> [PSPropertyInfoValue] {
        if let p = v.asPSObject {
            var infos = p.properties.map {
                PSPropertyInfoValue(name: $0.name, value: $0.value, memberType: $0.getter == nil ? "NoteProperty" : "ScriptProperty",
                                    isSettable: $0.getter == nil)
            }
            if let base = p.baseObject { infos += propertyInfos(base) }
            return infos
        }
        if let h = v.asHashtable {
            return propertyNames(of: v).compactMap { n in hashtableProperty(h, n).map { PSPropertyInfoValue(name: n, value: $0, memberType: "Property") } }
        }
        return propertyNames(of: v).map { name in
            let value: PSValue
            switch v {
            case .string(let s): value = .int(Int32(s.utf16.count))
            case .dateTime(let d): value = dateProperty(d, name) ?? .null
            case .object(let o): value = (o is PSArray ? nil : staticObjectProperty(o, v, name)) ?? .null
            default: value = .null
            }
            return PSPropertyInfoValue(name: name, value: value, memberType: "Property", isSettable: false)
        }
    }

    /// Property lookup that needs no session (for listings).
    private static func staticObjectProperty(_ o: AnyObject, _ v: PSValue, _ name: String) -> PSValue? {
        switch o {
        case let b as BoxedValue<Int64> where b.typeName == "System.TimeSpan": return timeSpanProperty(b.value, name)
        case let e as ErrorRecord: return errorRecordProperty(e, name.lowercased())
        case let e as PSException: return exceptionProperty(e, name.lowercased())
        case let t as PSTypeInfo: return typeProperty(t, name.lowercased())
        case let x as XmlNodeValue: return xmlProperty(x, name)
        default: return nil
        }
    }

    private static func xmlProperty(_ x: XmlNodeValue, _ name: String) -> PSValue? {
        if let v = x.adaptedProperty(name) { return v }
        switch name.lowercased() {
        case "name", "localname": return .string(x.name)
        case "innertext": return .string(x.innerText)
        case "innerxml": return .string(x.innerXml)
        case "outerxml": return .string(x.outerXml)
        case "documentelement": return x.documentElement.map { .object($0) } ?? .null
        case "childnodes": return .array(x.children.map { .object($0) })
        case "firstchild": return x.children.first.map { .object($0) } ?? .null
        case "lastchild": return x.children.last.map { .object($0) } ?? .null
        case "parentnode": return x.parent.map { .object($0) } ?? .null
        case "haschildnodes": return .bool(!x.children.isEmpty)
        case "value": return x.kind == .text ? .string(x.text) : .null
        case "nodetype": return .string(x.kind == .document ? "Document" : (x.kind == .element ? "Element" : "Text"))
        case "attributes":
            return .array(x.attributes.map { .object(PSObject([("Name", .string($0.name)), ("Value", .string($0.value))])) })
        default: return nil
        }
    }

    // MARK: Methods

    static func objectMethod(_ o: AnyObject, _ call: MethodCall) throws -> PSValue? {
        let lower = call.name.lowercased()
        switch o {
        case let b as BoxedValue<Int64> where b.typeName == "System.TimeSpan":
            return try timeSpanMethod(b.value, call)
        case let sb as StringBuilderValue: return try stringBuilderMethod(sb, call)
        case let r as RegexValue: return try regexInstanceMethod(r, call)
        case is MatchValue:
            if lower == "nextmatch" { return .object(RegexSupport.failedMatch()) }
            return nil
        case let t as PSTypeInfo:
            if let result = try EnumTypes.typeMethod(t, call) { return result }
            switch lower {
            case "getelementtype": return t.elementType.map { .object($0) } ?? .null
            case "isinstanceoftype":
                try call.count(1...1)
                return .bool(t.isInstance(call.arguments[0]))
            case "tostring": return .string(t.fullName)
            case "getgenericarguments": return .array(t.elementType.map { [.object($0)] } ?? [])
            default: return nil
            }
        case let e as PSException:
            switch lower {
            case "tostring": return .string("\(e.typeName): \(e.message)")
            case "getbaseexception":
                var inner = e
                while let next = inner.innerException { inner = next }
                return .object(inner)
            default: return nil
            }
        case let m as PSMemberSetValue:
            if lower == "copy" {
                if let p = m.target.asPSObject { return .object(p.copy()) }
                if let h = m.target.asHashtable { return .object(h.copy()) }
                return m.target
            }
            return nil
        case let x as XmlNodeValue: return try xmlMethod(x, call)
        case let s as ScriptBlock:
            switch lower {
            case "invoke", "invokereturnasis":
                var out: [PSValue] = []
                try call.context.invokeScriptBlock(s, dollarUnder: nil, arguments: call.arguments, newScope: true) { out.append($0) }
                return lower == "invoke" ? .object(PSArray(out, isList: true)) : ScriptBlockCalls.collapse(out)
            case "getnewclosure": return .object(s)
            case "tostring": return .string(s.text)
            default: return nil
            }
        case let sw as SwitchValue:
            return lower == "tobool" ? .bool(sw.isPresent) : nil
        case let e as EncodingValue:
            switch lower {
            case "getbytes":
                try call.count(1...1)
                let bytes = call.string(0).data(using: e.encoding) ?? Data()
                return .object(PSArray(bytes.map { .byte($0) }, elementTypeName: "System.Byte"))
            case "getstring":
                try call.count(1...3)
                let bytes = try (call.arguments[0].enumerated ?? []).map { UInt8(truncatingIfNeeded: try LanguagePrimitives.toInt32($0)) }
                return .string(String(data: Data(bytes), encoding: e.encoding) ?? "")
            case "getbytecount":
                return .int(Int32(call.string(0).data(using: e.encoding)?.count ?? 0))
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func stringBuilderMethod(_ sb: StringBuilderValue, _ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "append":
            try call.count(1...3)
            if call.count == 2, case .char = call.arguments[0].baseValue {
                sb.text += String(repeating: call.string(0), count: try call.int(1))
            } else {
                sb.text += call.string(0)
            }
            return .object(sb)
        case "appendline":
            try call.count(0...1)
            sb.text += call.string(0) + "\n"
            return .object(sb)
        case "appendformat":
            try call.count(1...10)
            sb.text += try call.wrapping { try DotNetFormat.composite(call.string(0), Array(call.arguments.dropFirst())) }
            return .object(sb)
        case "insert":
            try call.count(2...2)
            var u = Array(sb.text.utf16)
            let i = try call.int(0)
            guard i >= 0, i <= u.count else { throw call.failure("System.ArgumentOutOfRangeException", "Index must be within the bounds of the string. (Parameter 'index')") }
            u.insert(contentsOf: call.string(1).utf16, at: i)
            sb.text = String(decoding: u, as: UTF16.self)
            return .object(sb)
        case "remove":
            try call.count(2...2)
            var u = Array(sb.text.utf16)
            let i = try call.int(0), n = try call.int(1)
            guard i >= 0, n >= 0, i + n <= u.count else { throw call.failure("System.ArgumentOutOfRangeException", "Index was out of range. (Parameter 'length')") }
            u.removeSubrange(i..<(i + n))
            sb.text = String(decoding: u, as: UTF16.self)
            return .object(sb)
        case "replace":
            try call.count(2...2)
            sb.text = sb.text.replacingOccurrences(of: call.string(0), with: call.string(1))
            return .object(sb)
        case "clear":
            sb.text = ""
            return .object(sb)
        case "tostring":
            if call.count == 2 {
                let u = Array(sb.text.utf16)
                let i = try call.int(0), n = try call.int(1)
                guard i >= 0, n >= 0, i + n <= u.count else { throw call.failure("System.ArgumentOutOfRangeException", "Index was out of range. (Parameter 'length')") }
                return .string(String(decoding: u[i..<(i + n)], as: UTF16.self))
            }
            return .string(sb.text)
        default: return nil
        }
    }

    private static func xmlMethod(_ x: XmlNodeValue, _ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "getattribute":
            try call.count(1...1)
            return .string(x.attribute(call.string(0)) ?? "")
        case "setattribute":
            try call.count(2...2)
            x.setAttribute(call.string(0), call.string(1))
            return .null
        case "hasattribute":
            return .bool(x.attribute(call.string(0)) != nil)
        case "removeattribute":
            x.attributes.removeAll { $0.name.equalsIgnoringCase(call.string(0)) }
            return .null
        case "selectnodes":
            try call.count(1...2)
            return .array(x.select(call.string(0)).map { .object($0) })
        case "selectsinglenode":
            try call.count(1...2)
            return x.select(call.string(0)).first.map { .object($0) } ?? .null
        case "getelementsbytagname":
            try call.count(1...1)
            let name = call.string(0)
            return .array(x.descendants.filter { name == "*" || $0.name == name }.map { .object($0) })
        case "createelement":
            try call.count(1...1)
            return .object(XmlNodeValue(kind: .element, name: call.string(0)))
        case "appendchild":
            try call.count(1...1)
            guard case .object(let o) = call.arguments[0].baseValue, let child = o as? XmlNodeValue else { throw call.overloadError() }
            child.parent = x
            x.children.append(child)
            return .object(child)
        case "removechild":
            try call.count(1...1)
            guard case .object(let o) = call.arguments[0].baseValue, let child = o as? XmlNodeValue else { throw call.overloadError() }
            x.children.removeAll { $0 === child }
            return .object(child)
        case "tostring":
            return .string(x.psToString())
        default:
            return nil
        }
    }
}
