import PSRuntime

/// Lists the properties and methods of the objects it receives, once per distinct type.
final class GetMemberCommand: Cmdlet {
    static let memberTypeNames = ["AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                                  "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                                  "MemberSet", "Event", "Dynamic", "InferredProperty", "All"]

    static let declaration = CmdletDeclaration(
        GetMemberCommand.self, name: "Get-Member", aliases: ["gm"],
        synopsis: "Lists the properties and methods of objects, grouped by their type.",
        description: "Each distinct type in the input is described once. Piped collections are described by the types of their elements; pass a collection with -InputObject to describe the collection itself.",
        outputTypes: ["Microsoft.PowerShell.Commands.MemberDefinition"],
        examples: [
            HelpExample("'text' | Get-Member", "The members of a string."),
            HelpExample("Get-ChildItem | Get-Member -MemberType Property", "Only the properties of the files and folders."),
            HelpExample("Get-Member -InputObject @(1, 2)", "The members of the array itself rather than of its numbers."),
        ],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The object whose members are listed."),
            Parameter("Name", \.name, position: 0, help: "Only members with these names (wildcards allowed)."),
            Parameter("MemberType", \.memberType, aliases: ["Type"],
                      validate: [.set(GetMemberCommand.memberTypeNames, ignoreCase: true)],
                      help: "Only members of these kinds, such as Property, NoteProperty or Method."),
            .switchParameter("Static", \.isStatic, help: "Lists the static members of the type instead of the instance members."),
            .switchParameter("Force", \.force, help: "Also lists the hidden members every object has (psobject, pstypenames, …)."),
        ])

    var inputObject: PSValue = .null
    var name: [String] = []
    var memberType: [String] = []
    var isStatic = false
    var force = false

    private var seenTypes: Set<String> = []
    private var sawInput = false

    func process(_ context: CommandContext) throws {
        guard context.isBound("InputObject") || context.expectingInput else { return }
        if inputObject.isNull && !context.isBound("InputObject") { return }
        sawInput = true
        var typeName = LanguagePrimitives.typeName(of: inputObject)
        // `[string] | Get-Member -Static` describes the type named by the literal.
        if isStatic, case .object(let object) = inputObject.baseValue, let type = object as? PSTypeInfo { typeName = type.fullName }
        guard seenTypes.insert(typeName.lowercased()).inserted else { return }
        let entries = (isStatic ? MemberCatalog.staticMembers(of: typeName) : MemberCatalog.members(of: inputObject, context: context.session))
            + (force && !isStatic ? MemberCatalog.hiddenMembers : [])
        let names = name.map { WildcardPattern($0) }
        let chosen = entries.filter { entry in
            (names.isEmpty || names.contains { $0.matches(entry.name) }) && kindMatches(entry.memberType)
        }.sorted {
            $0.memberType != $1.memberType ? $0.memberType < $1.memberType : $0.name.lowercased() < $1.name.lowercased()
        }
        for entry in chosen {
            let object = PSObject(typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition", "System.Object"])
            object["TypeName"] = .string(typeName)
            object["Name"] = .string(entry.name)
            object["MemberType"] = .string(entry.memberType)
            object["Definition"] = .string(entry.definition)
            try context.write(.object(object))
        }
    }

    func end(_ context: CommandContext) throws {
        if !sawInput {
            try context.writeError(
                "Get-Member needs an object: pipe one to it or pass it with -InputObject.",
                id: "NoObjectInGetMember", category: .CloseError, exceptionType: "System.InvalidOperationException")
        }
    }

    private func kindMatches(_ kind: String) -> Bool {
        if memberType.isEmpty { return true }
        return memberType.contains { wanted in
            switch wanted.lowercased() {
            case "all": return true
            case "properties": return kind.hasSuffix("Property")
            case "methods": return kind.hasSuffix("Method")
            default: return wanted.equalsIgnoringCase(kind)
            }
        }
    }
}
