import Foundation
import PSRuntime

/// Creates an object of a named type.
final class NewObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewObjectCommand.self, name: "New-Object",
        synopsis: "Creates an instance of a type.",
        description: "New-Object PSObject (or PSCustomObject) makes a custom object; -Property then sets its properties. Collections such as System.Collections.ArrayList and System.Collections.Generic.List[T] are available; -ArgumentList passes constructor arguments.",
        defaultParameterSet: "Net",
        examples: [HelpExample("New-Object PSObject -Property @{Name='x'; Size=1}", "A custom object with two properties."),
                   HelpExample("$list = New-Object System.Collections.ArrayList", "An empty growable list.")],
        parameters: [
            Parameter("TypeName", \.typeName, position: 0, mandatory: true, sets: ["Net"], help: "The type to create."),
            Parameter("ArgumentList", \.argumentList, position: 1, sets: ["Net"], aliases: ["Args"],
                      help: "Arguments for the constructor."),
            Parameter("ComObject", \.comObject, position: 0, mandatory: true, sets: ["Com"], help: "A COM class (Windows only)."),
            .switchParameter("Strict", \.strict, sets: ["Com"], help: "Reports COM interop wrappers (Windows only)."),
            Parameter("Property", \.property, help: "Property values to set on the new object."),
        ])

    var typeName = ""
    var argumentList: [PSValue] = []
    var comObject = ""
    var strict = false
    var property: PSHashtable?

    func end(_ context: CommandContext) throws {
        if context.parameterSetName == "Com" {
            throw context.terminatingError("COM objects are not available on this platform.", id: "NamedParameterNotFound",
                                           category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.PSNotSupportedException")
        }
        let created = try create(context)
        if let property { try apply(property, to: created, context) }
        try context.write(created)
    }

    private func create(_ context: CommandContext) throws -> PSValue {
        let name = typeName.trimmingCharacters(in: .whitespaces)
        let lowered = name.lowercased()
        switch lowered {
        case "psobject", "pscustomobject", "system.management.automation.psobject",
             "system.management.automation.pscustomobject", "object", "system.object":
            if let first = argumentList.first, argumentList.count == 1, lowered.hasSuffix("psobject") {
                return .object(UtilityProperties.wrap(first))
            }
            return .object(PSObject())
        default:
            break
        }
        guard let type = context.session.resolveType(name: name) else {
            throw context.terminatingError("Cannot find type [\(name)]: verify that the type name is right.",
                                           id: "TypeNotFound", category: .InvalidType, target: .string(name),
                                           exceptionType: "System.Management.Automation.PSArgumentException")
        }
        try context.session.checkObjectCreation(of: type)
        return try Members.construct(type, argumentList, context: context.session)
    }

    private func apply(_ values: PSHashtable, to created: PSValue, _ context: CommandContext) throws {
        for (key, value) in values.pairs {
            let name = LanguagePrimitives.toString(key, context: context.session)
            if let object = created.asPSObject {
                object[name] = value
                continue
            }
            do {
                try Members.setMember(created, name, value, context: context.session)
            } catch let error as RuntimeError {
                try context.writeError(ErrorRecord(exception: error.record.exception, errorId: "InvalidOperationException",
                                                   category: .InvalidOperation, targetObject: .string(name)))
            }
        }
    }
}
