import Foundation
import PSRuntime

/// Turns strict mode on (at a version) or off for the current scope and the scopes it starts.
final class SetStrictModeCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetStrictModeCommand.self, name: "Set-StrictMode",
        synopsis: "Turns on or off the checks that catch common scripting mistakes.",
        description: "The setting applies to the current scope and every scope started from it, like a preference variable; a function or script can change it for itself without touching its caller. Version 1 refuses to read variables that were never assigned (except inside double-quoted strings). Version 2 adds variables inside strings, properties the object does not have, and commands called with method syntax such as add(1,2). Version 3 (and Latest) adds array indexes outside the array. -Off turns all checks off.",
        module: "Microsoft.PowerShell.Core",
        defaultParameterSet: "Version",
        examples: [
            HelpExample("Set-StrictMode -Version Latest", "The strictest checks, for the rest of the script."),
            HelpExample("function f { Set-StrictMode -Off; $undefined }", "A function that turns the checks off only for its own body."),
        ],
        parameters: [
            Parameter("Version", \.version, mandatory: true, sets: ["Version"], aliases: ["v"],
                      help: "Which checks to apply: 1.0, 2.0, 3.0, or Latest for the strictest."),
            .switchParameter("Off", \.off, sets: ["Off"], help: "Turns strict mode off in this scope and the scopes it starts."),
        ])

    var version = ""
    var off = false

    func process(_ context: CommandContext) throws {
        if context.parameterSetName == "Off" {
            context.session.setStrictMode(0)
            return
        }
        context.session.setStrictMode(try Self.parseVersion(version, context))
    }

    /// `Latest`, or a version number (`2`, `2.0`, `3.0.0`): its major part.
    static func parseVersion(_ text: String, _ context: CommandContext) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.equalsIgnoringCase("latest") { return ExecutionContext.latestStrictModeVersion }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              let major = Int(parts[0]) else {
            throw context.terminatingError(
                "Cannot bind parameter 'Version'. Cannot convert value \"\(text)\" to type \"System.Version\". Use a version such as 2.0, or Latest.",
                id: "ParameterArgumentTransformationError", category: .InvalidData, target: .string(text),
                exceptionType: "System.Management.Automation.ParameterBindingException")
        }
        guard major >= 1, major <= 7 else {
            throw context.terminatingError(
                "Cannot validate argument on parameter 'Version'. The strict mode version must be 1.0, 2.0, 3.0 or Latest.",
                id: "ParameterArgumentValidationError", category: .InvalidData, target: .string(text),
                exceptionType: "System.Management.Automation.ParameterBindingValidationException")
        }
        return min(major, ExecutionContext.latestStrictModeVersion)
    }
}
