import PSRuntime

/// Shows errors in full: the newest one (or several) from `$Error`, or the records piped in.
final class GetErrorCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetErrorCommand.self, name: "Get-Error",
        synopsis: "Shows everything known about an error: exception, category, id and where it happened.",
        description: "Without arguments, shows the newest error of the session ($Error[0]); -Newest shows that many, newest first. Error records (or exceptions) can also be piped in. Each is shown with all its details: the exception's type and message, the target object, the category, the fully qualified error id, and the invocation (script, line number, the line itself and a position marker). The records themselves are output, so their properties can still be read.",
        defaultParameterSet: "Newest",
        outputTypes: ["System.Management.Automation.ErrorRecord", "System.Exception"],
        examples: [
            HelpExample("Get-Error", "The details of the last error."),
            HelpExample("Get-Error -Newest 3", "The last three errors, newest first."),
            HelpExample("try { Get-Item nope -ErrorAction Stop } catch { $_ | Get-Error }", "The details of a caught error."),
        ],
        parameters: [
            Parameter("InputObject", \.inputObject, mandatory: true, sets: ["Error"], pipeline: .byValue,
                      help: "An error record or exception to show."),
            Parameter("Newest", \.newest, sets: ["Newest"], aliases: ["Last"], validate: [.range(min: 1, max: Double(Int32.max))],
                      help: "How many of the session's newest errors to show."),
        ])

    var inputObject: PSValue = .null
    var newest = 1

    func process(_ context: CommandContext) throws {
        if context.parameterSetName == "Error" {
            try show(inputObject, context)
            return
        }
        for item in context.session.errorList.items.prefix(newest) { try show(item, context) }
    }

    private func show(_ value: PSValue, _ context: CommandContext) throws {
        guard case .object(let o) = value.baseValue else { return }
        let record: ErrorRecord
        if let r = o as? ErrorRecord {
            record = r
        } else if let exception = o as? PSException {
            record = exception.errorRecord ?? ErrorRecord(exception: exception, errorId: exception.typeName, category: .NotSpecified)
        } else {
            return
        }
        let wrapped = PSObject(typeNames: [ErrorDetailView.typeName, "System.Management.Automation.ErrorRecord", "System.Object"],
                               baseObject: .object(record))
        try context.write(.object(wrapped))
    }
}
