import LyncDeployment
import PSRuntime

/// Start-CsWindowsService: starts Lync Server services.
final class StartCsWindowsServiceCommand: ServiceControlCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        StartCsWindowsServiceCommand.self, name: "Start-CsWindowsService",
        synopsis: "Starts Lync Server Windows services.",
        description: """
            Starts one Lync Server service (-Name, the service name such as RTCRGS) or, without -Name, \
            every Lync Server service of the computer. Without -ComputerName the local computer is used \
            ($env:PCSH_COMPUTER, else the topology's LocalComputer, else the first computer of the first \
            pool). Service objects from Get-CsWindowsService may be piped in instead. A service that is \
            already running is left as it is. An unknown service name is an error listing the services \
            the computer has; an unknown computer is an error too.
            """,
        module: "Lync", securityArea: SecurityArea.services.rawValue, defaultParameterSet: "Name", supportsShouldProcess: true,
        examples: [
            HelpExample("Start-CsWindowsService", "Starts every Lync Server service of the local computer."),
            HelpExample("Start-CsWindowsService -Name RTCRGS -ComputerName atl-cs-001.litwareinc.com",
                        "Starts the Response Group service on atl-cs-001."),
            HelpExample("Get-CsWindowsService | Where-Object {$_.Status -ne \"Running\"} | Start-CsWindowsService",
                        "Starts every local service that is not running."),
            HelpExample("Start-CsWindowsService -Name RTCCHAT -WhatIf", "Reports what would be started without starting it."),
        ],
        parameters: controlParameters())

    override class var commandName: String { "Start-CsWindowsService" }
    override class var desired: WindowsService.Status { .running }
    override var action: String { "Start service" }
}
