import LyncDeployment
import PSRuntime

/// Start-CsWindowsService: starts Lync Server services.
final class StartCsWindowsServiceCommand: Cmdlet {
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
        parameters: [
            Parameter("Name", \.name, position: 0, sets: ["Name"], help: "The service name (for example RTCCAA), not its display name."),
            Parameter("ComputerName", \.computerName, sets: ["Name"], help: "The FQDN of the computer; the local computer when absent."),
            Parameter("InputObject", \.inputObject, sets: ["InputObject"], pipeline: .byValue,
                      help: "A service object written by Get-CsWindowsService."),
            .switchParameter("NoWait", \.noWait, help: "Returns at once. Services change state immediately here, so it changes nothing."),
            .switchParameter("Force", \.force,
                             help: "Keeps errors about single services off the error stream (they still go to -Report and -Verbose)."),
            Parameter("Report", \.report,
                      help: "An HTML file to write the errors met into. A path like C:\\Logs\\x.html lands under drives/c in the pcsh home."),
        ])

    var name: String?
    var computerName: String?
    var inputObject: NTServiceInput?
    var noWait = false
    var force = false
    var report: String?
    private var change: ServiceStateChange?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        var state = change ?? ServiceStateChange(command: "Start-CsWindowsService", desired: .running, action: "Start service", force: force)
        defer { change = state }
        try state.run(context, store: store, input: context.isBound("InputObject") ? inputObject?.value : nil,
                      name: name, computerName: computerName)
    }

    func end(_ context: CommandContext) throws {
        if let report, let change { try change.log.write(to: report, context: context, home: try context.store().home) }
    }
}
