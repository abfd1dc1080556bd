import PSLanguage

/// Instances, constructors, methods and properties of script classes. An instance is a PSObject
/// whose type names are the class lineage, so formatting, `-is` and Select-Object treat it as
/// an object with properties; the class adds typed assignment, methods and hidden members.
enum ScriptClasses {
    // MARK: Construction

    static func construct(_ definition: ScriptTypeDefinition, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        let object = try newInstance(definition, context: context)
        try runConstructor(definition, object, arguments, context: context)
        return .object(object)
    }

    /// An instance with every property at its initial value, before any constructor runs.
    static func newInstance(_ definition: ScriptTypeDefinition, context: ExecutionContext) throws -> PSObject {
        let object = PSObject(typeNames: definition.instanceTypeNames)
        object.scriptClass = definition
        for p in definition.instanceProperties { object[p.name] = .null }
        for type in definition.lineage.reversed() {
            for p in type.properties where !p.isStatic {
                object[p.name] = try initialValue(p, context: context)
            }
        }
        return object
    }

    static func initialValue(_ p: ScriptPropertyDefinition, context: ExecutionContext) throws -> PSValue {
        let type = try p.typeName.map { try resolve($0, context: context) }
        guard let initializer = p.initializer else {
            // Value types start at their default; reference types at $null.
            return try type?.defaultValue(context: context) ?? .null
        }
        let value = try initializer(context)
        return try type.map { try LanguagePrimitives.convert(value, to: $0, context: context) } ?? value
    }

    private static func runConstructor(_ definition: ScriptTypeDefinition, _ object: PSObject, _ arguments: [PSValue],
                                       context: ExecutionContext) throws {
        if definition.constructors.isEmpty {
            guard arguments.isEmpty else { throw overloadError("new", arguments.count, definition) }
            if let base = definition.baseDefinition { try runConstructor(base, object, [], context: context) }
            return
        }
        let ctor = try pick(definition.constructors, arguments, name: "new", definition: definition, context: context)
        let converted = try convertArguments(ctor, arguments, context: context)
        if let base = definition.baseDefinition {
            // `: base(args)` sees the constructor's parameters and `$this`.
            var baseArguments: [PSValue] = []
            if let expressions = ctor.baseArguments {
                baseArguments = try context.withScope(Scope(parent: context.currentScope)) {
                    try context.setVariable("this", .object(object))
                    for (name, value) in zip(ctor.parameterNames, converted) { try context.setVariable(name, value) }
                    return try expressions.map { try $0(context) }
                }
            }
            try runConstructor(base, object, baseArguments, context: context)
        }
        _ = try run(ctor, this: .object(object), converted, context: context)
    }

    // MARK: Methods

    /// Calls an instance method (`$this` is `target`), or nil when the class has none by that name.
    static func invokeMethod(_ object: PSObject, _ definition: ScriptTypeDefinition, _ name: String, _ arguments: [PSValue],
                             context: ExecutionContext) throws -> PSValue? {
        let candidates = definition.methods(named: name, isStatic: false)
        if candidates.isEmpty { return nil }
        let method = try pick(candidates, arguments, name: name, definition: definition, context: context)
        return try run(method, this: .object(object), try convertArguments(method, arguments, context: context), context: context)
    }

    static func invokeStaticMethod(_ definition: ScriptTypeDefinition, _ name: String, _ arguments: [PSValue],
                                   context: ExecutionContext) throws -> PSValue? {
        let candidates = definition.methods(named: name, isStatic: true)
        if candidates.isEmpty { return nil }
        let method = try pick(candidates, arguments, name: name, definition: definition, context: context)
        return try run(method, this: nil, try convertArguments(method, arguments, context: context), context: context)
    }

    /// Runs a method body: only `return` gives its result; other output is discarded, as in PowerShell.
    private static func run(_ method: ScriptMethodDefinition, this: PSValue?, _ arguments: [PSValue],
                            context: ExecutionContext) throws -> PSValue {
        let pipe = MethodReturnPipe()
        try context.withScope(Scope(parent: context.currentScope)) {
            if let this { try context.setVariable("this", this) }
            try context.invokeScriptBlock(method.block, dollarUnder: nil, arguments: arguments, newScope: false, pipe: pipe)
        }
        guard let returnType = method.returnType else { return .null }
        let type = try resolve(returnType, context: context)
        return try LanguagePrimitives.convert(pipe.returnValue ?? .null, to: type, context: context)
    }

    /// The overload for the argument count; among several, the one whose parameter types take the arguments.
    private static func pick(_ candidates: [ScriptMethodDefinition], _ arguments: [PSValue], name: String,
                             definition: ScriptTypeDefinition, context: ExecutionContext) throws -> ScriptMethodDefinition {
        let byCount = candidates.filter { $0.parameterCount == arguments.count }
        guard let first = byCount.first else { throw overloadError(name, arguments.count, definition) }
        if byCount.count == 1 { return first }
        // Prefer exact type matches, then any that converts.
        for m in byCount where zip(m.parameterTypes, arguments).allSatisfy({ typeName, value in
            guard let typeName else { return true }
            return (try? resolve(typeName, context: context).isInstance(value)) ?? false
        }) { return m }
        for m in byCount where (try? convertArguments(m, arguments, context: context)) != nil { return m }
        return first
    }

