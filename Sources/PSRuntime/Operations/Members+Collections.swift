import Foundation

extension Members {
    // MARK: Arrays and lists

    static func arrayMethod(_ a: PSArray, _ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        switch call.name.lowercased() {
        case "foreach": return try forEach(a.items, call)
        case "where": return try whereMethod(a.items, call)
        case "contains":
            try call.count(1...1)
            return .bool(a.items.contains { LanguagePrimitives.equals($0, args[0], ignoreCase: false) })
        case "indexof", "lastindexof":
            try call.count(1...2)
            let matches = a.items.indices.filter { LanguagePrimitives.equals(a.items[$0], args[0], ignoreCase: false) }
            let found = call.name.lowercased() == "indexof" ? matches.first : matches.last
            return .int(Int32(found ?? -1))
        case "clone":
            return .object(PSArray(a.items, elementTypeName: a.elementTypeName, isList: a.isList))
        case "getvalue":
            try call.count(1...1)
            let i = try call.int(0)
            guard i >= 0, i < a.count else { throw call.failure("System.IndexOutOfRangeException", "Index was outside the bounds of the array.") }
            return a.items[i]
        case "setvalue":
            try call.count(2...2)
            let i = try call.int(1)
            guard i >= 0, i < a.count else { throw call.failure("System.IndexOutOfRangeException", "Index was outside the bounds of the array.") }
            a.items[i] = try element(args[0], for: a, call)
            return .null
        case "getenumerator":
            return .object(PSArray(a.items))
        case "copyto":
            try call.count(1...2)
            guard let dest = args[0].asArray else { throw call.overloadError() }
            let offset = args.count > 1 ? try call.int(1) : 0
            guard offset >= 0, offset + a.count <= dest.count else {
                throw call.failure("System.ArgumentException", "Destination array was not long enough. Check the destination index, length, and the array's lower bounds. (Parameter 'destinationArray')")
            }
            for (k, v) in a.items.enumerated() { dest.items[offset + k] = v }
            return .null
        default: break
        }
        if !a.isList {
            switch call.name.lowercased() {
            case "clear":
                // An array's IList.Clear: every element back to its type's default, the length kept.
                try call.count(0...0)
                let fill = try a.elementTypeName.flatMap { PSTypeInfo.resolve(name: $0) }?.defaultValue(context: call.context) ?? .null
                a.items = Array(repeating: fill, count: a.count)
                return .null
            case "add", "remove", "removeat", "insert", "addrange":
                throw call.failure("System.NotSupportedException", "Collection was of a fixed size.")
            default: return nil
            }
        }
        let result = try listMethod(a, call)
        a.didMutate?(a.items)
        return result
    }

