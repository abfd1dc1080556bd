import PSLanguage

/// A compiled script block: its parameters as binder metadata and its named blocks as statement lists.
final class CompiledScriptBlock {
    struct CompiledParameter {
        let metadata: ParameterMetadata
        let defaultValue: CompiledExpression?
        let typeName: TypeName?
        /// The type constraint, resolved once when the block is compiled (the type table is fixed).
        let type: PSTypeInfo?
    }

    let ast: ScriptBlockAst
    let parameters: [CompiledParameter]
    let begin: StatementList?
    let process: StatementList?
    let end: StatementList?
    /// `[CmdletBinding()]` or any `[Parameter()]`: common parameters, strict binding, `$PSCmdlet`.
    let isAdvanced: Bool
    let supportsShouldProcess: Bool
    let confirmImpact: ConfirmImpact
    let defaultParameterSet: String?
    /// The blocks read `$input`: a process block then gets the current object as its enumerator.
    var readsInput = false

    init(ast: ScriptBlockAst, parameters: [CompiledParameter], attributes: [AttributeAst],
         begin: StatementList?, process: StatementList?, end: StatementList?) {
        self.ast = ast
        self.begin = begin
        self.process = process
        self.end = end
        let binding = attributes.first { $0.typeName.name.equalsIgnoringCase("CmdletBinding") }
        let hasParameterAttribute = ast.paramBlock?.parameters.contains { p in
            p.attributes.contains { $0.typeName.name.equalsIgnoringCase("Parameter") }
        } ?? false
        isAdvanced = binding != nil || hasParameterAttribute
        var shouldProcess = false
        var impact = ConfirmImpact.Medium
        var defaultSet: String?
        var positionalBinding = true
        for arg in binding?.namedArguments ?? [] {
            let value = arg.value.map(AttributeValues.evaluate) ?? .bool(true)
            switch arg.name.lowercased() {
            case "supportsshouldprocess": shouldProcess = LanguagePrimitives.isTrue(value)
            case "confirmimpact":
                let text = LanguagePrimitives.toString(value, context: nil)
                impact = ConfirmImpact.allCases.first { $0.rawValue.equalsIgnoringCase(text) } ?? .Medium
            case "defaultparametersetname": defaultSet = LanguagePrimitives.toString(value, context: nil)
            case "positionalbinding": positionalBinding = LanguagePrimitives.isTrue(value)
            default: break
            }
        }
        supportsShouldProcess = shouldProcess
        confirmImpact = impact
        defaultParameterSet = defaultSet
        // Without any explicit Position, parameters are positional in declaration order.
        let anyExplicitPosition = parameters.contains { p in p.metadata.sets.contains { $0.position != nil } }
        if positionalBinding && !anyExplicitPosition {
            var position = 0
            self.parameters = parameters.map { p in
                guard !p.metadata.isSwitch else { return p }
                var m = p.metadata
                m.sets = m.sets.map { var s = $0; s.position = position; return s }
                position += 1
                return CompiledParameter(metadata: m, defaultValue: p.defaultValue, typeName: p.typeName, type: p.type)
            }
        } else {
            self.parameters = parameters
        }
    }

    /// The parameter sets, resolved on first use.
    private(set) lazy var parameterSetTable = ParameterSetTable(parameters: parameters.map(\.metadata),
                                                                 defaultSet: defaultParameterSet)

    /// The value a parameter's variable starts with: what was bound, else its default (converted
    /// to the parameter's type), else `$false` for a switch, else a typed zero for the value
    /// types PowerShell gives one, else `$null`. The variable keeps the type constraint.
    func parameterVariable(_ index: Int, bound: PSValue?, context: ExecutionContext) throws -> PSVariable {
        let p = parameters[index]
        let type = p.type
        let value: PSValue
        if let bound {
            value = bound
        } else if let defaultValue = p.defaultValue {
            value = try p.metadata.coerce(try defaultValue(context), context)
        } else if p.metadata.isSwitch {
            value = .bool(false)
        } else if let type, p.typeName?.arrayRank == 0, Self.typesWithZero.contains(type.fullName) {
            value = (try? LanguagePrimitives.convert(.null, to: type, context: context)) ?? .null
        } else {
            value = .null
        }
        let variable = PSVariable(name: p.metadata.name, value: value)
        variable.typeConstraint = type
        return variable
    }

