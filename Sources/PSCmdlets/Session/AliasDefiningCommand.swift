import PSRuntime

/// What New-Alias and Set-Alias share: their parameters, declared once, and defining the alias.
/// They differ only in whether an existing alias is an error.
class AliasDefiningCommand {
    var name = ""
    var value = ""
    var descriptionText: String?
    var option: ScopedItemOptionsArgument?
    var passThru = false
    var scope: String?
    var force = false

    required init() {}

    /// True for New-Alias: an alias that exists already is an error (unless -Force).
    class var failsIfExists: Bool { false }
    /// The ShouldProcess action name.
    class var action: String { "Set Alias" }

    static func aliasParameters<C: AliasDefiningCommand & Cmdlet>(forceHelp: String) -> [Parameter<C>] {
        [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The alias."),
            Parameter("Value", \.value, position: 1, mandatory: true, pipeline: .byPropertyName, help: "The command it stands for."),
            Parameter("Description", \.descriptionText, help: "A description of the alias."),
            Parameter("Option", \.option, help: "Options: None, ReadOnly, Constant, Private, AllScope."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the alias."),
            Parameter("Scope", \.scope, help: "The scope to define the alias in: Global, Script, Local or a number of levels up."),
            .switchParameter("Force", \.force, help: forceHelp),
        ]
    }

    func process(_ context: CommandContext) throws {
        guard let alias = try AliasCmdletSupport.define(
            name: name, value: value, description: descriptionText, option: option, force: force,
            failIfExists: Self.failsIfExists, scope: scope, action: Self.action, context) else { return }
        if passThru { try context.write(CommandInfoObjects.alias(alias, session: context.session)) }
    }
}
