import LyncDeployment
import PSRuntime

/// What New-ADUser and New-ADGroup share: the name, account name, OU, display name, description
/// and -PassThru, declared once, and the distinguished name ShouldProcess names.
class NewADObjectCommand {
    var name = ""
    var samAccountName: String?
    var path: String?
    var displayName: String?
    var objectDescription: String?
    var passThru = false

    required init() {}

    /// The shared parameters; `noun` ("account", "group") words their help.
    static func objectParameters<C: NewADObjectCommand & Cmdlet>(noun: String) -> [Parameter<C>] {
        [
            Parameter("Name", \.name, position: 0, mandatory: true, help: "The \(noun)'s name (the CN of its distinguished name)."),
            Parameter("SamAccountName", \.samAccountName, help: "The \(noun)'s account name; defaults to the name."),
            Parameter("Path", \.path, help: "The OU (distinguished name) to create the \(noun) in; created when missing."),
            Parameter("DisplayName", \.displayName, help: "The name shown in address lists."),
            Parameter("Description", \.objectDescription, help: "A free-text description."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new \(noun) to the pipeline."),
        ]
    }

    /// The new object's distinguished name, for ShouldProcess (the name when it cannot be told).
    func target(_ store: CentralManagementStore) -> String {
        (try? store.read { db in
            DirectoryNames.distinguishedName(name: name, ou: try DirectoryRepository.organizationalUnitPath(path, in: db),
                                             forest: try CentralManagementStore.forestFqdn(in: db))
        }) ?? name
    }
}
