import LyncDeployment
import PSRuntime

/// What the Get- cmdlets over directory objects (users, Persistent Chat and trusted application
/// endpoints) share: -Filter, -OU, -ResultSize and the accepted-but-unused -Credential and
/// -DomainController, declared once, and reading them.
class DirectoryQueryCommand {
    var filter: PSValue?
    var ou: String?
    var resultSize: String?
    var credential: PSValue?
    var domainController: String?

    required init() {}

    /// The shared parameters; `noun` ("users", "endpoints") and `ouHelp` word their help.
    static func queryParameters<C: DirectoryQueryCommand & Cmdlet>(noun: String, ouHelp: String) -> [Parameter<C>] {
        [
            Parameter("Filter", \.filter, help: "Comparisons on the \(noun)' properties, joined with -and / -or ({DisplayName -like '*x*'})."),
            Parameter("OU", \.ou, help: ouHelp),
            Parameter("ResultSize", \.resultSize, help: "The largest number of \(noun) to return (0 to 2147483647, or Unlimited)."),
            Parameter("Credential", \.credential, help: "Accepted for compatibility; the local store needs no credentials."),
            Parameter("DomainController", \.domainController, help: "Accepted for compatibility; there is one directory."),
        ]
    }

    /// -ResultSize as a number (nil: no limit).
    func limit(_ context: CommandContext) throws -> Int? {
        try DirectoryOutput.resultLimit(resultSize, context: context)
    }

    /// -Filter, parsed (nil when not given).
    func parsedFilter(_ context: CommandContext) throws -> DirectoryFilter? {
        try filter.map { try DirectoryFilter.parse($0, context: context) }
    }
}
