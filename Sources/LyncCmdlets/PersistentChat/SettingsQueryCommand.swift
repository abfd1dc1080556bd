import PSRuntime

/// What the Get- cmdlets over the store's Persistent Chat settings (policies, configurations,
/// pool state) share: -Identity or a wildcard -Filter, and -LocalStore, declared once.
class SettingsQueryCommand {
    var identity: String?
    var filter: String?
    var localStore = false

    required init() {}

    /// `identityHelp` says which identities the cmdlet takes.
    static func queryParameters<C: SettingsQueryCommand & Cmdlet>(identityHelp: String) -> [Parameter<C>] {
        [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], help: identityHelp),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "Identities matching this wildcard pattern."),
            .switchParameter("LocalStore", \.localStore, help: "Reads the local replica; here the same as the store."),
        ]
    }
}
