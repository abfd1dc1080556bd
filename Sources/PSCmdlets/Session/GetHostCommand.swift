import Foundation
import PSRuntime

/// Describes the host program.
final class GetHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetHostCommand.self, name: "Get-Host",
        synopsis: "Gets an object describing the host program.",
        outputTypes: ["System.Management.Automation.Host.PSHost"],
        examples: [HelpExample("(Get-Host).Version", "The version of pcsh.")],
        parameters: [])

    func process(_ context: CommandContext) throws {
        let object = PSObject(typeNames: ["System.Management.Automation.Internal.Host.InternalHost",
                                          "System.Management.Automation.Host.PSHost", "System.Object"])
        object["Name"] = .string("pcsh")
        object["Version"] = .string(PcshVersion.version)
        object["InstanceId"] = .guid(GetHostCommand.instanceId)
        object["UI"] = .string("System.Management.Automation.Internal.Host.InternalHostUserInterface")
        object["CurrentCulture"] = .string("en-US")
        object["CurrentUICulture"] = .string("en-US")
        object["PrivateData"] = .null
        object["DebuggerEnabled"] = .bool(false)
        object["IsRunspacePushed"] = .bool(false)
        object["Runspace"] = .null
        try context.write(.object(object))
    }

    /// One id for the life of the process, as a host instance has.
    private static let instanceId = UUID()
}
