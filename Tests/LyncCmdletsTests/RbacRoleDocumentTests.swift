import Foundation
import Testing
@testable import LyncCmdlets

/// The README's role table is generated from the cmdlet declarations; this test keeps it true.
/// Run with PCSH_UPDATE_DOCS=1 to rewrite the table after adding cmdlets.
@Suite("RBAC role document")
struct RbacRoleDocumentTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    static let begin = "<!-- roles:begin (generated: PCSH_UPDATE_DOCS=1 swift test --filter RbacRoleDocument) -->\n"
    static let end = "<!-- roles:end -->"

    @Test("The README lists what each built-in role may run, as the role check decides it")
    func readmeTableMatches() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "README has no role table markers")
        let finish = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let expected = RoleDocument.markdown()
        if ProcessInfo.processInfo.environment["PCSH_UPDATE_DOCS"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<finish.lowerBound, with: expected)
            try updated.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<finish.lowerBound]) == expected)
    }

    @Test("Every built-in role appears, and view-only roles get no changing cmdlet")
    func tableContents() {
        let table = RoleDocument.markdown()
        for role in ["CsAdministrator", "CsHelpDesk", "CsPersistentChatAdministrator", "CsServerAdministrator"] {
            #expect(table.contains("| \(role) |"))
        }
        #expect(table.contains("| CsViewOnlyAdministrator | nothing more"))
    }
}
