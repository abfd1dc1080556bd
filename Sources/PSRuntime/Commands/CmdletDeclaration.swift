import Foundation
/// A compiled cmdlet: a class with one static declaration that drives binding, help, completion
/// and the role check, and the three life-cycle methods PowerShell cmdlets have.
///
/// Pipeline input arrives through parameters declared with `pipeline: .byValue` or
/// `.byPropertyName`: the binder sets them before each `process` call.
public protocol Cmdlet: AnyObject, SendableMetatype {
    init()
    static var declaration: CmdletDeclaration { get }
    /// Once, before any input.
    func begin(_ context: CommandContext) throws
    /// Once per pipeline object, or once when the command has no pipeline input.
    func process(_ context: CommandContext) throws
    /// Once, after all input.
    func end(_ context: CommandContext) throws
}

extension Cmdlet {
    public func begin(_ context: CommandContext) throws {}
    public func process(_ context: CommandContext) throws {}
    public func end(_ context: CommandContext) throws {}
}

/// One example for help (and a test that it runs).
public struct HelpExample: Sendable {
    public var code: String
    public var remarks: String
    public init(_ code: String, _ remarks: String) {
        self.code = code
        self.remarks = remarks
    }
}

/// The single declaration of a cmdlet.
public struct CmdletDeclaration: Sendable {
    /// `Verb-Noun`.
    public let name: String
    public let aliases: [String]
    public let synopsis: String
    public let description: String
    /// The parameters, built on first use: creating hundreds of key paths for every cmdlet at
    /// start-up would cost more than the rest of start-up together.
    public var parameters: [ParameterMetadata] { binding.parts.parameters }
    /// The parameter sets resolved for the binder, built with the parameters.
    var parameterSetTable: ParameterSetTable { binding.parts.table }
    public let defaultParameterSet: String?
    public let supportsShouldProcess: Bool
    public let confirmImpact: ConfirmImpact
    public let examples: [HelpExample]
    public let outputTypes: [String]
    /// The implementing type's .NET-style name, used as the suffix of FullyQualifiedErrorId
    /// (`Microsoft.PowerShell.Commands.GetContentCommand`).
    public let implementingTypeName: String
    /// The module the cmdlet belongs to (`Microsoft.PowerShell.Utility`).
    public let moduleName: String
    /// The part of the managed deployment the cmdlet works on (role-checked), or nil for the
    /// language's own cmdlets. The role check reads it; the runtime gives it no meaning.
    public let securityArea: String?
    private let binding: LazyBinding
    let factory: @Sendable () -> any Cmdlet

    public init<C: Cmdlet>(_ type: C.Type, name: String, aliases: [String] = [], synopsis: String,
                           description: String = "", module: String = "Microsoft.PowerShell.Utility",
                           securityArea: String? = nil, defaultParameterSet: String? = nil, supportsShouldProcess: Bool = false,
                           confirmImpact: ConfirmImpact = .Medium, outputTypes: [String] = [],
                           examples: [HelpExample] = [], parameters: @autoclosure @escaping @Sendable () -> [Parameter<C>]) {
        self.name = name
        self.aliases = aliases
        self.synopsis = synopsis
        self.description = description
        self.moduleName = module
        self.securityArea = securityArea
        self.defaultParameterSet = defaultParameterSet
        self.supportsShouldProcess = supportsShouldProcess
        self.confirmImpact = confirmImpact
        self.outputTypes = outputTypes
        self.examples = examples
        self.binding = LazyBinding {
            let list = parameters()
            let metadata = list.map(\.metadata)
            return LazyBinding.Parts(
                parameters: metadata,
                table: ParameterSetTable(parameters: metadata, defaultSet: defaultParameterSet),
                setters: list.map { p in
                    let set = p.setter
                    return { object, value in set(object as! C, value) }
                },
                resetters: list.map { p in
                    let reset = p.resetter
                    return { object, fresh in reset(object as! C, fresh as! C) }
                })
        }
        self.factory = { C() }
        let noun = name.split(separator: "-").map(String.init).joined()
        self.implementingTypeName = "\(module == "Microsoft.PowerShell.Utility" || module == "Microsoft.PowerShell.Management" || module == "Microsoft.PowerShell.Core" ? "Microsoft.PowerShell.Commands" : module).\(noun)Command"
    }

    /// A new instance of the cmdlet.
    public func makeInstance() -> any Cmdlet { factory() }

    /// Assigns a converted value (see `ParameterMetadata.coerce`) to parameter number `index`.
    public func assign(_ value: PSValue, toParameterAt index: Int, of instance: any Cmdlet) {
        binding.parts.setters[index](instance, value)
    }

