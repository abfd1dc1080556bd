import PSLanguage
import PSRuntime

/// What help needs from a script block's `param()` block: the parameters as metadata (for the
/// syntax generator and the PARAMETERS section) and whether it is an advanced function.
struct ScriptParameters {
    var parameters: [ParameterMetadata]
    var setNames: [String]
    var isAdvanced: Bool
    var supportsShouldProcess: Bool

    init(_ block: ScriptBlockAst) {
        let paramBlock = block.paramBlock
        let attributes = block.attributes + (paramBlock?.attributes ?? [])
        let binding = attributes.first { Self.isNamed($0, "CmdletBinding") }
        let declared = paramBlock?.parameters ?? []
        isAdvanced = binding != nil || declared.contains { $0.attributes.contains { Self.isNamed($0, "Parameter") } }
        supportsShouldProcess = binding.map { attribute in
            attribute.namedArguments.contains { $0.name.equalsIgnoringCase("SupportsShouldProcess") && ($0.value.map(Self.isTrue) ?? true) }
        } ?? false
        var list = declared.map(Self.metadata)
        // Positional binding: without any explicit Position, every non-switch parameter takes the
        // next position in declaration order (PowerShell's PositionalBinding default).
        let positionBindingOff = binding?.namedArguments.contains {
            $0.name.equalsIgnoringCase("PositionalBinding") && !($0.value.map(Self.isTrue) ?? true)
        } ?? false
        if !positionBindingOff && !list.contains(where: { $0.sets.contains { $0.position != nil } }) {
            var next = 0
            for index in list.indices where !list[index].isSwitch {
                for s in list[index].sets.indices { list[index].sets[s].position = next }
                next += 1
            }
        }
        parameters = list
        var names: [String] = []
        if let defaultSet = binding?.namedArguments.first(where: { $0.name.equalsIgnoringCase("DefaultParameterSetName") })?.value {
            names.append(Self.text(defaultSet))
        }
        for p in list {
            for s in p.sets where s.name != ParameterMetadata.allSetsName && !names.contains(where: { $0.equalsIgnoringCase(s.name) }) {
                names.append(s.name)
            }
        }
        setNames = names
    }

    private static func metadata(_ p: ParameterAst) -> ParameterMetadata {
        var memberships: [ParameterSetMembership] = []
        var aliases: [String] = []
        var help = ""
        var allowed: [String]?
        for attribute in p.attributes {
            if isNamed(attribute, "Parameter") {
                var m = ParameterSetMembership()
                for named in attribute.namedArguments {
                    let flag = named.value.map(isTrue) ?? true
                    switch named.name.lowercased() {
                    case "mandatory": m.mandatory = flag
                    case "position": m.position = named.value.flatMap(integer)
                    case "valuefrompipeline": m.valueFromPipeline = flag
                    case "valuefrompipelinebypropertyname": m.valueFromPipelineByPropertyName = flag
                    case "parametersetname": m.name = named.value.map(text) ?? m.name
                    case "helpmessage": help = named.value.map(text) ?? ""
                    default: break
                    }
                }
                memberships.append(m)
            } else if isNamed(attribute, "Alias") {
                aliases += attribute.positionalArguments.flatMap(texts)
            } else if isNamed(attribute, "ValidateSet") {
                allowed = attribute.positionalArguments.flatMap(texts)
            }
        }
        let type = p.typeConstraints.last
        let lowered = type?.name.lowercased()
        let isSwitch = type?.arrayRank == 0 && (lowered == "switch" || lowered == "switchparameter")
        let typeName = isSwitch ? "SwitchParameter" : type.map(displayName) ?? "Object"
        return ParameterMetadata(
            name: p.name, aliases: aliases, typeName: typeName, isSwitch: isSwitch,
            sets: memberships.isEmpty ? [ParameterSetMembership()] : memberships, help: help,
            defaultValueText: p.defaultValue.map { $0.extent.text }, allowedValues: allowed,
            isCollection: (type?.arrayRank ?? 0) > 0, coerce: { value, _ in value })
    }

    /// `String`, `Int32`, `String[]`: the short .NET name, as help shows it.
    static func displayName(_ type: TypeName) -> String {
        if let resolved = PSTypeInfo.resolve(type), let last = resolved.fullName.split(separator: ".").last {
            return String(last)
        }
        return type.description
    }

    static func isNamed(_ attribute: AttributeAst, _ name: String) -> Bool {
        attribute.typeName.name.equalsIgnoringCase(name) || attribute.typeName.name.equalsIgnoringCase(name + "Attribute")
    }

    private static func isTrue(_ e: Expression) -> Bool {
        switch e.kind {
        case .constant(.bool(let b)): return b
        case .constant(.int(let i)): return i != 0
        case .variable(let path, _): return !path.name.equalsIgnoringCase("false")
        default: return true
        }
    }

    private static func integer(_ e: Expression) -> Int? {
        if case .constant(.int(let i)) = e.kind { return Int(i) }
        if case .constant(.long(let l)) = e.kind { return Int(l) }
        return nil
    }

    private static func text(_ e: Expression) -> String {
        switch e.kind {
        case .stringConstant(let s, _): return s
        case .constant(.int(let i)): return String(i)
        default: return e.extent.text
        }
    }

    private static func texts(_ e: Expression) -> [String] {
        if case .arrayLiteral(let items) = e.kind { return items.map(text) }
        return [text(e)]
    }
}
