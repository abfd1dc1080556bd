import Foundation
import PSLanguage
import PSRuntime
import Testing
@testable import PSCmdlets

@Suite("Modules")
struct ModuleImportTests {
    @Test("A .psm1 imported by path exports all its functions when it has no Export-ModuleMember")
    func exportsEveryFunctionByDefault() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Math/Math.psm1", "$hidden = 5\nfunction Add-One($x) { $x + 1 }\nfunction Add-Two($x) { Add-One (Add-One $x) }")
        let output = try outputStrings("""
            Import-Module '\(folder.path)/Math/Math.psm1'
            Add-Two 3
            (Get-Module Math).ExportedFunctions -join ','
            "hidden: [$hidden]"
            (Get-Command Add-One).Source
            """)
        #expect(output == ["5", "Add-One,Add-Two", "hidden: []", "Math"])
    }

    @Test("Export-ModuleMember limits functions and exports variables and aliases")
    func exportModuleMemberFilters() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Tools/Tools.psm1", """
            $Version = '3'
            $Secret = 'x'
            function Get-Public { "public $(Get-Private)" }
            function Get-Private { 'via helper' }
            Set-Alias gp Get-Public
            Export-ModuleMember -Function Get-Pub* -Variable Version -Alias gp
            """)
        let output = try outputStrings("""
            Import-Module '\(folder.path)/Tools'
            gp
            "v$Version [$Secret]"
            (Get-Module Tools).ExportedFunctions -join ','
            (Get-Module Tools).ExportedAliases -join ','
            @(Get-Command -Module Tools).Count
            """)
        #expect(output == ["public via helper", "v3 []", "Get-Public", "gp", "1"])
    }

    @Test("Remove-Module takes the module's functions away")
    func removeModuleRemovesFunctions() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Gone.psm1", "function Get-Gone { 'here' }")
        let output = try outputStrings("""
            Import-Module '\(folder.path)/Gone.psm1'
            Get-Gone
            Remove-Module Gone
            @(Get-Command Get-Gone -ErrorAction SilentlyContinue).Count
            @(Get-Module).Count
            """)
        #expect(output == ["here", "0", "0"])
    }

    @Test("Remove-Module takes exported aliases and variables away, even under a shadowing local function")
    func removeModuleRemovesAliasesAndVariables() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Kit.psm1", """
            $KitVersion = '2'
            function Get-Kit { 'kit' }
            Set-Alias gk Get-Kit
            Export-ModuleMember -Function Get-Kit -Variable KitVersion -Alias gk
            """)
        let output = try outputStrings("""
            Import-Module '\(folder.path)/Kit.psm1'
            gk
            & { function Get-Kit { 'local' }; Remove-Module Kit; Get-Kit }
            @(Get-Command gk, Get-Kit -ErrorAction SilentlyContinue).Count
            "[$KitVersion]"
            """)
        #expect(output == ["kit", "local", "0", "[]"])
    }

    @Test("Module objects can be piped to Remove-Module and Import-Module")
    func moduleObjectsArePipeable() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Piped/Piped.psm1", "function Get-Piped { 'piped' }")
        let output = try outputStrings("""
            $module = Import-Module '\(folder.path)/Piped' -PassThru
            $module | Remove-Module
            @(Get-Module).Count
            $module | Import-Module
            Get-Piped
            """)
        #expect(output == ["0", "piped"])
    }

    @Test("A manifest picks its root module, version and FunctionsToExport")
    func manifestIsHonoured() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Pack/Pack.psm1", "function Get-Pack { 'pack' }\nfunction Set-Pack { }")
        try folder.file("Pack/Pack.psd1", "@{ RootModule = 'Pack.psm1'; ModuleVersion = '1.2.3'; FunctionsToExport = 'Get-*' }")
        let (values, _) = try runScript("Import-Module '\(folder.path)/Pack/Pack.psd1' -PassThru")
        let module = try #require(values.first?.asPSObject)
        #expect(module.typeNames.first == "System.Management.Automation.PSModuleInfo")
        #expect(module["Version"].map { LanguagePrimitives.toString($0, context: nil) } == "1.2.3")
        #expect(module["ModuleType"].map { LanguagePrimitives.toString($0, context: nil) } == "Script")
        let exported = module["ExportedFunctions"]?.enumerated?.map { LanguagePrimitives.toString($0, context: nil) }
        #expect(exported == ["Get-Pack"])
    }

    @Test("A manifest that is not a hashtable is reported as Modules_InvalidManifest")
    func invalidManifest() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        try folder.file("Bad/Bad.psd1", "'just a string'")
        let output = try outputStrings("""
            try { Import-Module '\(folder.path)/Bad/Bad.psd1' } catch { $_.FullyQualifiedErrorId }
            """)
        #expect(output == ["Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand"])
    }

    @Test("-Prefix goes before the noun of each exported function")
    func prefixRenamesNouns() {
        #expect(ModuleLoader.prefixed("Get-Thing", with: "My") == "Get-MyThing")
        #expect(ModuleLoader.prefixed("helper", with: "My") == "Myhelper")
        #expect(ModuleLoader.prefixed("Get-Thing", with: "") == "Get-Thing")
    }

    @Test("#Requires lines are read as module names or tables")
    func requiresLinesAreParsed() throws {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let plain = try ModuleLoader.requiredModules(in: "-Modules Alpha, 'Beta'", context: session)
        #expect(plain.map(\.name) == ["Alpha", "Beta"])
        let table = try ModuleLoader.requiredModules(in: "-Modules @{ModuleName='Gamma'; ModuleVersion='2.0'}", context: session)
        #expect(table.first?.name == "Gamma" && table.first?.version == "2.0")
        #expect(try ModuleLoader.requiredModules(in: "-Version 7.2", context: session).isEmpty)
    }

    @Test("A script whose #Requires module is missing fails with ScriptRequiresMissingModules")
    func missingRequiredModuleFails() throws {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let parsed = Parser.parse("#Requires -Modules PcshNoSuchModule\n'body'")
        #expect {
            try ModuleLoader.satisfyRequirements(of: parsed.ast, scriptPath: "/tmp/x.ps1", context: session)
        } throws: { error in
            (error as? RuntimeError)?.record.errorId == "ScriptRequiresMissingModules"
        }
    }
}
