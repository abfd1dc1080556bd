import LyncDeployment
import PSRuntime

/// What Start- and Stop-CsWindowsService share: finding the services to change, ShouldProcess,
/// the change itself, and recording errors for -Report. A service already in the wanted state
/// is left alone without an error.
struct ServiceStateChange {
    let desired: WindowsService.Status
    /// The ShouldProcess action ("Start service", "Stop service gracefully").
    let action: String
    /// -Force: errors about single services go to the report and the verbose stream only.
    let force: Bool
    var log: ServiceReport

    init(command: String, desired: WindowsService.Status, action: String, force: Bool) {
        self.desired = desired
        self.action = action
        self.force = force
        self.log = ServiceReport(command: command)
    }

    /// The services a command names: the piped object, or -Name (all services of the computer
    /// when absent, minus `keep`) on -ComputerName or the local computer.
    mutating func run(_ context: CommandContext, store: CentralManagementStore, input: PSValue?, name: String?,
                      computerName: String?, keep: Set<String> = []) throws {
        let computer: String
        let serviceName: String?
        if let input {
            guard let identity = WindowsServiceObjects.identity(of: input) else {
                try fail(context, target: LanguagePrimitives.toString(input, context: nil),
                         DeploymentError(.invalidArgument, id: "InvalidServiceObject",
                                         "The input is not a service object; pipe the objects Get-CsWindowsService writes."))
                return
            }
            (computer, serviceName) = (identity.computer, identity.name)
        } else {
            computer = try computerName ?? WindowsServiceObjects.localComputer(context, store: store)
            serviceName = name
        }
        let services: [WindowsService]
        do {
            services = try store.read { db in
                if let serviceName { return [try ServiceRepository.requireService(serviceName, computer: computer, in: db)] }
                return try ServiceRepository.services(computer: computer, in: db)
                    .filter { !keep.contains($0.name.uppercased()) }
            }
        } catch let error as DeploymentError {
            try fail(context, target: serviceName.map { "\($0) on \(computer)" } ?? computer, error)
            return
        }
        if services.isEmpty && serviceName == nil {
            try context.writeWarning("Computer '\(computer)' has no Lync Server services to change; run Enable-CsTopology to install them.")
        }
        for service in services { try change(service, context: context, store: store) }
    }

    private mutating func change(_ service: WindowsService, context: CommandContext, store: CentralManagementStore) throws {
        let target = "\(service.name) on \(service.computer)"
        guard service.status != desired else {
            try context.writeVerbose("\(target) is already \(desired.rawValue.lowercased()); nothing to do.")
            log.services.append(service)
            return
        }
        guard try context.shouldProcess(target: target, action: action) else { return }
        do {
            let updated = try store.write { db in
                try ServiceRepository.setStatus(desired, service: service.name, computer: service.computer, in: db)
                return try ServiceRepository.requireService(service.name, computer: service.computer, in: db)
            }
            log.services.append(updated)
            try context.writeVerbose("\(target) is now \(desired.rawValue.lowercased()).")
        } catch let error as DeploymentError {
            try fail(context, target: target, error)
        }
    }

    private mutating func fail(_ context: CommandContext, target: String, _ error: DeploymentError) throws {
        log.errors.append((target, error.message))
        if force {
            try context.writeVerbose(error.message)
        } else {
            try context.writeError(error.message, id: error.id, category: error.kind.category,
                                   target: error.target.map(PSValue.string))
        }
    }
}