    private static let typesWithZero: Set<String> = ["System.Int32", "System.Int64", "System.Double", "System.Boolean",
                                                     "System.String", "System.Decimal"]

    func binder(commandName: String) -> ParameterBinder {
        ParameterBinder(commandName: commandName, parameters: parameters.map(\.metadata),
                        defaultSet: defaultParameterSet, takesCommonParameters: isAdvanced,
                        supportsShouldProcess: supportsShouldProcess, collectsUnbound: !isAdvanced,
                        errorSuffix: commandName, table: parameterSetTable)
    }
}

extension Compiler {
    /// Builds binder metadata from `[Parameter(...)] [Alias(...)] [Validate…] [type] $name = default`.
    mutating func compileParameter(_ p: ParameterAst) -> CompiledScriptBlock.CompiledParameter {
        var memberships: [ParameterSetMembership] = []
        var aliases: [String] = []
        var validators: [ParameterValidator] = []
        var help = ""
        for attribute in p.attributes {
            let args = attribute.positionalArguments.map(AttributeValues.evaluate)
            switch attribute.typeName.name.lowercased() {
            case "parameter":
                var m = ParameterSetMembership()
                for named in attribute.namedArguments {
                    let value = named.value.map(AttributeValues.evaluate) ?? .bool(true)
                    switch named.name.lowercased() {
                    case "mandatory": m.mandatory = LanguagePrimitives.isTrue(value)
                    case "position": m.position = (try? LanguagePrimitives.toInt64(value)).map { Int($0) }
                    case "valuefrompipeline": m.valueFromPipeline = LanguagePrimitives.isTrue(value)
                    case "valuefrompipelinebypropertyname": m.valueFromPipelineByPropertyName = LanguagePrimitives.isTrue(value)
                    case "valuefromremainingarguments": m.valueFromRemainingArguments = LanguagePrimitives.isTrue(value)
                    case "parametersetname": m.name = LanguagePrimitives.toString(value, context: nil)
                    case "helpmessage":
                        m.helpMessage = LanguagePrimitives.toString(value, context: nil)
                        help = m.helpMessage ?? ""
                    default: break
                    }
                }
                memberships.append(m)
            case "alias":
                aliases += args.flatMap { $0.enumerated ?? [$0] }.map { LanguagePrimitives.toString($0, context: nil) }
            case "validateset":
                let values = args.flatMap { $0.enumerated ?? [$0] }.map { LanguagePrimitives.toString($0, context: nil) }
                let ignoreCase = attribute.namedArguments.first { $0.name.equalsIgnoringCase("IgnoreCase") }
                    .map { $0.value.map(AttributeValues.evaluate).map(LanguagePrimitives.isTrue) ?? true } ?? true
                validators.append(.set(values, ignoreCase: ignoreCase))
            case "validaterange" where args.count >= 2:
                validators.append(.range(min: (try? LanguagePrimitives.toDouble(args[0])) ?? -.infinity,
                                         max: (try? LanguagePrimitives.toDouble(args[1])) ?? .infinity))
            case "validatenotnullorempty": validators.append(.notNullOrEmpty)
            case "validatenotnull": validators.append(.notNull)
            case "validatepattern" where !args.isEmpty:
                validators.append(.pattern(LanguagePrimitives.toString(args[0], context: nil)))
            case "validatecount" where args.count >= 2:
                validators.append(.count(min: Int((try? LanguagePrimitives.toInt64(args[0])) ?? 0),
                                         max: Int((try? LanguagePrimitives.toInt64(args[1])) ?? Int64(Int.max))))
            case "validatelength" where args.count >= 2:
                validators.append(.length(min: Int((try? LanguagePrimitives.toInt64(args[0])) ?? 0),
                                          max: Int((try? LanguagePrimitives.toInt64(args[1])) ?? Int64(Int.max))))
            case "validatescript":
                if let first = attribute.positionalArguments.first, case .scriptBlock(let sb) = first.kind {
                    var text = sb.extent.text
                    if text.hasPrefix("{") && text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) }
                    validators.append(.script(ScriptBlockReference(source: text)))
                }
            default: break
            }
        }
        let typeName = p.typeConstraints.last
        let lowered = typeName?.name.lowercased()
        let isSwitch = typeName?.arrayRank == 0 && (lowered == "switch" || lowered == "switchparameter"
                                                    || lowered == "system.management.automation.switchparameter")
        let resolved = typeName.flatMap { PSTypeInfo.resolve($0) }
        let displayType = typeName.map { resolved?.fullName.split(separator: ".").last.map(String.init) ?? $0.description } ?? "Object"
        let constraint = typeName
        let metadata = ParameterMetadata(
            name: p.name, aliases: aliases, typeName: isSwitch ? "SwitchParameter" : displayType, isSwitch: isSwitch,
            sets: memberships.isEmpty ? [ParameterSetMembership()] : memberships, validators: validators, help: help,
            defaultValueText: p.defaultValue.map { $0.extent.text }, allowedValues: validators.compactMap {
                if case .set(let v, _) = $0 { return v } else { return nil }
            }.first,
            isCollection: constraint.map { $0.arrayRank > 0 } ?? true,
            coerce: { value, context in
                if isSwitch { return .bool(LanguagePrimitives.isTrue(value)) }
                guard let constraint else { return value }
                guard let type = resolved ?? context.resolveType(constraint) else {
                    throw Compiler.typeNotFound(constraint, extent: constraint.extent)
                }
                return try LanguagePrimitives.convert(value, to: type, context: context)
            })
        return CompiledScriptBlock.CompiledParameter(
            metadata: metadata, defaultValue: p.defaultValue.map { compileExpression($0) }, typeName: isSwitch ? nil : typeName,
            type: isSwitch ? nil : resolved)
    }
}

