import Testing
@testable import PSRuntime

/// A cmdlet that applies a list change to a fixed starting list and writes the result.
final class TestListChangeCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        TestListChangeCommand.self, name: "Set-TestList", synopsis: "Applies a list change to a b c.",
        parameters: [Parameter("Members", \.members, position: 0, help: "The change.")])

    var members = ListModifier<String>()

    func process(_ context: CommandContext) throws {
        let result = members.applied(to: ["a", "b", "c"]) { $0.equalsIgnoringCase($1) }
        try context.write(.string(result.joined(separator: ",")))
    }
}

@Suite("List modifiers")
struct ListModifierTests {
    func run(_ script: String) throws -> [String] {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable([TestListChangeCommand.declaration]))
        return try context.evaluate(script).compactMap(\.asString)
    }

    @Test("hashtables, values and $null bind as list changes", arguments: [
        ("Set-TestList @{Add='d'}", "a,b,c,d"),
        ("Set-TestList @{add='d','e'; REMOVE='a'}", "b,c,d,e"),
        ("Set-TestList @{Remove='B'}", "a,c"),
        ("Set-TestList @{Add='A'}", "a,b,c"),
        ("Set-TestList @{Replace='x','y'}", "x,y"),
        ("Set-TestList 'x','y'", "x,y"),
        ("Set-TestList -Members $null", ""),
        ("Set-TestList", "a,b,c"),
    ])
    func changes(_ script: String, _ expected: String) throws {
        #expect(try run(script) == [expected])
    }

    @Test func unknownKeysAreAnArgumentError() {
        do {
            _ = try run("try { Set-TestList @{Append='x'} } catch { throw $_ }")
            Issue.record("expected an error")
        } catch let error as RuntimeError {
            #expect(error.record.fullyQualifiedErrorId.hasPrefix("CannotConvertArgumentNoMessage"))
            #expect(error.record.message.contains("Add, Remove or Replace"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func replaceCannotBeCombined() {
        do {
            _ = try run("try { Set-TestList @{Replace='x'; Add='y'} } catch { throw $_ }")
            Issue.record("expected an error")
        } catch let error as RuntimeError {
            #expect(error.record.fullyQualifiedErrorId.hasPrefix("CannotConvertArgumentNoMessage"))
            #expect(error.record.message.contains("cannot combine Replace with Add or Remove"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