    private static func listMethod(_ a: PSArray, _ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        let isArrayList = a.elementTypeName == nil
        switch call.name.lowercased() {
        case "add":
            try call.count(1...1)
            a.items.append(try element(args[0], for: a, call))
            return isArrayList ? .int(Int32(a.count - 1)) : .null
        case "addrange":
            try call.count(1...1)
            for item in args[0].enumerated ?? [args[0]] { a.items.append(try element(item, for: a, call)) }
            return .null
        case "remove":
            try call.count(1...1)
            if let i = a.items.firstIndex(where: { LanguagePrimitives.equals($0, args[0], ignoreCase: false) }) {
                a.items.remove(at: i)
                return isArrayList ? .null : .bool(true)
            }
            return isArrayList ? .null : .bool(false)
        case "removeat":
            try call.count(1...1)
            let i = try call.int(0)
            guard i >= 0, i < a.count else { throw indexOutOfRange(call) }
            a.items.remove(at: i)
            return .null
        case "removerange", "getrange":
            try call.count(2...2)
            let i = try call.int(0), n = try call.int(1)
            guard i >= 0, n >= 0, i + n <= a.count else {
                throw call.failure("System.ArgumentException", "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
            }
            if call.name.lowercased() == "getrange" {
                return .object(PSArray(Array(a.items[i..<(i + n)]), elementTypeName: a.elementTypeName, isList: true))
            }
            a.items.removeSubrange(i..<(i + n))
            return .null
        case "insert":
            try call.count(2...2)
            let i = try call.int(0)
            guard i >= 0, i <= a.count else { throw indexOutOfRange(call) }
            a.items.insert(try element(args[1], for: a, call), at: i)
            return .null
        case "insertrange":
            try call.count(2...2)
            let i = try call.int(0)
            guard i >= 0, i <= a.count else { throw indexOutOfRange(call) }
            a.items.insert(contentsOf: try (args[1].enumerated ?? [args[1]]).map { try element($0, for: a, call) }, at: i)
            return .null
        case "clear":
            a.items.removeAll()
            return .null
        case "toarray":
            return .object(PSArray(a.items, elementTypeName: a.elementTypeName))
        case "reverse":
            a.items.reverse()
            return .null
        case "sort":
            var failure: Error?
            a.items.sort { x, y in
                do { return try LanguagePrimitives.compare(x, y) < 0 } catch { failure = error; return false }
            }
            if let failure { throw call.failure("System.InvalidOperationException", "Failed to compare two elements in the array. \(failure)") }
            return .null
        case "exists", "find", "findall", "findindex", "removeall", "trueforall":
            try call.count(1...1)
            guard let block = args[0].baseValue.asScriptBlock else { throw call.overloadError() }
            func test(_ item: PSValue) throws -> Bool {
                LanguagePrimitives.isTrue(ScriptBlockCalls.collapse(try ScriptBlockCalls.invoke(block, dollarUnder: item, arguments: [item], context: call.context)))
            }
            switch call.name.lowercased() {
            case "exists": return .bool(try a.items.contains(where: test))
            case "find": return try a.items.first(where: test) ?? .null
            case "findall": return .object(PSArray(try a.items.filter(test), elementTypeName: a.elementTypeName, isList: true))
            case "findindex": return .int(Int32(try a.items.firstIndex(where: test) ?? -1))
            case "trueforall": return .bool(try a.items.allSatisfy(test))
            default:
                let before = a.count
                a.items = try a.items.filter { !(try test($0)) }
                return .int(Int32(before - a.count))
            }
        default:
            return nil
        }
    }

    private static func indexOutOfRange(_ call: MethodCall) -> RuntimeError {
        call.failure("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
    }

    /// Converts a value to a typed list's element type.
    private static func element(_ v: PSValue, for a: PSArray, _ call: MethodCall) throws -> PSValue {
        guard let name = a.elementTypeName, let type = PSTypeInfo.resolve(name: name) else { return v }
        do {
            return try LanguagePrimitives.convert(v, to: type, context: call.context)
        } catch let error as RuntimeError {
            throw call.conversionError(0, name, error)
        }
    }

    // MARK: .ForEach() and .Where()

    static func forEach(_ items: [PSValue], _ call: MethodCall) throws -> PSValue {
        guard let first = call.arguments.first else { throw call.overloadError() }
        var out: [PSValue] = []
        func emit(_ v: PSValue) {
            if let inner = v.asArray, !inner.isList { out.append(contentsOf: inner.items) } else { out.append(v) }
        }
        if let block = first.baseValue.asScriptBlock {
            let rest = Array(call.arguments.dropFirst())
            for item in items {
                try call.context.invokeScriptBlock(block, dollarUnder: item, arguments: rest, newScope: false) { out.append($0) }
            }
        } else if case .object(let o) = first.baseValue, let type = o as? PSTypeInfo {
            for item in items { out.append(try LanguagePrimitives.convert(item, to: type, context: call.context)) }
        } else {
            let member = call.string(0)
            let rest = Array(call.arguments.dropFirst())
            for item in items where !item.isNull {
                if rest.isEmpty, let v = try property(item, member, context: call.context) {
                    emit(v)
                } else if !rest.isEmpty, try property(item, member, context: call.context) != nil {
                    // ForEach(propertyName, newValue): sets the property on each item, emitting nothing.
                    try setMember(item, member, rest.count == 1 ? rest[0] : .array(rest), context: call.context)
                } else if let r = try dispatchMethod(MethodCall(target: item, name: member, arguments: rest, context: call.context)) {
                    emit(r)
                }
            }
        }
        return .object(PSArray(out, isList: true))
    }

    static func whereMethod(_ items: [PSValue], _ call: MethodCall) throws -> PSValue {
        try call.count(1...3)
        guard let block = call.arguments[0].baseValue.asScriptBlock else { throw call.overloadError() }
        let mode = call.count > 1 ? call.string(1).lowercased() : "default"
        let limit = call.count > 2 ? try call.int(2) : 0
        func test(_ item: PSValue) throws -> Bool {
            var results: [PSValue] = []
            try call.context.invokeScriptBlock(block, dollarUnder: item, arguments: [], newScope: false) { results.append($0) }
            return LanguagePrimitives.isTrue(ScriptBlockCalls.collapse(results))
        }
        var out: [PSValue] = []
        switch mode {
        case "default", "":
            for item in items where try test(item) {
                out.append(item)
                if limit > 0 && out.count >= limit { break }
            }
        case "first":
            for item in items where try test(item) {
                out.append(item)
                if out.count >= max(limit, 1) { break }
            }
        case "last":
            for item in items where try test(item) { out.append(item) }
            out = Array(out.suffix(max(limit, 1)))
        case "skipuntil":
            var started = false
            for item in items {
                if !started, try test(item) { started = true }
                if started { out.append(item) }
            }
            if limit > 0 { out = Array(out.prefix(limit)) }
        case "until":
            for item in items {
                if try test(item) { break }
                out.append(item)
            }
            if limit > 0 { out = Array(out.prefix(limit)) }
        case "split":
            var matched: [PSValue] = [], rest: [PSValue] = []
            for item in items {
                if (limit == 0 || matched.count < limit), try test(item) { matched.append(item) } else { rest.append(item) }
            }
            return .object(PSArray([.object(PSArray(matched, isList: true)), .object(PSArray(rest, isList: true))], isList: true))
        default:
            throw RuntimeError("Cannot convert value \"\(call.string(1))\" to type \"System.Management.Automation.WhereOperatorSelectionMode\".",
                               id: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified,
                               exceptionType: "System.Management.Automation.MethodException", target: call.arguments[1])
        }
        return .object(PSArray(out, isList: true))
    }

    // MARK: Hashtables

    static func hashtableMethod(_ h: PSHashtable, _ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        switch call.name.lowercased() {
        case "add":
            try call.count(2...2)
            if args[0].isNull { throw call.failure("System.ArgumentNullException", "Key cannot be null. (Parameter 'key')") }
            if !h.add(args[0], args[1]) {
                let key = LanguagePrimitives.toString(args[0], context: nil)
                throw call.failure("System.ArgumentException", "Item has already been added. Key in dictionary: '\(key)'  Key being added: '\(key)'")
            }
            return .null
        case "remove":
            try call.count(1...1)
            h.remove(args[0])
            return .null
        case "containskey", "contains":
            try call.count(1...1)
            return .bool(h.containsKey(args[0]))
        case "containsvalue":
            try call.count(1...1)
            return .bool(h.values.contains { LanguagePrimitives.equals($0, args[0], ignoreCase: false) })
        case "clear":
            h.removeAll()
            return .null
        case "clone":
            return .object(h.copy())
        case "getenumerator":
            return .object(PSArray(h.pairs.map { .object(dictionaryEntry($0.0, $0.1)) }))
        case "item", "get_item":
            // The parameterized property `Item`: a key, or for an ordered dictionary an [int] position.
            try call.count(1...1)
            return dictionaryValue(h, args[0]) ?? .null
        case "set_item":
            try call.count(2...2)
            h[args[0]] = args[1]
            return .null
        case "insert" where h.isOrdered:
            try call.count(3...3)
            let i = try call.int(0)
            guard i >= 0, i <= h.count else { throw indexOutOfRange(call) }
            var pairs = Array(h.pairs)
            pairs.removeAll { HashtableKey($0.0) == HashtableKey(args[1]) }
            pairs.insert((args[1], args[2]), at: min(i, pairs.count))
            h.removeAll()
            for (k, v) in pairs { h[k] = v }
            return .null
        case "removeat" where h.isOrdered:
            try call.count(1...1)
            let i = try call.int(0)
            guard i >= 0, i < h.count else { throw indexOutOfRange(call) }
            h.remove(h.keys[i])
            return .null
        case "asreadonly":
            return .object(h)
        default:
            return nil
        }
    }

    /// A `System.Collections.DictionaryEntry` (`Key`, `Value`, and the `Name` alias).
    /// A `DictionaryEntry` (Name/Key/Value) for one hashtable pair, as enumerating a table gives.
    public static func dictionaryEntry(_ key: PSValue, _ value: PSValue) -> PSObject {
        let entry = PSObject(typeNames: ["System.Collections.DictionaryEntry", "System.ValueType", "System.Object"])
        entry["Name"] = key
        entry["Key"] = key
        entry["Value"] = value
        return entry
    }
}