/// Evaluates the constant arguments of attributes (`Position=0`, `'a','b'`, `$true`) without a session.
enum AttributeValues {
    static func evaluate(_ e: Expression) -> PSValue {
        switch e.kind {
        case .constant(let c): return Compiler.constantValue(c)
        case .stringConstant(let s, _): return .string(s)
        case .expandableString(let parts, _):
            return .string(parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined())
        case .arrayLiteral(let items): return .array(items.map(evaluate))
        case .arrayExpression(let statements), .subExpression(let statements):
            return .array(statements.compactMap { s -> PSValue? in
                if case .pipeline(let chain) = s.kind, case .expression(let inner, _)? = chain.first.elements.first { return evaluate(inner) }
                return nil
            })
        case .paren(let s):
            if case .pipeline(let chain) = s.kind, case .expression(let inner, _)? = chain.first.elements.first { return evaluate(inner) }
            return .null
        case .variable(let path, _):
            switch path.name.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case .unary(.negate, let inner):
            switch evaluate(inner) {
            case .int(let i): return .int(-i)
            case .long(let l): return .long(-l)
            case .double(let d): return .double(-d)
            default: return .null
            }
        default: return .null
        }
    }
}

/// Shares one compiled form among all script block values made from the same literal.
final class ScriptBlockTemplate {
    let ast: ScriptBlockAst
    private var compiled: CompiledScriptBlock?

    init(ast: ScriptBlockAst) { self.ast = ast }

    func instantiate() -> ScriptBlock {
        let block = ScriptBlock(ast: ast)
        if compiled == nil { compiled = Compiler.compile(ast) }
        block.compiled = compiled
        return block
    }
}

extension ScriptBlock {
    /// The compiled form, compiling on first use.
    var compiledForm: CompiledScriptBlock {
        if let c = compiled { return c }
        let c = Compiler.compile(ast)
        compiled = c
        return c
    }
}

/// What a script block declares about its parameters, as the binder reads it: help and tab
/// completion go by the same declaration, so they never disagree with binding.
public struct ScriptParameterDeclaration {
    public let parameters: [ParameterMetadata]
    /// `[CmdletBinding()]` or any `[Parameter()]`: takes the common parameters.
    public let isAdvanced: Bool
    public let supportsShouldProcess: Bool
    /// The named parameter sets, the default set (when named) first.
    public let setNames: [String]
}

extension ScriptBlock {
    public var parameterDeclaration: ScriptParameterDeclaration {
        let compiled = compiledForm
        let parameters = compiled.parameters.map(\.metadata)
        var names: [String] = compiled.defaultParameterSet.map { [$0] } ?? []
        for p in parameters {
            for s in p.sets where s.name != ParameterMetadata.allSetsName && !names.contains(where: { $0.equalsIgnoringCase(s.name) }) {
                names.append(s.name)
            }
        }
        return ScriptParameterDeclaration(parameters: parameters, isAdvanced: compiled.isAdvanced,
                                          supportsShouldProcess: compiled.supportsShouldProcess, setNames: names)
    }
}