    private static func convertArguments(_ method: ScriptMethodDefinition, _ arguments: [PSValue],
                                         context: ExecutionContext) throws -> [PSValue] {
        var result: [PSValue] = []
        for (index, (typeName, value)) in zip(method.parameterTypes, arguments).enumerated() {
            guard let typeName else { result.append(value); continue }
            do {
                result.append(try LanguagePrimitives.convert(value, to: try resolve(typeName, context: context), context: context))
            } catch let error as RuntimeError {
                throw RuntimeError("Cannot convert argument \"\(method.parameterNames[index])\", with value: \"\(LanguagePrimitives.toString(value, context: context))\", for \"\(method.name)\" to type \"\(typeName.description)\": \"\(error.record.exception.message)\"",
                                   id: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified,
                                   exceptionType: "System.Management.Automation.MethodException", target: value)
            }
        }
        return result
    }

    static func overloadError(_ name: String, _ count: Int, _ definition: ScriptTypeDefinition) -> RuntimeError {
        RuntimeError("Cannot find an overload for \"\(name)\" and the argument count: \"\(count)\".",
                     id: "MethodCountCouldNotFindBest", category: .NotSpecified,
                     exceptionType: "System.Management.Automation.MethodException", target: .string(definition.name))
    }

    static func resolve(_ typeName: TypeName, context: ExecutionContext) throws -> PSTypeInfo {
        guard let type = context.resolveType(typeName) else { throw Compiler.typeNotFound(typeName, extent: typeName.extent) }
        return type
    }

    // MARK: Properties

    /// Assigns an instance property, converting to its declared type.
    static func setProperty(_ object: PSObject, _ definition: ScriptTypeDefinition, _ name: String, _ value: PSValue,
                            context: ExecutionContext) throws -> Bool {
        guard let p = definition.instanceProperty(name) else { return false }
        var converted = value
        if let typeName = p.typeName {
            do {
                converted = try LanguagePrimitives.convert(value, to: try resolve(typeName, context: context), context: context)
            } catch let error as RuntimeError {
                throw RuntimeError("Exception setting \"\(p.name)\": \"\(error.record.exception.message)\"",
                                   id: "ExceptionWhenSetting", category: .NotSpecified,
                                   exceptionType: "System.Management.Automation.SetValueInvocationException", target: value)
            }
        }
        object[p.name] = converted
        return true
    }

    static func staticProperty(_ definition: ScriptTypeDefinition, _ name: String) -> PSValue? {
        guard let (owner, p) = definition.staticOwner(name) else { return nil }
        return owner.staticValues[CaseInsensitiveKey(p.name)] ?? .null
    }

    static func setStaticProperty(_ definition: ScriptTypeDefinition, _ name: String, _ value: PSValue,
                                  context: ExecutionContext) throws -> Bool {
        guard let (owner, p) = definition.staticOwner(name) else { return false }
        let converted = try p.typeName.map { try LanguagePrimitives.convert(value, to: try resolve($0, context: context), context: context) } ?? value
        owner.staticValues[CaseInsensitiveKey(p.name)] = converted
        return true
    }

    /// Names shown by formatting and Get-Member: everything but `hidden` properties.
    static func visiblePropertyNames(_ object: PSObject, _ definition: ScriptTypeDefinition) -> [String] {
        object.propertyNames
    }

    // MARK: Conversion

    /// `[Class]$value`: an instance as is, a hashtable through the default constructor and its
    /// keys as properties, anything else through a one-argument constructor.
    static func convert(_ value: PSValue, to definition: ScriptTypeDefinition, context: ExecutionContext?) throws -> PSValue {
        guard let context else { throw LanguagePrimitives.invalidCast(value, definition.name) }
        if case .object(let o) = value, let p = o as? PSObject, p.scriptClass.map({ $0.lineage.contains { $0 === definition } }) == true {
            return value
        }
        if value.isNull { return .null }
        if let table = value.baseValue.asHashtable {
            let object = try newInstance(definition, context: context)
            try runConstructor(definition, object, [], context: context)
            for (key, item) in table.pairs {
                let name = LanguagePrimitives.toString(key, context: context)
                guard try setProperty(object, definition, name, item, context: context) else {
                    throw RuntimeError("Cannot create object of type \"\(definition.name)\". The \(name) property was not found for the \(definition.name) object. The available property is: \(definition.instanceProperties.map { "[\($0.name) <\($0.typeName?.description ?? "System.Object")>]" }.joined(separator: " , "))",
                                       id: "ObjectCreationError", category: .InvalidArgument,
                                       exceptionType: "System.Management.Automation.PSInvalidCastException", target: value)
                }
            }
            return .object(object)
        }
        if definition.constructors.contains(where: { $0.parameterCount == 1 }) {
            return try construct(definition, [value], context: context)
        }
        throw LanguagePrimitives.invalidCast(value, definition.name)
    }
}

/// Where a method body's output goes: dropped, except the value of `return`.
final class MethodReturnPipe: OutputPipe {
    var returnValue: PSValue?
}
