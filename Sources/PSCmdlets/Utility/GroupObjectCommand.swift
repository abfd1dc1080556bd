import PSRuntime

/// Groups pipeline objects that have the same property values.
final class GroupObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GroupObjectCommand.self, name: "Group-Object", aliases: ["group"],
        synopsis: "Groups objects that share the same values of the given properties.",
        description: "Writes one GroupInfo object per distinct key, with Count, Name and the Group of objects. When all keys have the same type the groups come out sorted by key; otherwise in order of first appearance. -AsHashTable returns a hashtable from key to group instead.",
        outputTypes: ["Microsoft.PowerShell.Commands.GroupInfo", "System.Collections.Hashtable"],
        examples: [HelpExample("'a', 'b', 'a' | Group-Object", "Two groups: a (2) and b (1)."),
                   HelpExample("Get-ChildItem | Group-Object Extension -NoElement", "Counts files per extension."),
                   HelpExample("$h = $people | Group-Object Team -AsHashTable", "Looks groups up by team name.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to group."),
            Parameter("Property", \.property, position: 0, help: "Grouping keys: names, script blocks or hashtables with Expression."),
            .switchParameter("NoElement", \.noElement, help: "Leaves the grouped objects out of the result."),
            .switchParameter("AsHashTable", \.asHashTable, sets: ["HashTable"], aliases: ["AHT"],
                             help: "Returns a hashtable whose keys are the group keys."),
            .switchParameter("AsString", \.asString, sets: ["HashTable"], help: "Makes the hashtable keys strings."),
            Parameter("Culture", \.culture, help: "The culture for text comparison."),
            .switchParameter("CaseSensitive", \.caseSensitive, help: "Makes keys that differ only in case separate groups."),
        ])

    static let groupInfoTypeName = "Microsoft.PowerShell.Commands.GroupInfo"
    static let noElementTypeName = "Microsoft.PowerShell.Commands.GroupInfoNoElement"

    var inputObject: PSValue = .null
    var property: [PSValue] = []
    var noElement = false
    var asHashTable = false
    var asString = false
    var culture: String?
    var caseSensitive = false

    private var expressions: [PropertyExpression] = []
    private var entries: [(object: PSValue, keys: [PSValue])] = []
    private var keyTypes: [String?] = []
    private var mixedTypes = false

    private struct Group {
        var keys: [PSValue]
        var members: [PSValue]
    }

    func begin(_ context: CommandContext) throws {
        if asString && !asHashTable {
            throw context.terminatingError("-AsString can only be used together with -AsHashTable.", id: "ArgumentException",
                                           category: .InvalidArgument, exceptionType: "System.ArgumentException")
        }
        expressions = try PropertyExpression.parse(property, keys: .expressionOnly, context: context)
        if asHashTable && !asString && expressions.count > 1 {
            throw context.terminatingError("-AsHashTable without -AsString needs a single grouping property.",
                                           id: "ArgumentException", category: .InvalidArgument,
                                           exceptionType: "System.ArgumentException")
        }
    }

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject, !inputObject.isNull else { return }
        let object = inputObject
        let keys = expressions.isEmpty ? [object] : try expressions.map { try $0.value(on: object, context: context) }
        entries.append((object, keys))
        if !mixedTypes { noteTypes(of: keys) }
    }

    /// Tracks whether every key has one type; then PowerShell sorts the groups.
    private func noteTypes(of keys: [PSValue]) {
        let types: [String?] = keys.map { $0.baseValue.isNull ? nil : LanguagePrimitives.typeName(of: $0.baseValue) }
        if keyTypes.isEmpty { keyTypes = types; return }
        for (i, type) in types.enumerated() {
            guard let type else { continue }
            if keyTypes[i] == nil { keyTypes[i] = type } else if keyTypes[i] != type { mixedTypes = true; return }
        }
    }

    func end(_ context: CommandContext) throws {
        guard !entries.isEmpty else { return }
        let comparer = ObjectComparer(caseSensitive: caseSensitive, context: context.session)
        let ascending = Array(repeating: true, count: entries[0].keys.count)
        var groups: [Group] = []
        if !mixedTypes {
            let order = entries.indices.sorted { a, b in
                let c = comparer.compare(keys: entries[a].keys, entries[b].keys, ascending: ascending)
                return c != 0 ? c < 0 : a < b
            }
            for i in order {
                if let lastGroup = groups.last, comparer.compare(keys: lastGroup.keys, entries[i].keys, ascending: ascending) == 0 {
                    groups[groups.count - 1].members.append(entries[i].object)
                } else {
                    groups.append(Group(keys: entries[i].keys, members: [entries[i].object]))
                }
            }
        } else {
            for entry in entries {
                if let g = groups.firstIndex(where: { comparer.compare(keys: $0.keys, entry.keys, ascending: ascending) == 0 }) {
                    groups[g].members.append(entry.object)
                } else {
                    groups.append(Group(keys: entry.keys, members: [entry.object]))
                }
            }
        }
        if asHashTable {
            try context.write(.object(hashtable(of: groups, context)))
            return
        }
        for group in groups { try context.write(.object(groupInfo(group, context))) }
    }

    private func hashtable(of groups: [Group], _ context: CommandContext) -> PSHashtable {
        let table = PSHashtable()
        for group in groups {
            let key: PSValue = asString ? .string(Self.name(of: group.keys, context)) : group.keys[0].baseValue
            table[key] = .array(group.members)
        }
        return table
    }

    private func groupInfo(_ group: Group, _ context: CommandContext) -> PSObject {
        let typeNames = noElement ? [Self.noElementTypeName, Self.groupInfoTypeName, "System.Object"]
                                  : [Self.groupInfoTypeName, "System.Object"]
        let info = PSObject(typeNames: typeNames)
        info.add("Count", .int(Int32(clamping: group.members.count)))
        info.add("Name", .string(Self.name(of: group.keys, context)))
        info.add("Group", noElement ? .null : .array(group.members))
        info.add("Values", .object(PSArray(group.keys, isList: true)))
        return info
    }

    /// The group's name: the key values as text, joined with ", " (collections in braces).
    static func name(of keys: [PSValue], _ context: CommandContext) -> String {
        var parts: [String] = []
        for key in keys where !key.isNull {
            if let items = key.enumerated {
                parts.append("{" + items.map { LanguagePrimitives.toString($0, context: context.session) }.joined(separator: ", ") + "}")
            } else {
                parts.append(LanguagePrimitives.toString(key, context: context.session))
            }
        }
        return parts.joined(separator: ", ")
    }
}
