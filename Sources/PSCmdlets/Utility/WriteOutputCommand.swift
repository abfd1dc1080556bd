import PSRuntime

/// Sends objects down the pipeline (what a bare expression statement does implicitly).
final class WriteOutputCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteOutputCommand.self, name: "Write-Output", aliases: ["echo"],
        synopsis: "Sends the given objects to the next command in the pipeline.",
        description: "Each argument becomes one output object; collections are sent item by item unless -NoEnumerate is given.",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("Write-Output 1, 2", "Writes two numbers."),
                   HelpExample("Write-Output -NoEnumerate @(1, 2) | Measure-Object", "Sends the array as a single object.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: .byValue,
                      remaining: true, help: "The objects to send."),
            .switchParameter("NoEnumerate", \.noEnumerate, help: "Sends a collection as one object instead of item by item."),
        ])

    var inputObject: [PSValue] = []
    var noEnumerate = false

    func process(_ context: CommandContext) throws {
        if noEnumerate {
            try context.write(inputObject.count == 1 ? inputObject[0] : .array(inputObject))
            return
        }
        // One argument that is a collection (`Write-Output 1, 2`, or an array from the pipeline)
        // is sent item by item; several arguments are sent one each, as they are.
        if inputObject.count == 1 {
            try context.writeEnumerated(inputObject[0])
            return
        }
        for item in inputObject { try context.write(item) }
    }
}
