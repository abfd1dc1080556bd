import Foundation
import PSLanguage

/// `$MyInvocation` of a function or script: answers its properties on demand, because building a
/// property bag on every call cost more than the call itself.
final class ScriptInvocationInfo: PSDynamicObject {
    let command: ScriptCommandInfo
    let extent: SourceExtent?
    let scriptPath: String?
    let expectingInput: Bool

    init(commandName: String, scriptPath: String?, commandType: String, definition: String,
         extent: SourceExtent?, expectingInput: Bool) {
        self.command = ScriptCommandInfo(name: commandName, commandType: commandType, path: scriptPath ?? "", definition: definition)
        self.extent = extent
        self.scriptPath = scriptPath
        self.expectingInput = expectingInput
    }

    var dynamicTypeName: String { "System.Management.Automation.InvocationInfo" }
    var dynamicDescription: String { dynamicTypeName }
    var dynamicPropertyNames: [String] {
        ["MyCommand", "InvocationName", "ScriptName", "ScriptLineNumber", "Line", "PSScriptRoot", "PSCommandPath",
         "ExpectingInput", "OffsetInLine"]
    }

    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "mycommand": return .object(command)
        case "invocationname": return .string(command.name)
        case "scriptname": return .string(scriptPath ?? extent?.file?.path ?? "")
        case "scriptlinenumber": return .int(Int32(extent?.startLine ?? 0))
        case "offsetinline": return .int(Int32(extent?.startColumn ?? 0))
        case "line": return .string(extent.flatMap { $0.file?.lineText($0.startLine) } ?? "")
        case "psscriptroot": return .string((extent?.file?.path).map { ($0 as NSString).deletingLastPathComponent } ?? "")
        case "pscommandpath": return .string(extent?.file?.path ?? "")
        case "expectinginput": return .bool(expectingInput)
        default: return nil
        }
    }

    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? { nil }
}

/// `$MyInvocation.MyCommand` of a function or script.
final class ScriptCommandInfo: PSDynamicObject {
    let name: String
    let commandType: String
    let path: String
    let definition: String

    init(name: String, commandType: String, path: String, definition: String) {
        self.name = name
        self.commandType = commandType
        self.path = path
        self.definition = definition
    }

    var dynamicTypeName: String {
        commandType == "ExternalScript" ? "System.Management.Automation.ExternalScriptInfo" : "System.Management.Automation.FunctionInfo"
    }
    var dynamicDescription: String { name }
    var dynamicPropertyNames: [String] { ["Name", "CommandType", "Path", "Definition"] }

    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "name": return .string(self.name)
        case "commandtype": return .string(commandType)
        case "path", "source": return .string(path)
        case "definition", "scriptblock": return .string(definition)
        default: return nil
        }
    }

    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? { nil }
}
