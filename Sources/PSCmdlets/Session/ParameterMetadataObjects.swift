import PSRuntime

/// `(Get-Command x).Parameters`: parameter name → System.Management.Automation.ParameterMetadata
/// (Name, ParameterType, Aliases, ParameterSets, SwitchParameter…), with the common parameters
/// for cmdlets and advanced functions, as pwsh lists them.
enum ParameterMetadataObjects {
    static func table(_ parameters: [ParameterMetadata], common: Bool, shouldProcess: Bool) -> PSHashtable {
        let table = PSHashtable()
        for p in parameters { table[string: p.name] = .object(object(p)) }
        if common {
            for c in CommonParameters.names + (shouldProcess ? CommonParameters.shouldProcess : [])
            where table[string: c.name] == nil {
                let m = ParameterMetadata(name: c.name, aliases: c.aliases, typeName: c.typeName, isSwitch: c.isSwitch,
                                          coerce: { value, _ in value })
                table[string: c.name] = .object(object(m))
            }
        }
        return table
    }

    static func object(_ p: ParameterMetadata) -> PSObject {
        let o = PSObject(typeNames: ["System.Management.Automation.ParameterMetadata", "System.Object"])
        o["Name"] = .string(p.name)
        o["ParameterType"] = .object(type(p))
        let sets = PSHashtable()
        for s in p.sets {
            let set = PSObject(typeNames: ["System.Management.Automation.ParameterSetMetadata", "System.Object"])
            set["Position"] = .int(s.position.map { Int32(clamping: $0) } ?? Int32.min)
            set["IsMandatory"] = .bool(s.mandatory)
            set["ValueFromPipeline"] = .bool(s.valueFromPipeline)
            set["ValueFromPipelineByPropertyName"] = .bool(s.valueFromPipelineByPropertyName)
            set["ValueFromRemainingArguments"] = .bool(s.valueFromRemainingArguments)
            set["HelpMessage"] = s.helpMessage.map { .string($0) } ?? .null
            sets[string: s.name] = .object(set)
        }
        o["ParameterSets"] = .object(sets)
        o["IsDynamic"] = .bool(false)
        o["Aliases"] = .object(PSArray(p.aliases.map { .string($0) }, elementTypeName: "System.String", isList: true))
        o["Attributes"] = .object(PSArray([], isList: true))
        o["SwitchParameter"] = .bool(p.isSwitch)
        return o
    }

    /// The declared type: metadata keeps the short name (`String[]`, `ActionPreference`).
    private static func type(_ p: ParameterMetadata) -> PSTypeInfo {
        if p.isSwitch, let t = PSTypeInfo.resolve(name: "switch") { return t }
        for candidate in [p.typeName, "System." + p.typeName, "System.Management.Automation." + p.typeName] {
            if let t = PSTypeInfo.resolve(name: candidate) { return t }
        }
        return PSTypeInfo(fullName: p.typeName)
    }
}
