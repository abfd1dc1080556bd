import PSRuntime

/// Reads what a module parameter was given: a name or path, or a module object from Get-Module.
enum ModuleReference {
    static func isModuleObject(_ value: PSValue) -> PSObject? {
        guard let object = value.asPSObject,
              object.typeNames.first == "System.Management.Automation.PSModuleInfo" else { return nil }
        return object
    }

    /// The module's file for a module object, else the text itself.
    static func text(of value: PSValue, context: ExecutionContext) -> String {
        if let object = isModuleObject(value), let path = object["Path"] { return LanguagePrimitives.toString(path, context: context) }
        return LanguagePrimitives.toString(value, context: context)
    }

    /// The module's name for a module object, else the text itself.
    static func name(of value: PSValue, context: ExecutionContext) -> String {
        if let object = isModuleObject(value), let name = object["Name"] { return LanguagePrimitives.toString(name, context: context) }
        return LanguagePrimitives.toString(value, context: context)
    }
}
