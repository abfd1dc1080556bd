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

    /// One of a module's functions calling another passes its variables and -WhatIf on (pwsh's
    /// dynamic scoping inside a module); a caller outside the module passes nothing in.
    @Test func functionsOfOneModuleSeeTheirCallersScope() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-modscope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let module = folder.appendingPathComponent("Stages.psm1")
        try """
            function Invoke-Outer { [CmdletBinding(SupportsShouldProcess)] param() $local = 'from outer'; Invoke-Inner }
            function Invoke-Inner { [CmdletBinding(SupportsShouldProcess)] param() "inner sees [$local] whatif=$WhatIfPreference" }
            """.write(to: module, atomically: true, encoding: .utf8)
        let output = try outputStrings("""
            Import-Module '\(module.path)'
            Invoke-Outer -WhatIf
            & { $local = 'from a caller outside'; Invoke-Inner }
            """)
        #expect(output == ["inner sees [from outer] whatif=True", "inner sees [] whatif=False"])
    }
}
