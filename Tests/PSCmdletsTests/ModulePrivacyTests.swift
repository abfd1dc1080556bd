import Foundation
import PSRuntime
import Testing

/// A module's helpers and `$script:` variables belong to the module, not to the session.
@Suite("Modules: private state")
struct ModulePrivacyTests {
    @Test func helpersAndScriptVariablesStayInsideTheModule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-modpriv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let module = folder.appendingPathComponent("Counter.psm1")
        try """
            $script:count = 0
            function Get-Step { 1 }
            function Add-Count { $script:count += (Get-Step); $script:count }
            function Get-Count { $script:count }
            Export-ModuleMember -Function Add-Count, Get-Count
            """.write(to: module, atomically: true, encoding: .utf8)
        let output = try outputStrings("""
            Import-Module '\(module.path)'
            Add-Count; Add-Count; Get-Count
            "outside: [$count]"
            try { Get-Step } catch { $_.FullyQualifiedErrorId }
            (Get-Command -Module Counter).Name -join ','
            """)
        #expect(output == ["1", "2", "2", "outside: []", "CommandNotFoundException", "Add-Count,Get-Count"])
    }
}
