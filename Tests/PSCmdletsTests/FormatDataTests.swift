import PSCmdlets
import PSRuntime
import Testing

@Suite("Format data registered by other modules")
struct FormatDataTests {
    @Test("A type's default view shapes default output; Format-Table and Format-List find the view of their shape")
    func defaultAndAlternateViews() throws {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        FormatData.registerTableView(session, name: "ThingTable", typeNames: ["Test.Thing"],
                                     columns: [FormatData.Column("Name", width: 8), FormatData.Column("Size")])
        FormatData.registerListView(session, name: "ThingList", typeNames: ["Test.Thing"], properties: ["Size", "Name"],
                                    asDefault: false)
        let make = "$t = [pscustomobject]@{ Name = 'box'; Size = 3; Hidden = 'x' }; $t.PSObject.TypeNames.Insert(0, 'Test.Thing')"
        func text(_ script: String) throws -> String {
            try session.evaluate("\(make); \(script)").map { LanguagePrimitives.toString($0, context: session) }.joined()
        }
        let table = try text("$t | Out-String")
        #expect(table.contains("Name     Size") && !table.contains("Hidden"))
        let list = try text("$t | Format-List | Out-String")
        #expect(list.contains("Size : 3\nName : box") && !list.contains("Hidden"))
        #expect(try text("$t | Format-Table | Out-String") == table)
        #expect(try text("$t.PSObject.TypeNames[0]") == "Test.Thing")
    }
}
