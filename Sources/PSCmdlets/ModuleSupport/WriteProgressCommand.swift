import PSRuntime

/// Shows a progress bar for a long operation.
final class WriteProgressCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteProgressCommand.self, name: "Write-Progress",
        synopsis: "Draws a one-line progress bar on the terminal for a running activity.",
        description: "The bar is drawn on standard error only when it is a terminal and $ProgressPreference is Continue; otherwise nothing is written. -Completed removes the activity's bar.",
        examples: [
            HelpExample("1..100 | ForEach-Object { Write-Progress -Activity Copying -Status \"$_ of 100\" -PercentComplete $_ }",
                        "Shows a bar that fills up while the loop runs."),
            HelpExample("Write-Progress -Activity Copying -Completed", "Removes the bar."),
        ],
        parameters: [
            Parameter("Activity", \.activity, position: 0, help: "What is being done."),
            Parameter("Status", \.status, position: 1, help: "The current state of the activity."),
            Parameter("Id", \.id, position: 2, help: "Tells apart several activities shown at once."),
            Parameter("PercentComplete", \.percentComplete, help: "How far the activity is, 0 to 100 (-1: unknown)."),
            Parameter("SecondsRemaining", \.secondsRemaining, help: "Estimated seconds until the activity ends (-1: unknown)."),
            Parameter("CurrentOperation", \.currentOperation, help: "The step now running."),
            Parameter("ParentId", \.parentId, help: "The activity this one is part of."),
            .switchParameter("Completed", \.completed, help: "Ends the activity and removes its bar."),
            Parameter("SourceId", \.sourceId, help: "Accepted for compatibility."),
        ])

    var activity = ""
    var status = ""
    var id = 0
    var percentComplete = -1
    var secondsRemaining = -1
    var currentOperation = ""
    var parentId = -1
    var completed = false
    var sourceId = 0

    func process(_ context: CommandContext) throws {
        context.writeProgress(ProgressUpdate(id: id, parentId: parentId, activity: activity, status: status,
                                             percentComplete: percentComplete, secondsRemaining: secondsRemaining,
                                             currentOperation: currentOperation, completed: completed))
    }
}

/// The session's progress service: draws through the `ProgressDisplay` bar on a terminal.
final class TerminalProgressReporter: ProgressReporting {
    func report(_ update: ProgressUpdate, context: ExecutionContext) {
        guard ProgressDisplay.canDraw else { return }
        let display = ProgressDisplay.of(context)
        if update.completed {
            display.complete(id: update.id, context: context)
            return
        }
        display.update(ProgressRecord(id: update.id, parentId: update.parentId, activity: update.activity, status: update.status,
                                      percentComplete: update.percentComplete, secondsRemaining: update.secondsRemaining,
                                      currentOperation: update.currentOperation), context: context)
    }
}
