import Foundation

extension Members {
    /// `System.String` methods: ordinal and case-sensitive unless a StringComparison says otherwise.
    static func stringMethod(_ s: String, _ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        switch call.name.lowercased() {
        case "normalize", "isnormalized": return try normalization(s, call)
        case "toupper", "toupperinvariant": return .string(s.uppercased())
        case "tolower", "tolowerinvariant": return .string(s.lowercased())
        case "trim", "trimstart", "trimend":
            let set: Set<Character>? = args.isEmpty ? nil : trimCharacters(args, call)
            let isTrimmed: (Character) -> Bool = { set.map { s in { s.contains($0) } } ?? { $0.isWhitespace } }()
            var text = Substring(s)
            let lower = call.name.lowercased()
            if lower != "trimend" { text = text.drop(while: isTrimmed) }
            if lower != "trimstart" { while let last = text.last, isTrimmed(last) { text = text.dropLast() } }
            return .string(String(text))
        case "substring":
            try call.count(1...2)
            let u = Array(s.utf16)
            let start = try call.int(0)
            guard start >= 0, start <= u.count else {
                throw call.failure("System.ArgumentOutOfRangeException", "startIndex cannot be larger than length of string. (Parameter 'startIndex')")
            }
            let length = args.count > 1 ? try call.int(1) : u.count - start
            guard length >= 0, start + length <= u.count else {
                throw call.failure("System.ArgumentOutOfRangeException", "Index and length must refer to a location within the string. (Parameter 'length')")
            }
            return .string(String(decoding: u[start..<(start + length)], as: UTF16.self))
        case "indexof", "lastindexof":
            try call.count(1...4)
            return .int(Int32(try indexOf(s, call, last: call.name.lowercased() == "lastindexof")))
        case "indexofany", "lastindexofany":
            try call.count(1...3)
            let set = Set((args[0].enumerated ?? [args[0]]).flatMap { Array(LanguagePrimitives.toString($0, context: nil).utf16) })
            let u = Array(s.utf16)
            let indices = call.name.lowercased() == "indexofany" ? Array(u.indices) : Array(u.indices.reversed())
            return .int(Int32(indices.first { set.contains(u[$0]) } ?? -1))
        case "contains":
            try call.count(1...2)
            let needle = call.string(0)
            if try comparisonIgnoresCase(call, at: 1) { return .bool(needle.isEmpty || s.range(of: needle, options: .caseInsensitive) != nil) }
            return .bool(needle.isEmpty || s.contains(needle))
        case "startswith", "endswith":
            try call.count(1...3)
            let needle = call.string(0)
            let ignore = try comparisonIgnoresCase(call, at: 1) || (args.count == 3 && call.bool(1))
            let starts = call.name.lowercased() == "startswith"
            if ignore {
                let a = s.lowercased(), b = needle.lowercased()
                return .bool(starts ? a.hasPrefix(b) : a.hasSuffix(b))
            }
            return .bool(starts ? s.utf16.starts(with: needle.utf16) : s.utf16.reversed().starts(with: needle.utf16.reversed()))
        case "replace":
            try call.count(2...4)
            let old = call.string(0)
            guard !old.isEmpty else { throw call.failure("System.ArgumentException", "String cannot be of zero length. (Parameter 'oldValue')") }
            let new = args[1].isNull ? "" : call.string(1)
            let ignore = try comparisonIgnoresCase(call, at: 2) || (args.count == 4 && call.bool(2))
            return .string(s.replacingOccurrences(of: old, with: new, options: ignore ? [.caseInsensitive] : [.literal]))
        case "split":
            return try split(s, call)
        case "padleft", "padright":
            try call.count(1...2)
            let width = try call.int(0)
            guard width >= 0 else { throw call.failure("System.ArgumentOutOfRangeException", "Non-negative number required. (Parameter 'totalWidth')") }
            let pad = args.count > 1 ? (call.string(1).first ?? " ") : " "
            let missing = width - s.utf16.count
            if missing <= 0 { return .string(s) }
            let padding = String(repeating: pad, count: missing)
            return .string(call.name.lowercased() == "padleft" ? padding + s : s + padding)
        case "insert":
            try call.count(2...2)
            var u = Array(s.utf16)
            let i = try call.int(0)
            guard i >= 0, i <= u.count else { throw call.failure("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'startIndex')") }
            u.insert(contentsOf: Array(call.string(1).utf16), at: i)
            return .string(String(decoding: u, as: UTF16.self))
        case "remove":
            try call.count(1...2)
            var u = Array(s.utf16)
            let start = try call.int(0)
            let count = args.count > 1 ? try call.int(1) : u.count - start
            guard start >= 0, count >= 0, start + count <= u.count else {
                throw call.failure("System.ArgumentOutOfRangeException", "Index and count must refer to a location within the string. (Parameter 'count')")
            }
            u.removeSubrange(start..<(start + count))
            return .string(String(decoding: u, as: UTF16.self))
        case "tochararray":
            return .object(PSArray(s.utf16.map { .char($0) }, elementTypeName: "System.Char"))
        case "equals":
            try call.count(1...2)
            if try comparisonIgnoresCase(call, at: 1) {
                return .bool(args[0].asString.map { $0.equalsIgnoringCase(s) } ?? false)
            }
            return .bool(args[0].baseValue.asString == s)
        case "compareto":
            try call.count(1...1)
            return .int(Int32(LanguagePrimitives.compareStrings(s, call.string(0), ignoreCase: false).signum()))
        case "clone", "tostring":
            if args.isEmpty { return .string(s) }
            return nil
        case "chars", "get_chars":
            try call.count(1...1)
            let u = Array(s.utf16)
            let i = try call.int(0)
            guard i >= 0, i < u.count else { throw call.failure("System.IndexOutOfRangeException", "Index was outside the bounds of the array.") }
            return .char(u[i])
        case "getenumerator":
            return .object(PSArray(s.utf16.map { .char($0) }))
        default:
            return nil
        }
    }

