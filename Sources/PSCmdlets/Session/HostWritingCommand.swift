import PSRuntime

/// What Out-Default and Out-Host share: format the input and show it on the host as it arrives.
class HostWritingCommand {
    var inputObject: PSValue = .null
    private var writer: HostOutputWriter?

    required init() {}

    static func inputParameter<C: HostWritingCommand & Cmdlet>() -> Parameter<C> {
        Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to show.")
    }

    func begin(_ context: CommandContext) throws {
        writer = HostOutputWriter(context.session)
    }

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        writer?.add(inputObject)
    }

    func end(_ context: CommandContext) throws {
        writer?.finish()
    }
}
