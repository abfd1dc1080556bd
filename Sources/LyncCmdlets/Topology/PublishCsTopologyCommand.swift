import Foundation
import LyncDeployment
import PSRuntime

/// Publish-CsTopology: checks a topology file and makes it the deployment's current topology.
final class PublishCsTopologyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        PublishCsTopologyCommand.self, name: "Publish-CsTopology",
        synopsis: "Checks a topology file and makes it the current topology of the deployment.",
        description: """
            Reads a JSON topology file (format: Scripts/topology/FORMAT.md), checks every rule — JSON \
            syntax, property names, roles, unique site ids and names, unique pool and computer FQDNs, \
            home pools, SQL instances and file stores — and, when all is well, stores it as a new \
            topology version and replaces the sites, pools and computers of the store in one \
            transaction. Services of computers that remain in the topology keep their state. Any error \
            leaves the store as it was. Run Enable-CsTopology afterwards to install the services and \
            create the Persistent Chat databases and file stores.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Publish-CsTopology -FileName ./litwareinc.json",
                        "Checks litwareinc.json in the current folder and publishes it."),
            HelpExample("Publish-CsTopology -FileName ./litwareinc.json -WhatIf",
                        "Checks the file and reports what would be published without changing anything."),
            HelpExample("Publish-CsTopology -FileName ./litwareinc.json; Enable-CsTopology",
                        "Publishes the topology, then installs its services and stores."),
        ],
        parameters: [
            Parameter("FileName", \.fileName, position: 0, mandatory: true,
                      files: .reads, help: "The topology file to publish. A relative path is taken from the current location."),
        ])

    var fileName = ""

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let path = context.session.resolvePath(fileName)
        try context.authorizeFile(path, .reads)
        // Decoded as pwsh reads text (a BOM picks UTF-16 or UTF-32): what is stored is the text.
        guard let content = TextDecoding.contents(ofFile: path) else {
            throw context.terminatingError("Cannot find the topology file '\(path)'; check the path given to -FileName.",
                                           id: "TopologyFileNotFound", category: .ObjectNotFound, target: .string(path))
        }
        let document = try context.domain { try TopologyDocument.load(Data(content.utf8), file: path, home: store.home) }
        let pools = document.poolsWithSites.count
        let target = "\(document.forestFqdn) (\(document.sites.count) site(s), \(pools) pool(s)) from \(path)"
        guard try context.shouldProcess(target: target, action: "Publish topology") else { return }
        let user = context.session.deployment?.userName ?? "unknown"
        let version = try context.domain {
            try store.write { db in
                try TopologyRepository.publish(document, content: content, sourceFile: path, by: user, in: db)
            }
        }
        try context.writeVerbose("Published topology version \(version) from '\(path)'. Run Enable-CsTopology to install its services.")
    }
}
