import Foundation
import PSRuntime

/// The objects Get-Command and the alias cmdlets output: PowerShell's CmdletInfo, FunctionInfo,
/// AliasInfo and ApplicationInfo, as PSObjects with the properties scripts commonly read (the
/// default view shows CommandType, Name, Version and Source).
enum CommandInfoObjects {
    /// Version reported for the built-in modules' commands.
    static let builtinModuleVersion = "7.0.0.0"

    static func typeNames(_ specific: String) -> [String] {
        ["System.Management.Automation.\(specific)", "System.Management.Automation.CommandInfo", "System.Object"]
    }

    static func cmdlet(_ declaration: CmdletDeclaration) -> PSValue {
        let object = PSObject(typeNames: typeNames("CmdletInfo"))
        let nameParts = declaration.name.split(separator: "-", maxSplits: 1).map(String.init)
        object["Verb"] = .string(nameParts.first ?? "")
        object["Noun"] = .string(nameParts.count > 1 ? nameParts[1] : "")
        object["ImplementingType"] = .string(declaration.implementingTypeName)
        object["Definition"] = .string(syntax(declaration))
        object["DefaultParameterSet"] = declaration.defaultParameterSet.map { .string($0) } ?? .null
        object["OutputType"] = .array(declaration.outputTypes.map { .string($0) })
        object["Name"] = .string(declaration.name)
        object["CommandType"] = .string("Cmdlet")
        object["Source"] = .string(declaration.moduleName)
        object["Version"] = .string(builtinModuleVersion)
        object["Visibility"] = .string("Public")
        object["ModuleName"] = .string(declaration.moduleName)
        object["Parameters"] = .object(ParameterMetadataObjects.table(declaration.parameters, common: true,
                                                                      shouldProcess: declaration.supportsShouldProcess))
        object["ParameterSets"] = .array(declaration.parameterSetNames.map { .string($0) })
        object["HelpUri"] = .string("")
        return .object(object)
    }

    static func function(_ function: FunctionInfo) -> PSValue {
        let object = PSObject(typeNames: typeNames(function.isFilter ? "FilterInfo" : "FunctionInfo"))
        let nameParts = function.name.split(separator: "-", maxSplits: 1).map(String.init)
        object["HelpFile"] = .string("")
        object["ScriptBlock"] = .object(function.scriptBlock)
        let declared = function.scriptBlock.parameterDeclaration
        object["CmdletBinding"] = .bool(declared.isAdvanced)
        object["Definition"] = .string(function.scriptBlock.text)
        object["Options"] = .string(function.options.displayText)
        object["Description"] = .string("")
        object["Verb"] = .string(nameParts.count > 1 ? nameParts[0] : "")
        object["Noun"] = .string(nameParts.count > 1 ? nameParts[1] : "")
        object["Name"] = .string(function.name)
        object["CommandType"] = .string(function.isFilter ? "Filter" : "Function")
        object["Source"] = .string(function.moduleName ?? "")
        object["Version"] = .string("")
        object["Visibility"] = .string("Public")
        object["ModuleName"] = .string(function.moduleName ?? "")
        object["Parameters"] = .object(ParameterMetadataObjects.table(declared.parameters, common: declared.isAdvanced,
                                                                      shouldProcess: declared.supportsShouldProcess))
        return .object(object)
    }

    static func alias(_ alias: AliasInfo, session: ExecutionContext) -> PSValue {
        let object = PSObject(typeNames: typeNames("AliasInfo"))
        let target = session.resolveCommand(alias.definition)
        object["CommandType"] = .string("Alias")
        object["Definition"] = .string(alias.definition)
        object["DisplayName"] = .string("\(alias.name) -> \(alias.definition)")
        object["Name"] = .string(alias.name)
        object["ReferencedCommand"] = .string(alias.definition)
        object["ResolvedCommandName"] = .string(target?.name ?? alias.definition)
        object["Description"] = .string(alias.description)
        object["Options"] = .string(alias.options.displayText)
        // Aliases the session defines belong to no module: PowerShell leaves Version and Source empty.
        object["Source"] = .string("")
        object["Version"] = .string("")
        object["Visibility"] = .string("Public")
        object["ModuleName"] = .string("")
        return .object(object)
    }

    static func application(path: String) -> PSValue {
        let object = PSObject(typeNames: typeNames("ApplicationInfo"))
        let name = (path as NSString).lastPathComponent
        object["Path"] = .string(path)
        object["Extension"] = .string((name as NSString).pathExtension.isEmpty ? "" : "." + (name as NSString).pathExtension)
        object["Definition"] = .string(path)
        object["Name"] = .string(name)
        object["CommandType"] = .string("Application")
        object["Source"] = .string(path)
        object["Version"] = .string("0.0.0.0")
        object["Visibility"] = .string("Public")
        return .object(object)
    }

    static func externalScript(path: String) -> PSValue {
        let object = PSObject(typeNames: typeNames("ExternalScriptInfo"))
        object["Path"] = .string(path)
        object["Definition"] = .string(path)
        object["Name"] = .string((path as NSString).lastPathComponent)
        object["CommandType"] = .string("ExternalScript")
        object["Source"] = .string(path)
        object["Version"] = .string("")
        object["Visibility"] = .string("Public")
        return .object(object)
    }

    static func object(for info: CommandInfo, session: ExecutionContext) -> PSValue {
        switch info {
        case .alias(let a): return alias(a, session: session)
        case .function(let f): return function(f)
        case .cmdlet(let c): return cmdlet(c)
        case .application(let p): return application(path: p)
        case .externalScript(let p): return externalScript(path: p)
        }
    }

    /// One line per parameter set: `Get-Thing [-Name] <String[]> [-Force] [<CommonParameters>]`.
    static func syntax(_ declaration: CmdletDeclaration) -> String {
        CommandSyntax.lines(declaration).joined(separator: "\n")
    }
}
