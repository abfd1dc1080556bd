import LyncDeployment
import PSRuntime

/// Stop-CsWindowsService: stops Lync Server services.
final class StopCsWindowsServiceCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        StopCsWindowsServiceCommand.self, name: "Stop-CsWindowsService",
        synopsis: "Stops Lync Server Windows services.",
        description: """
            Stops one Lync Server service (-Name, the service name such as RTCRGS) or, without -Name, \
            every Lync Server service of the computer — except the Centralized Logging agent \
            (RTCCLSAGT) with -LeaveClsAgentRunning and the web server (W3SVC) with \
            -LeaveWebServerRunning. Without -ComputerName the local computer is used \
            ($env:PCSH_COMPUTER, else the topology's LocalComputer, else the first computer of the first \
            pool). Service objects from Get-CsWindowsService may be piped in instead. A service that is \
            already stopped is left as it is. An unknown service name is an error listing the services \
            the computer has.
            """,
        module: "Lync", securityArea: SecurityArea.services.rawValue, defaultParameterSet: "Name", supportsShouldProcess: true,
        examples: [
            HelpExample("Stop-CsWindowsService -Name RTCRGS", "Stops the Response Group service of the local computer."),
            HelpExample("Stop-CsWindowsService -Name RTCRGS -ComputerName atl-cs-001.litwareinc.com",
                        "Stops the Response Group service on atl-cs-001."),
            HelpExample("Get-CsWindowsService | Where-Object {$_.DisplayName -like \"*Call Park*\"} | Stop-CsWindowsService",
                        "Stops the service whose display name mentions Call Park."),
            HelpExample("Stop-CsWindowsService -Graceful -LeaveClsAgentRunning",
                        "Stops every local service except the logging agent, after current requests finish."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, sets: ["Name"], help: "The service name (for example RTCCAA), not its display name."),
            Parameter("ComputerName", \.computerName, sets: ["Name"], help: "The FQDN of the computer; the local computer when absent."),
            Parameter("InputObject", \.inputObject, sets: ["InputObject"], pipeline: .byValue,
                      help: "A service object written by Get-CsWindowsService."),
            .switchParameter("Graceful", \.graceful,
                             help: "Lets current requests finish first. No requests are pending here, so services stop at once."),
            .switchParameter("LeaveClsAgentRunning", \.leaveClsAgentRunning,
                             help: "When stopping every service, keeps the Centralized Logging agent (RTCCLSAGT) running."),
            .switchParameter("LeaveWebServerRunning", \.leaveWebServerRunning,
                             help: "When stopping every service, keeps the web server (W3SVC) running."),
            .switchParameter("NoWait", \.noWait, help: "Returns at once. Services change state immediately here, so it changes nothing."),
            .switchParameter("Force", \.force,
                             help: "Keeps errors about single services off the error stream (they still go to -Report and -Verbose)."),
            Parameter("Report", \.report,
                      help: "An HTML file to write the errors met into. A path like C:\\Logs\\x.html lands under drives/c in the pcsh home."),
        ])

    var name: String?
    var computerName: String?
    var inputObject: NTServiceInput?
    var graceful = false
    var leaveClsAgentRunning = false
    var leaveWebServerRunning = false
    var noWait = false
    var force = false
    var report: String?
    private var change: ServiceStateChange?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        var state = change ?? ServiceStateChange(command: "Stop-CsWindowsService", desired: .stopped,
                                                 action: graceful ? "Stop service gracefully" : "Stop service", force: force)
        defer { change = state }
        var keep: Set<String> = []
        if leaveClsAgentRunning { keep.insert(WindowsServiceCatalog.clsAgentName) }
        if leaveWebServerRunning { keep.insert(WindowsServiceCatalog.webServerName) }
        try state.run(context, store: store, input: context.isBound("InputObject") ? inputObject?.value : nil,
                      name: name, computerName: computerName, keep: keep)
    }

    func end(_ context: CommandContext) throws {
        if let report, let change { try change.log.write(to: report, context: context, home: try context.store().home) }
    }
}
