import LyncDeployment
import PSRuntime

/// What Start- and Stop-CsWindowsService share: their parameters (declared once here), the
/// services they act on, and the -Report file written at the end.
class ServiceControlCommand {
    var name: String?
    var computerName: String?
    var inputObject: NTServiceInput?
    var noWait = false
    var force = false
    var report: String?
    private var change: ServiceStateChange?

    required init() {}

    /// The command's name, the state it wants and its ShouldProcess action.
    class var commandName: String { "" }
    class var desired: WindowsService.Status { .running }
    var action: String { "" }
    /// Services a run over every service of a computer leaves alone.
    var servicesToKeep: Set<String> { [] }

    /// -Name, -ComputerName, -InputObject, -NoWait, -Force and -Report.
    static func controlParameters<C: ServiceControlCommand & Cmdlet>() -> [Parameter<C>] {
        [
            Parameter("Name", \.name, position: 0, sets: ["Name"], help: "The service name (for example RTCCAA), not its display name."),
            Parameter("ComputerName", \.computerName, sets: ["Name"], help: "The FQDN of the computer; the local computer when absent."),
            Parameter("InputObject", \.inputObject, sets: ["InputObject"], pipeline: .byValue,
                      help: "A service object written by Get-CsWindowsService."),
            .switchParameter("NoWait", \.noWait, help: "Returns at once. Services change state immediately here, so it changes nothing."),
            .switchParameter("Force", \.force,
                             help: "Keeps errors about single services off the error stream (they still go to -Report and -Verbose)."),
            Parameter("Report", \.report,
                      files: .writes, help: "An HTML file to write the errors met into. A path like C:\\Logs\\x.html lands under drives/c in the pcsh home."),
        ]
    }

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        var state = change ?? ServiceStateChange(command: Self.commandName, desired: Self.desired, action: action, force: force)
        defer { change = state }
        try state.run(context, store: store, input: context.isBound("InputObject") ? inputObject?.value : nil,
                      name: name, computerName: computerName, keep: servicesToKeep)
    }

    func end(_ context: CommandContext) throws {
        if let report, let change { try change.log.write(to: report, context: context, home: try context.store().home) }
    }
}