    private static func trimCharacters(_ args: [PSValue], _ call: MethodCall) -> Set<Character> {
        var set = Set<Character>()
        for a in args {
            for item in a.enumerated ?? [a] { set.formUnion(LanguagePrimitives.toString(item, context: nil)) }
        }
        return set
    }

    /// True when the argument at `index` is a StringComparison that ignores case.
    private static func comparisonIgnoresCase(_ call: MethodCall, at index: Int) throws -> Bool {
        guard index < call.arguments.count else { return false }
        let arg = call.arguments[index]
        if case .bool = arg { return false }
        let text = call.string(index).lowercased()
        switch text {
        case "ordinalignorecase", "currentcultureignorecase", "invariantcultureignorecase", "1", "3", "5": return true
        case "ordinal", "currentculture", "invariantculture", "0", "2", "4": return false
        default:
            if let n = Int(text) { return n % 2 == 1 }
            return false
        }
    }

    private static func indexOf(_ s: String, _ call: MethodCall, last: Bool) throws -> Int {
        let hay = Array(s.utf16)
        var needle = Array(call.string(0).utf16)
        var ignore = false
        var numeric: [Int] = []
        for i in 1..<max(1, call.count) {
            if case .string = call.arguments[i].baseValue, Int(call.string(i)) == nil { ignore = try comparisonIgnoresCase(call, at: i) } else {
                numeric.append(try call.int(i))
            }
        }
        var haystack = hay
        if ignore {
            haystack = Array(s.lowercased().utf16)
            needle = Array(call.string(0).lowercased().utf16)
            if haystack.count != hay.count { haystack = hay }
        }
        let n = haystack.count
        if last {
            let start = numeric.first ?? n - 1
            guard n > 0 else { return needle.isEmpty ? 0 : -1 }
            guard start >= 0, start < n else {
                throw call.failure("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
            }
            let lowest = numeric.count > 1 ? start - numeric[1] + 1 : 0
            var i = start - needle.count + 1
            while i >= max(lowest, 0) {
                if Array(haystack[i..<(i + needle.count)]) == needle { return i }
                i -= 1
            }
            return -1
        }
        let start = numeric.first ?? 0
        guard start >= 0, start <= n else {
            throw call.failure("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'startIndex')")
        }
        let end = numeric.count > 1 ? min(n, start + numeric[1]) : n
        if needle.isEmpty { return start }
        var i = start
        while i + needle.count <= end {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return -1
    }

    /// `String.Split`: a string argument is one separator (as in .NET Core); a char array or
    /// several arguments are alternative separators; optional count and StringSplitOptions.
    private static func split(_ s: String, _ call: MethodCall) throws -> PSValue {
        var separators: [String] = []
        var maxCount = Int.max
        var removeEmpty = false, trim = false
        var rest = call.arguments[...]
        if let first = rest.first {
            if let items = first.enumerated {
                separators = items.map { LanguagePrimitives.toString($0, context: nil) }
            } else if case .char(let c) = first.baseValue {
                separators = [String(utf16CodeUnits: [c], count: 1)]
                while let next = rest.dropFirst().first, case .char(let d) = next.baseValue {
                    separators.append(String(utf16CodeUnits: [d], count: 1))
                    rest = rest.dropFirst()
                }
            } else {
                separators = [LanguagePrimitives.toString(first, context: nil)]
            }
            rest = rest.dropFirst()
        }
        for arg in rest {
            if case .int(let n) = arg.baseValue { maxCount = Int(n); continue }
            let text = LanguagePrimitives.toString(arg, context: nil).lowercased()
            if let n = Int(text) {
                if n & 1 != 0 { removeEmpty = true }
                if n & 2 != 0 { trim = true }
                continue
            }
            for option in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                switch option {
                case "removeemptyentries": removeEmpty = true
                case "trimentries": trim = true
                case "none": break
                default: throw call.overloadError()
                }
            }
        }
        separators.removeAll { $0.isEmpty }
        let u = Array(s.utf16)
        var parts: [String] = []
        var current: [UInt16] = []
        var i = 0
        let seps = separators.map { Array($0.utf16) }
        func finish(_ piece: [UInt16]) {
            var text = String(decoding: piece, as: UTF16.self)
            if trim { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if removeEmpty && text.isEmpty { return }
            parts.append(text)
        }
        while i < u.count {
            if parts.count >= maxCount - 1 { current.append(contentsOf: u[i...]); break }
            var matched = 0
            if seps.isEmpty {
                if let scalar = Unicode.Scalar(u[i]), scalar.properties.isWhitespace { matched = 1 }
            } else {
                for sep in seps where i + sep.count <= u.count && Array(u[i..<(i + sep.count)]) == sep { matched = sep.count; break }
            }
            if matched > 0 {
                finish(current)
                current = []
                i += matched
            } else {
                current.append(u[i])
                i += 1
            }
        }
        finish(current)
        if maxCount <= 0 { parts = [] }
        return .object(PSArray(parts.map { .string($0) }, elementTypeName: "System.String"))
    }
}
