import PSLanguage
import Testing
@testable import PSRuntime

/// A cmdlet with two parameter sets, used to test each binding rule.
final class TestBindCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        TestBindCommand.self, name: "Test-Bind", synopsis: "Records how its parameters were bound.",
        defaultParameterSet: "ByName", supportsShouldProcess: true,
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, sets: ["ByName"], pipeline: [.byValue, .byPropertyName],
                      aliases: ["N"], help: "A name."),
            Parameter("Id", \.id, mandatory: true, sets: ["ById"], help: "A number."),
            Parameter("Count", \.count, position: 1, validate: [.range(min: 1, max: 10)], help: "How many."),
            Parameter("Level", \.level, validate: [.set(["Low", "High"], ignoreCase: true)], help: "A level."),
            Parameter("Rest", \.rest, remaining: true, help: "Everything else."),
            .switchParameter("Force", \.force, help: "A switch."),
            .switchParameter("Fast", \.fast, help: "Another switch sharing a prefix with Force."),
        ])

    var name = ""
    var id = 0
    var count = 1
    var level = ""
    var rest: [PSValue] = []
    var force = false
    var fast = false

    func process(_ context: CommandContext) throws {
        let summary = PSObject([
            ("Set", .string(context.parameterSetName)), ("Name", .string(name)), ("Id", .long(Int64(id))),
            ("Count", .long(Int64(count))), ("Force", .bool(force)), ("Fast", .bool(fast)),
            ("Rest", .array(rest)), ("Level", .string(level)),
        ])
        try context.write(.object(summary))
    }
}

@Suite("Parameter binder")
struct ParameterBinderTests {
    func session() -> ExecutionContext {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable([TestBindCommand.declaration]))
        return context
    }

    func bind(_ script: String) throws -> PSObject {
        let values = try session().evaluate(script)
        guard let object = values.first?.asPSObject else {
            Issue.record("no output for \(script)")
            return PSObject()
        }
        return object
    }

    func failure(_ script: String) -> String? {
        do {
            _ = try session().evaluate("try { \(script) } catch { throw $_ }")
            return nil
        } catch let error as RuntimeError {
            return error.record.fullyQualifiedErrorId
        } catch {
            return "\(error)"
        }
    }

    @Test("named, colon, alias and prefix forms bind the same parameter", arguments: [
        "Test-Bind -Name abc", "Test-Bind -Name:abc", "Test-Bind -N abc", "Test-Bind -na abc", "test-bind -NAME abc",
    ])
    func namedForms(_ script: String) throws {
        #expect(try bind(script)["Name"]?.asString == "abc")
    }

    @Test func positionalBindsByPosition() throws {
        let o = try bind("Test-Bind abc 5")
        #expect(o["Name"]?.asString == "abc")
        if case .long(5)? = o["Count"] {} else { Issue.record("Count not bound: \(String(describing: o["Count"]))") }
    }

    @Test func remainingArgumentsCollectExtras() throws {
        let o = try bind("Test-Bind abc 2 x y")
        #expect(o["Rest"]?.asArray?.items.count == 2)
    }

    @Test func remainingArgumentsKeepUnknownNamesInOrder() throws {
        let o = try bind("Test-Bind abc 3 -Nope 1 -Other:x")
        #expect(o["Name"]?.asString == "abc")
        let rest = o["Rest"]?.asArray?.items.map { LanguagePrimitives.toString($0, context: nil) }
        #expect(rest == ["-Nope", "1", "-Other:", "x"])
        #expect(o["Rest"]?.asArray?.items.first?.asString == "-Nope")
    }

    @Test func unknownNameWithoutRemainingParameterFails() {
        #expect(failure("function adv { [CmdletBinding()] param($A) }; adv -Nope 1") == "NamedParameterNotFound,adv")
    }

    @Test func explicitParameterOverridesSplattedOne() throws {
        let values = try session().evaluate("$p = @{ Name = 'splat'; Count = 2 }; Test-Bind @p -Name explicit")
        #expect(values.first?.asPSObject?["Name"]?.asString == "explicit")
        if case .long(2)? = values.first?.asPSObject?["Count"] {} else { Issue.record("Count not splatted") }
    }

    @Test func switchForms() throws {
        #expect(try bind("Test-Bind abc -Force")["Force"].map(LanguagePrimitives.isTrue) == true)
        #expect(try bind("Test-Bind abc -Force:$false")["Force"].map(LanguagePrimitives.isTrue) == false)
    }

    @Test func parameterSetsAreChosenFromNamedParameters() throws {
        #expect(try bind("Test-Bind -Id 7")["Set"]?.asString == "ById")
        #expect(try bind("Test-Bind x")["Set"]?.asString == "ByName")
    }

    @Test func stringsConvertToNumbers() throws {
        if case .long(3)? = try bind("Test-Bind -Id '3'")["Id"] {} else { Issue.record("Id was not converted") }
    }

    @Test func enumLikeValidateSetIsCaseInsensitive() throws {
        #expect(try bind("Test-Bind x -Level high")["Level"]?.asString == "high")
    }

    @Test func pipelineInputBindsByValueAndByPropertyName() throws {
        let values = try session().evaluate("'a','b' | Test-Bind; [pscustomobject]@{ Name = 'c' } | Test-Bind")
        #expect(values.compactMap { $0.asPSObject?["Name"]?.asString } == ["a", "b", "c"])
    }

    @Test("binding errors carry PowerShell's ids", arguments: [
        ("Test-Bind -F", "AmbiguousParameter,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Name", "MissingArgument,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Name a -Id 1", "AmbiguousParameterSet,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Name a -Name b", "ParameterAlreadyBound,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Id", "MissingArgument,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Count 5", "MissingMandatoryParameter,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind a -Count 50", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind a -Level Medium", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.TestBindCommand"),
        ("Test-Bind -Id abc", "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.TestBindCommand"),
    ])
    func bindingErrors(_ script: String, _ id: String) {
        #expect(failure(script) == id)
    }

    @Test func whatIfIsAcceptedOnlyWithShouldProcess() throws {
        #expect(try bind("Test-Bind a -WhatIf")["Name"]?.asString == "a")
    }

    @Test func splattingHashtableAndArray() throws {
        let o = try bind("$h = @{ Name = 'z'; Force = $true }; Test-Bind @h")
        #expect(o["Name"]?.asString == "z")
        #expect(o["Force"].map(LanguagePrimitives.isTrue) == true)
        let p = try bind("$a = 'q', 3; Test-Bind @a")
        #expect(p["Name"]?.asString == "q")
    }

    @Test func functionParametersBindWithTypes() throws {
        let values = try session().evaluate("""
            function f { param([int]$a, [string]$b = 'dflt', [switch]$s) "$a|$b|$s" }
            f 5
            f -b x -a 2 -s
            f 1 2 3
            """)
        #expect(values.compactMap(\.asString) == ["5|dflt|False", "2|x|True", "1|2|False"])
    }

    @Test func simpleFunctionsCollectUnboundArgumentsInArgs() throws {
        let values = try session().evaluate("function g { $args.Count }; g 1 -x 2")
        if case .int(3)? = values.first {} else { Issue.record("expected 3 args, got \(values)") }
    }

    @Test func advancedFunctionMandatoryMissingIsAnError() {
        #expect(failure("function h { [CmdletBinding()] param([Parameter(Mandatory)] $x) $x }; h") == "MissingMandatoryParameter,h")
    }
}
