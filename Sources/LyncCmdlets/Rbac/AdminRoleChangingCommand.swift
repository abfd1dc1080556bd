import LyncDeployment
import PSRuntime

/// What New-CsAdminRole and Set-CsAdminRole share: the role's lists, each a replacement list or
/// `@{Add=…; Remove=…; Replace=…}`, declared once.
class AdminRoleChangingCommand {
    var identity = ""
    var cmdlets: ListModifier<String>?
    var configScopes: ListModifier<String>?
    var userScopes: ListModifier<String>?
    var scriptModules: ListModifier<String>?
    var force = false

    required init() {}

    /// `-Cmdlets`, `-ConfigScopes`, `-UserScopes`, `-ScriptModules` and `-Force`.
    static func listParameters<C: AdminRoleChangingCommand & Cmdlet>() -> [Parameter<C>] {
        [
            Parameter("Cmdlets", \.cmdlets, help: "The cmdlets the role may run: a full list, or changes to it (@{Add=…; Remove=…})."),
            Parameter("ConfigScopes", \.configScopes, help: "Configuration scopes, e.g. \"site:Redmond\" (recorded; pcsh checks roles, not scopes)."),
            Parameter("UserScopes", \.userScopes, help: "User scopes, e.g. \"OU:ou=Redmond,dc=litwareinc,dc=com\" (recorded)."),
            Parameter("ScriptModules", \.scriptModules, help: "Scripts the role may use (recorded)."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility."),
        ]
    }

    /// A list after this command's change (nil when the parameter was not given).
    static func applied(_ change: ListModifier<String>?, to current: [String]) -> [String]? {
        change.map { $0.applied(to: current) { $0.caseInsensitiveCompare($1) == .orderedSame } }
    }
}
