import PSRuntime

/// Property access shared by the object cmdlets, on top of the member adapter.
enum UtilityProperties {
    /// The names of an object's properties, in order (for wildcards and `Select-Object *`).
    static func names(of value: PSValue) -> [String] {
        if let object = value.asPSObject {
            var names = object.propertyNames
            if let base = object.baseObject, base.asPSObject != nil {
                for name in Self.names(of: base) where !names.contains(where: { $0.equalsIgnoringCase(name) }) {
                    names.append(name)
                }
            }
            return names
        }
        return Members.propertyNames(of: value)
    }

    /// A property's value, `$null` when the object has no such property.
    static func value(of value: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue {
        if case .null = value { return .null }
        return try Members.getMember(value, name, context: context)
    }

    /// The .NET type name of a value (the first of its type names for PSObjects).
    static func typeName(of value: PSValue) -> String {
        if let object = value.asPSObject, let first = object.typeNames.first { return first }
        return LanguagePrimitives.typeName(of: value)
    }

    /// A PSObject for a value: the value itself when it is one, else a wrapper decorating it.
    static func wrap(_ value: PSValue) -> PSObject {
        if let object = value.asPSObject { return object }
        var typeNames = [LanguagePrimitives.typeName(of: value)]
        if typeNames[0] != "System.Object" { typeNames.append("System.Object") }
        return PSObject(typeNames: typeNames, baseObject: value)
    }

    /// The output of a script block as one value: nothing is `$null`, one value is itself,
    /// several are an array.
    static func single(_ values: [PSValue]) -> PSValue {
        switch values.count {
        case 0: return .null
        case 1: return values[0]
        default: return .array(values)
        }
    }
}

extension CommandContext {
    /// True when this call has an input object, from the pipeline or from -InputObject
    /// (PowerShell's "not AutomationNull"). The pipeline case is checked first: it is the hot one.
    var hasInputObject: Bool { currentInput != nil || isBound("InputObject") }
}
