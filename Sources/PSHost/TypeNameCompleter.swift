import PSRuntime

/// Completes a type name after `[`, from the types the runtime resolves. Like pwsh it matches
/// names with as many dots as were typed: `[Sys` offers the `System` namespace, `[System.Coll`
/// offers `System.Collections`, and short names (`[ArrayLi`) complete to the full name.
enum TypeNameCompleter {
    private struct Key {
        var key: String
        var item: CompletionItem
    }

    /// The text before `end` when it is a type name being typed after `[`, as (start, typed name).
    static func typedName(_ bytes: [UInt8], end: Int) -> (start: Int, name: String)? {
        var start = end
        while start > 0, isTypeNameByte(bytes[start - 1]) { start -= 1 }
        guard start > 0, bytes[start - 1] == UInt8(ascii: "[") else { return nil }
        // `$a[0`, `(…)[1`: an index, not a type.
        if start > 1, isTypeNameByte(bytes[start - 2]) || ")]}$'\"".utf8.contains(bytes[start - 2]) { return nil }
        return (start, String(decoding: bytes[start..<end], as: UTF8.self))
    }

    static func complete(_ typed: String) -> [CompletionItem] {
        let dots = typed.filter { $0 == "." }.count
        let lowered = typed.lowercased()
        var seen = Set<String>()
        return keys.filter { entry in
            entry.key.filter({ $0 == "." }).count == dots && entry.key.lowercased().hasPrefix(lowered)
        }
        .map(\.item)
        .sorted { $0.text.lowercased() < $1.text.lowercased() }
        .filter { seen.insert($0.text.lowercased()).inserted }
    }

    /// Accelerators (complete to themselves), full names, short names (complete to the full
    /// name) and every namespace.
    private static let keys: [Key] = {
        var keys: [Key] = []
        var namespaces = Set<String>()
        for type in PSTypeInfo.knownTypeNames {
            let parts = type.fullName.split(separator: ".").map(String.init)
            let shortName = parts.last ?? type.fullName
            let full = CompletionItem(text: type.fullName, kind: .type)
            for accelerator in type.accelerators {
                keys.append(Key(key: accelerator, item: CompletionItem(text: accelerator, kind: .type)))
            }
            keys.append(Key(key: type.fullName, item: full))
            if !type.accelerators.contains(where: { $0.equalsIgnoringCase(shortName) }) {
                keys.append(Key(key: shortName, item: full))
            }
            for count in 1..<max(parts.count, 1) { namespaces.insert(parts.prefix(count).joined(separator: ".")) }
        }
        for namespace in namespaces {
            keys.append(Key(key: namespace, item: CompletionItem(text: namespace, kind: .namespace)))
        }
        return keys
    }()

    private static func isTypeNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "`")
            || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
