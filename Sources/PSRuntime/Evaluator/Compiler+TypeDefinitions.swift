import Foundation
import PSLanguage

extension Compiler {
    /// `class` / `enum`: compiled once; running the statement registers the type in the session.
    mutating func compileTypeDefinition(_ def: TypeDefinitionAst) -> CompiledStatement {
        def.isEnum ? compileEnumDefinition(def) : compileClassDefinition(def)
    }

    private mutating func compileEnumDefinition(_ def: TypeDefinitionAst) -> CompiledStatement {
        let flagNames: Set<String> = ["flags", "flagsattribute", "system.flags", "system.flagsattribute"]
        let isFlags = def.attributes.contains { flagNames.contains($0.typeName.name.lowercased()) }
        var members: [(name: String, value: CompiledExpression?, extent: SourceExtent)] = []
        for case .property(let p) in def.members {
            members.append((p.name, p.initializer.map { compileExpression($0) }, p.extent))
        }
        let name = def.name
        let underlying = def.baseTypes.first
        return { context, _ in
            let definition = ScriptTypeDefinition(name: name, isEnum: true)
            definition.isFlags = isFlags
            if let underlying {
                guard let type = context.resolveType(underlying) else { throw Compiler.typeNotFound(underlying, extent: underlying.extent) }
                guard EnumTypes.integralRanges[type.fullName] != nil else {
                    throw RuntimeError("Enum underlying type must be an integral type: \(type.fullName).", id: "InvalidUnderlyingType",
                                       category: .InvalidOperation)
                }
                definition.underlyingTypeName = type.fullName
            }
            let typeName = definition.underlyingTypeName
            var next: Int64 = 0
            for member in members {
                var value = next
                if let initializer = member.value {
                    value = try Compiler.located(member.extent) { try EnumTypes.rawValue(try initializer(context), underlying: typeName) }
                }
                definition.enumMembers.append((member.name, value))
                next = value &+ 1
            }
            Compiler.register(definition, context: context)
        }
    }

    private mutating func compileClassDefinition(_ def: TypeDefinitionAst) -> CompiledStatement {
        var properties: [ScriptPropertyDefinition] = []
        var methods: [(ast: FunctionMemberAst, compiled: CompiledScriptBlock, base: [CompiledExpression]?)] = []
        for member in def.members {
            switch member {
            case .property(let p):
                properties.append(ScriptPropertyDefinition(name: p.name, typeName: p.type,
                                                           initializer: p.initializer.map { compileExpression($0) },
                                                           isStatic: p.isStatic, isHidden: p.isHidden))
            case .method(let m):
                var ast = m.body
                ast.paramBlock = ParamBlockAst(attributes: [], parameters: m.parameters, extent: m.extent)
                var methodCompiler = Compiler()
                methodCompiler.inClassMethod = true
                let compiled = methodCompiler.compileScriptBlock(ast)
                methods.append((m, compiled, m.baseArguments.map { $0.map { compileExpression($0) } }))
            }
        }
        let name = def.name
        let baseName = def.baseTypes.first
        return { context, _ in
            let definition = ScriptTypeDefinition(name: name, isEnum: false)
            if let baseName {
                guard let base = context.resolveType(baseName) else { throw Compiler.typeNotFound(baseName, extent: baseName.extent) }
                // Only script classes are inherited from; .NET bases and interfaces are accepted and ignored.
                if base.scriptType != nil { definition.baseType = base }
            }
            definition.properties = properties
            for m in methods {
                let block = ScriptBlock(ast: m.compiled.ast)
                block.compiled = m.compiled
                let isVoid = m.ast.returnType.map { $0.arrayRank == 0 && $0.name.lowercased() == "void" } ?? true
                let method = ScriptMethodDefinition(
                    name: m.ast.name, parameterNames: m.ast.parameters.map(\.name),
                    parameterTypes: m.ast.parameters.map { $0.typeConstraints.last },
                    returnType: isVoid ? nil : m.ast.returnType, isStatic: m.ast.isStatic, isHidden: m.ast.isHidden,
                    block: block, baseArguments: m.base, owner: definition)
                if m.ast.isConstructor { definition.constructors.append(method) } else { definition.methods.append(method) }
            }
            Compiler.register(definition, context: context)
            for p in properties where p.isStatic {
                definition.staticValues[CaseInsensitiveKey(p.name)] = try ScriptClasses.initialValue(p, context: context)
            }
        }
    }

    private static func register(_ definition: ScriptTypeDefinition, context: ExecutionContext) {
        let type = PSTypeInfo(script: definition)
        definition.typeInfo = type
        context.defineScriptType(type)
    }

    /// `using namespace N` adds a prefix for type names; `using module M` imports the module.
    mutating func compileUsing(_ u: UsingStatementAst) -> CompiledStatement {
        switch u.kind {
        case .namespace:
            let name = u.name
            return { context, _ in
                if !context.usingNamespaces.contains(where: { $0.equalsIgnoringCase(name) }) { context.usingNamespaces.append(name) }
            }
        case .module:
            // A relative path is relative to the script, not the current location.
            var name = u.name
            let isPath = name.contains("/") || name.contains("\\") || name.lowercased().hasSuffix(".psm1")
                || name.lowercased().hasSuffix(".psd1")
            if isPath, !name.hasPrefix("/"), let script = u.extent.file?.path {
                name = (script as NSString).deletingLastPathComponent + "/" + name
            }
            let command = PSLanguage.Parser.parse("Import-Module -Name '\(name.replacingOccurrences(of: "'", with: "''"))'")
            let body = compileStatements(command.ast.endBlock ?? [])
            return { context, _ in try body.run(context, NullPipe.shared) }
        case .assembly:
            return { _, _ in }
        }
    }

    /// A method's `return`: its value is the method's result (other output is discarded).
    mutating func compileMethodReturn(_ value: Statement?) -> CompiledStatement {
        let compute = value.map { compileStatementValue($0) }
        return { context, pipe in
            let result = try compute?(context) ?? .null
            if let target = pipe as? MethodReturnPipe { target.returnValue = result }
            throw ControlFlow.returnFromScope
        }
    }

    /// A type written in source: resolved now when pcsh knows it, else when the code runs
    /// (a script's class may be defined after this code was compiled).
    static func typeResolver(_ typeName: TypeName) -> (ExecutionContext) throws -> PSTypeInfo {
        if let type = PSTypeInfo.resolve(typeName) { return { _ in type } }
        return { context in
            guard let type = context.resolveType(typeName) else { throw Compiler.typeNotFound(typeName, extent: typeName.extent) }
            return type
        }
    }
}
