import PSRuntime

/// Out-GridView needs a graphical window, which this shell does not have: the command exists so
/// scripts that call it fail with a clear message rather than "command not found".
final class OutGridViewCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        OutGridViewCommand.self, name: "Out-GridView", aliases: ["ogv"],
        synopsis: "Would show objects in an interactive window; not available in this shell.",
        description: "This shell runs in a terminal and has no graphical window, so the command always stops with an error. Show the objects with Format-Table or Out-Host, or save them with Export-Csv to open in another program.",
        defaultParameterSet: "PassThru",
        examples: [
            HelpExample("Get-Process | Format-Table", "The terminal alternative: a table in the console."),
            HelpExample("Get-ChildItem | Export-Csv files.csv", "Saves the objects for a spreadsheet program."),
        ],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to show."),
            Parameter("Title", \.title, help: "The window title."),
            .switchParameter("PassThru", \.passThru, sets: ["PassThru"], help: "Would pass the selected objects on."),
            .switchParameter("Wait", \.wait, sets: ["Wait"], help: "Would wait until the window is closed."),
            Parameter("OutputMode", \.outputMode, sets: ["OutputMode"], validate: [.set(["None", "Single", "Multiple"], ignoreCase: true)],
                      help: "Would let the user select None, Single or Multiple objects."),
        ])

    var inputObject: PSValue = .null
    var title = ""
    var passThru = false
    var wait = false
    var outputMode = ""

    func begin(_ context: CommandContext) throws {
        throw context.terminatingError(
            "Out-GridView is not available on this host: it needs a graphical window, and this shell runs in a terminal. Use Format-Table (or Out-Host -Paging) to view the objects, or Export-Csv to save them.",
            id: "ErrorLoadingAssembly", category: .NotImplemented, exceptionType: "System.NotSupportedException")
    }
}
