import LyncDeployment
import PSRuntime

/// Get-CsWindowsService: the Lync Server services of a computer and their state.
final class GetCsWindowsServiceCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsWindowsServiceCommand.self, name: "Get-CsWindowsService",
        synopsis: "Returns the Lync Server Windows services of a computer, with their state and activity.",
        description: """
            Writes one object per Lync Server service installed (by Enable-CsTopology) on a computer of \
            the topology: its service name, display name, status (Running or Stopped), the roles it \
            serves (RoleName) and, while it runs, its activity level. Without -ComputerName the local \
            computer is used: $env:PCSH_COMPUTER when set, else the topology's LocalComputer, else the \
            first computer of the first pool. Only Lync Server services are known; any other name is \
            an error that lists the services the computer has.
            """,
        module: "Lync", securityArea: SecurityArea.services.rawValue, outputTypes: [WindowsServiceObjects.typeName],
        examples: [
            HelpExample("Get-CsWindowsService", "Lists the services of the local computer."),
            HelpExample("Get-CsWindowsService -Name RTCSRV | Select-Object -ExpandProperty RoleName",
                        "Lists the roles the Front-End service serves."),
            HelpExample("Get-CsWindowsService -ComputerName atl-cs-001.litwareinc.com | Where-Object {$_.Status -ne \"Running\"}",
                        "Lists the services of atl-cs-001 that are not running."),
            HelpExample("Get-CsWindowsService -Report ./services.html",
                        "Lists the services and writes an HTML report of any errors met."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, help: "The service name (for example RTCCAA), not its display name."),
            Parameter("ComputerName", \.computerName, help: "The FQDN of the computer; the local computer when absent."),
            .switchParameter("ExcludeActivityLevel", \.excludeActivityLevel,
                             help: "Leaves ActivityLevel empty and reports only the status."),
            Parameter("Report", \.report,
                      files: .writes, help: "An HTML file to write the errors met into. A path like C:\\Logs\\x.html lands under drives/c in the pcsh home."),
        ])

    var name: String?
    var computerName: String?
    var excludeActivityLevel = false
    var report: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let computer = try computerName ?? WindowsServiceObjects.localComputer(context, store: store)
        var log = ServiceReport(command: "Get-CsWindowsService")
        do {
            let services: [WindowsService] = try store.read { db in
                if let name { return [try ServiceRepository.requireService(name, computer: computer, in: db)] }
                return try ServiceRepository.services(computer: computer, in: db)
            }
            if services.isEmpty {
                try context.writeWarning("Computer '\(computer)' has no Lync Server services; run Enable-CsTopology to install them.")
            }
            log.services = services
            for service in services {
                try context.write(WindowsServiceObjects.object(service, includeActivity: !excludeActivityLevel))
            }
        } catch let error as DeploymentError {
            log.errors.append((error.target ?? computer, error.message))
            if let report { try log.write(to: report, context: context, home: store.home) }
            try context.writeError(error.message, id: error.id, category: error.kind.category, target: error.target.map(PSValue.string))
            return
        }
        if let report { try log.write(to: report, context: context, home: store.home) }
    }
}
