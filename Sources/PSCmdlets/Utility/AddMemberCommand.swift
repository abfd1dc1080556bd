import Foundation
import PSRuntime

/// Adds note properties, script properties, alias properties or script methods to an object.
final class AddMemberCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        AddMemberCommand.self, name: "Add-Member",
        synopsis: "Adds custom properties and methods to an object.",
        description: "Custom objects are changed in place. Any other value (a string, a number) is wrapped in a new object that carries the member; use -PassThru and keep the result, since the original value does not change.",
        defaultParameterSet: "TypeNameSet",
        examples: [HelpExample("$o | Add-Member -NotePropertyName Size -NotePropertyValue 10", "Adds a Size property."),
                   HelpExample("$o | Add-Member -MemberType ScriptMethod -Name Double -Value { $this.Size * 2 }", "Adds a method."),
                   HelpExample("$s = 'text' | Add-Member -NotePropertyMembers @{Source='file'} -PassThru", "Decorates a string.")],
        parameters: [
            Parameter("InputObject", \.inputObject, mandatory: true, pipeline: .byValue, help: "The object to change."),
            Parameter("MemberType", \.memberType, position: 0, mandatory: true, sets: ["MemberSet"], aliases: ["Type"],
                      help: "The kind of member to add."),
            Parameter("Name", \.name, position: 1, mandatory: true, sets: ["MemberSet"], help: "The member's name."),
            Parameter("Value", \.value, position: 2, sets: ["MemberSet"],
                      help: "The value: a note property's value, a script property's getter, a method's script, or an alias's target."),
            Parameter("SecondValue", \.secondValue, position: 3, sets: ["MemberSet"],
                      help: "A script property's setter, or the type an alias property converts to."),
            Parameter("NotePropertyName", \.notePropertyName, position: 0, mandatory: true, sets: ["NotePropertySingleMemberSet"],
                      help: "The name of the note property to add."),
            Parameter("NotePropertyValue", \.notePropertyValue, position: 1, mandatory: true, sets: ["NotePropertySingleMemberSet"],
                      help: "The value of the note property."),
            Parameter("NotePropertyMembers", \.notePropertyMembers, position: 0, mandatory: true,
                      sets: ["NotePropertyMultiMemberSet"], help: "Names and values of note properties to add."),
            Parameter("TypeName", \.typeName, help: "A type name to put first in the object's type names."),
            .switchParameter("Force", \.force, sets: ["MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet"],
                             help: "Replaces a member of the same name."),
            .switchParameter("PassThru", \.passThru, help: "Writes the changed object."),
        ])

    /// The member types (PSMemberTypes) Add-Member accepts.
    enum MemberType: String, ParameterEnum {
        case AliasProperty, CodeProperty, Property, NoteProperty, ScriptProperty, Properties, PropertySet, Method,
             CodeMethod, ScriptMethod, Methods, ParameterizedProperty, MemberSet, Event, Dynamic, InferredProperty, All

        static var parameterTypeName: String { "PSMemberTypes" }
    }

    var inputObject: PSValue = .null
    var memberType: MemberType = .NoteProperty
    var name = ""
    var value: PSValue = .null
    var secondValue: PSValue = .null
    var notePropertyName = ""
    var notePropertyValue: PSValue = .null
    var notePropertyMembers: PSHashtable?
    var typeName: String?
    var force = false
    var passThru = false

    func process(_ context: CommandContext) throws {
        let target = UtilityProperties.wrap(inputObject)
        switch context.parameterSetName {
        case "MemberSet":
            guard try add(memberType, name, to: target, context) else { return }
        case "NotePropertySingleMemberSet":
            guard try addNote(notePropertyName, notePropertyValue, to: target, context) else { return }
        case "NotePropertyMultiMemberSet":
            for (key, entry) in notePropertyMembers?.pairs ?? PSHashtable().pairs {
                guard try addNote(LanguagePrimitives.toString(key, context: context.session), entry, to: target, context) else { return }
            }
        default:
            if typeName == nil {
                throw context.terminatingError("Give a member to add, or -TypeName.", id: "TypeNameOrMemberRequired",
                                               category: .InvalidArgument,
                                               exceptionType: "System.Management.Automation.PSArgumentException")
            }
        }
        if let typeName, !typeName.isEmpty { target.typeNames.insert(typeName, at: 0) }
        if passThru { try context.write(.object(target)) }
    }

    /// Refuses a name already in use unless -Force; returns false after writing the error.
    private func makeRoom(for memberName: String, on target: PSObject, _ context: CommandContext) throws -> Bool {
        let exists = target.hasProperty(memberName) || target.scriptMethods[CaseInsensitiveKey(memberName)] != nil
        guard exists else { return true }
        if force {
            target.removeProperty(memberName)
            target.scriptMethods[CaseInsensitiveKey(memberName)] = nil
            return true
        }
        try context.writeError("A member named \"\(memberName)\" already exists; use -Force to replace it.",
                               id: "MemberAlreadyExists", category: .InvalidOperation, target: .object(target),
                               exceptionType: "System.InvalidOperationException")
        return false
    }

    private func addNote(_ noteName: String, _ noteValue: PSValue, to target: PSObject, _ context: CommandContext) throws -> Bool {
        guard try makeRoom(for: noteName, on: target, context) else { return false }
        target.add(noteName, noteValue)
        return true
    }

    private func add(_ type: MemberType, _ memberName: String, to target: PSObject, _ context: CommandContext) throws -> Bool {
        switch type {
        case .NoteProperty:
            return try addNote(memberName, value, to: target, context)
        case .ScriptProperty:
            let getter = try scriptBlock(value, "Value", context)
            guard try makeRoom(for: memberName, on: target, context) else { return false }
            target.addScriptProperty(memberName, getter: getter)
            return true
        case .ScriptMethod:
            let body = try scriptBlock(value, "Value", context)
            guard try makeRoom(for: memberName, on: target, context) else { return false }
            target.scriptMethods[CaseInsensitiveKey(memberName)] = body
            return true
        case .AliasProperty:
            let referenced = LanguagePrimitives.toString(value, context: context.session)
            guard !referenced.isEmpty else { throw missingValue(context) }
            // An alias reads through to the member it names, like a script property would.
            let escaped = referenced.replacingOccurrences(of: "'", with: "''")
            let castPrefix = secondValue.isNull ? "" : "[\(LanguagePrimitives.toString(secondValue, context: context.session))]"
            let getter = try context.session.createScriptBlock("\(castPrefix)$this.'\(escaped)'")
            guard try makeRoom(for: memberName, on: target, context) else { return false }
            target.addScriptProperty(memberName, getter: getter)
            return true
        default:
            throw context.terminatingError("Add-Member cannot add a member of type \(type.rawValue); pcsh supports NoteProperty, ScriptProperty, AliasProperty and ScriptMethod.",
                                           id: "CannotAddMemberType", category: .InvalidOperation,
                                           exceptionType: "System.InvalidOperationException")
        }
    }

    private func scriptBlock(_ argument: PSValue, _ parameter: String, _ context: CommandContext) throws -> ScriptBlock {
        if argument.isNull { throw missingValue(context) }
        guard let block = argument.baseValue.asScriptBlock else {
            throw context.terminatingError("The -\(parameter) argument must be a script block for this member type.",
                                           id: "ConvertToFinalInvalidCastException", category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.PSInvalidCastException")
        }
        return block
    }

    private func missingValue(_ context: CommandContext) -> RuntimeError {
        context.terminatingError("The -Value parameter is needed for this member type.", id: "Value1ShouldNotBeNull",
                                 category: .InvalidArgument, exceptionType: "System.Management.Automation.PSArgumentException")
    }
}
