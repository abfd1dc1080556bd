import LyncDeployment
import PSRuntime

/// Stop-CsWindowsService: stops Lync Server services.
final class StopCsWindowsServiceCommand: ServiceControlCommand, Cmdlet {
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
        parameters: controlParameters() + [
            .switchParameter("Graceful", \.graceful,
                             help: "Lets current requests finish first. No requests are pending here, so services stop at once."),
            .switchParameter("LeaveClsAgentRunning", \.leaveClsAgentRunning,
                             help: "When stopping every service, keeps the Centralized Logging agent (RTCCLSAGT) running."),
            .switchParameter("LeaveWebServerRunning", \.leaveWebServerRunning,
                             help: "When stopping every service, keeps the web server (W3SVC) running."),
        ])

    var graceful = false
    var leaveClsAgentRunning = false
    var leaveWebServerRunning = false

    override class var commandName: String { "Stop-CsWindowsService" }
    override class var desired: WindowsService.Status { .stopped }
    override var action: String { graceful ? "Stop service gracefully" : "Stop service" }
    override var servicesToKeep: Set<String> {
        var keep: Set<String> = []
        if leaveClsAgentRunning { keep.insert(WindowsServiceCatalog.clsAgentName) }
        if leaveWebServerRunning { keep.insert(WindowsServiceCatalog.webServerName) }
        return keep
    }
}