    /// Puts parameter number `index` back to its value in `fresh` (a new instance), so a value
    /// bound from one pipeline object does not leak into the next.
    public func reset(parameterAt index: Int, of instance: any Cmdlet, from fresh: any Cmdlet) {
        binding.parts.resetters[index](instance, fresh)
    }

    /// Names of all parameter sets, the default one first.
    public var parameterSetNames: [String] {
        var names: [String] = []
        if let d = defaultParameterSet { names.append(d) }
        for p in parameters {
            for s in p.sets where s.name != ParameterMetadata.allSetsName && !names.contains(where: { $0.equalsIgnoringCase(s.name) }) {
                names.append(s.name)
            }
        }
        return names
    }
}

/// A parameter of cmdlet `C`, tied to one of its properties by key path.
public struct Parameter<C: Cmdlet>: Sendable {
    public let metadata: ParameterMetadata
    let setter: @Sendable (C, PSValue) -> Void
    let resetter: @Sendable (C, C) -> Void

    /// A parameter of any `ParameterValue` type.
    /// - Parameters:
    ///   - sets: the parameter sets it belongs to (empty: all sets); position, mandatory and
    ///     pipeline apply in each of them.
    ///   - remaining: takes all arguments no other parameter binds (ValueFromRemainingArguments).
    ///   - files: the parameter names a file or folder the command reads or writes (or a link's
    ///     target); the role check follows it.
    public init<Value: ParameterValue>(
        _ name: String, _ keyPath: ReferenceWritableKeyPath<C, Value> & Sendable,
        position: Int? = nil, mandatory: Bool = false, sets: [String] = [], pipeline: PipelineInput = [],
        remaining: Bool = false, aliases: [String] = [], validate: [ParameterValidator] = [],
        files: FileUse? = nil, help: String, defaultValue: String? = nil
    ) {
        let memberships = (sets.isEmpty ? [ParameterMetadata.allSetsName] : sets).map {
            ParameterSetMembership(name: $0, position: position, mandatory: mandatory,
                                   valueFromPipeline: pipeline.contains(.byValue),
                                   valueFromPipelineByPropertyName: pipeline.contains(.byPropertyName),
                                   valueFromRemainingArguments: remaining)
        }
        var allowed = Value.allowedValues
        for case .set(let values, _) in validate { allowed = values }
        self.metadata = ParameterMetadata(
            name: name, aliases: aliases, typeName: Value.parameterTypeName, isSwitch: false,
            sets: memberships, validators: validate, help: help, defaultValueText: defaultValue,
            allowedValues: allowed, isCollection: Value.isCollection, files: files,
            coerce: { value, context in try Value.coerce(value, context) })
        self.setter = { command, value in command[keyPath: keyPath] = Value(coerced: value) }
        self.resetter = { command, fresh in command[keyPath: keyPath] = fresh[keyPath: keyPath] }
    }

    /// A switch parameter (`-Force`, `-Force:$false`) bound to a `Bool` property.
    public static func switchParameter(_ name: String, _ keyPath: ReferenceWritableKeyPath<C, Bool> & Sendable,
                                       sets: [String] = [], aliases: [String] = [], help: String) -> Parameter<C> {
        Parameter(switchNamed: name, keyPath, sets: sets, aliases: aliases, help: help)
    }

    private init(switchNamed name: String, _ keyPath: ReferenceWritableKeyPath<C, Bool> & Sendable,
                 sets: [String], aliases: [String], help: String) {
        let memberships = (sets.isEmpty ? [ParameterMetadata.allSetsName] : sets).map { ParameterSetMembership(name: $0) }
        self.metadata = ParameterMetadata(
            name: name, aliases: aliases, typeName: "SwitchParameter", isSwitch: true, sets: memberships,
            help: help, defaultValueText: "False",
            coerce: { value, _ in .bool(LanguagePrimitives.isTrue(value)) })
        self.setter = { command, value in command[keyPath: keyPath] = LanguagePrimitives.isTrue(value) }
        self.resetter = { command, fresh in command[keyPath: keyPath] = fresh[keyPath: keyPath] }
    }
}

/// A cmdlet's parameter list, built once on first use. The lock makes the one-time build safe
/// should a declaration ever be read from two threads; the engine itself is single-threaded.
private final class LazyBinding: @unchecked Sendable {
    struct Parts {
        let parameters: [ParameterMetadata]
        let table: ParameterSetTable
        let setters: [@Sendable (AnyObject, PSValue) -> Void]
        let resetters: [@Sendable (AnyObject, AnyObject) -> Void]
    }

    private let build: @Sendable () -> Parts
    private var built: Parts?
    private let lock = NSLock()

    init(_ build: @escaping @Sendable () -> Parts) { self.build = build }

    var parts: Parts {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made = build()
        built = made
        return made
    }
}
