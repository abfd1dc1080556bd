import LyncDeployment
import PSRuntime

/// Enable-CsTopology: puts the published topology in service.
final class EnableCsTopologyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        EnableCsTopologyCommand.self, name: "Enable-CsTopology",
        synopsis: "Installs the services, databases and file stores of the published topology.",
        description: """
            For every pool of the current topology, installs the Windows services of its roles on each \
            of its computers (all running), creates the Persistent Chat databases as empty files in the \
            SQL instance folders of the pcsh home, and creates the file-store folders. Existing services \
            keep their state and existing database files are never overwritten, so running the command \
            again is harmless. Services a computer's roles no longer have are removed. Fails when no \
            topology has been published.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Enable-CsTopology", "Puts the published topology in service."),
            HelpExample("Enable-CsTopology -Verbose", "Does the same and lists each service, database and folder created."),
            HelpExample("Enable-CsTopology -WhatIf", "Reports which topology version would be enabled."),
        ],
        parameters: [])

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let current = try context.domain { try store.read { try TopologyRepository.requireCurrent(in: $0) } }
        guard try context.shouldProcess(target: "topology version \(current.version) (\(current.document.forestFqdn))",
                                        action: "Enable topology") else { return }
        let result = try context.domain { try store.write { try TopologyRepository.enable(home: store.home, in: $0) } }
        for service in result.installedServices { try context.writeVerbose("Installed service \(service).") }
        for service in result.removedServices { try context.writeVerbose("Removed service \(service).") }
        for file in result.createdDatabases { try context.writeVerbose("Created database file \(file.path).") }
        for folder in result.createdFolders { try context.writeVerbose("Created file store folder \(folder.path).") }
    }
}
