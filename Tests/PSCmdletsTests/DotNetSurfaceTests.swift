import Foundation
import PSCmdlets
import PSRuntime
import Testing

/// Get-Command's parameter metadata, Get-Credential, [IO.File] and the parser's AST, through a
/// full session.
@Suite("DotNetSurface")
struct DotNetSurfaceTests {
    func run(_ script: String, input: [String] = [], interactive: Bool = true) throws -> (values: [String], host: RecordingHostUI) {
        let host = RecordingHostUI(inputLines: input, isInteractive: interactive)
        let session = BuiltinCmdlets.makeSession(host: host)
        let values = try session.evaluate(script).map { LanguagePrimitives.toString($0, context: session) }
        return (values, host)
    }

    @Test func getCommandParametersDescribeFunctionsAndCmdlets() throws {
        let result = try run("""
            function f { param([Alias('A1')][string]$Alpha, [int[]]$Beta, [switch]$Gamma) }
            $p = (Get-Command f).Parameters
            $p.Keys -join ','; $p['Alpha'].ParameterType.FullName; $p['Alpha'].Aliases -join ','
            $p['Beta'].ParameterType.Name; $p['Gamma'].SwitchParameter; $p.ContainsKey('Verbose')
            function g { [CmdletBinding()] param($X) }; (Get-Command g).Parameters.ContainsKey('ErrorAction')
            $c = (Get-Command Get-ChildItem).Parameters; $c.ContainsKey('Path'); $c['Path'].ParameterType.FullName
            $c['Recurse'].SwitchParameter; $c['ErrorAction'].Aliases -join ','
            """)
        #expect(result.values == ["Alpha,Beta,Gamma", "System.String", "A1", "Int32[]", "True", "False", "True",
                                  "True", "System.String[]", "True", "ea"])
    }

    @Test func getCredentialPromptsThroughTheHost() throws {
        let result = try run("$c = Get-Credential -Message 'Database login'; $c.UserName; $c.GetNetworkCredential().Password; \"$($c.Password)\"",
                             input: ["dba", "s3cret"])
        #expect(result.values == ["dba", "s3cret", "System.Security.SecureString"])
        #expect(result.host.output.contains("Database login"))
        #expect(result.host.output.contains("Password for user dba: ******"))
        #expect(!result.host.output.contains("s3cret"))
        let named = try run("(Get-Credential -UserName admin).UserName", input: ["pw"])
        #expect(named.values == ["admin"])
        #expect(!named.host.output.contains("User: "))
    }

    @Test func getCredentialFailsClearlyWhenItCannotPrompt() throws {
        let result = try run("Get-Credential -UserName admin; 'after'", interactive: false)
        #expect(result.values == ["after"])
        #expect(result.host.text(of: .error).contains("NonInteractive mode"))
    }

    @Test func fileCopyMoveAndEncodings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-dotnet-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try run("""
            $f = '\(dir)/a.txt'
            [IO.File]::WriteAllText($f, 'héllo', [Text.Encoding]::Unicode); (Get-Item $f).Length; [IO.File]::ReadAllText($f)
            [IO.File]::Copy($f, '\(dir)/b.txt'); try { [IO.File]::Copy($f, '\(dir)/b.txt') } catch { $_.Exception.InnerException.GetType().Name }
            [IO.File]::Move('\(dir)/b.txt', '\(dir)/c.txt'); [IO.File]::Exists('\(dir)/b.txt'); [IO.File]::Exists('\(dir)/c.txt')
            [IO.File]::GetLastWriteTime($f).Year -ge 2024
            """)
        #expect(result.values == ["12", "héllo", "IOException", "False", "True", "True"])
    }

    @Test func parserReturnsTheTreeWithoutRunningIt() throws {
        let result = try run("""
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput('function Get-A { param($X) Write-Output $X }; $ran = 1; Get-A 5', [ref]$tokens, [ref]$errors)
            $null -eq $ran; $errors.Count; $ast.EndBlock.Statements.Count; $tokens[0].Text
            $fns = $ast.FindAll({ param($a) $a -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)
            $fns.Name; $fns[0].Extent.StartLineNumber; $fns[0].Extent.StartColumnNumber; $fns[0].Body.ParamBlock.Parameters[0].Name.VariablePath.UserPath
            ($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }) -join ','
            ($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $false) | ForEach-Object { $_.GetCommandName() }) -join ','
            $ast.Find({ $args[0] -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true).Extent.Text
            $null = [System.Management.Automation.Language.Parser]::ParseInput('if ($x) {', [ref]$null, [ref]$errors)
            $errors.Count; $errors[0].ErrorId; $errors[0].Extent.StartLineNumber; $errors[0].Message.Length -gt 0
            """)
        #expect(result.values == ["True", "0", "3", "function", "Get-A", "1", "1", "X", "Write-Output,Get-A", "Get-A",
                                  "$ran = 1", "1", "MissingEndCurlyBrace", "1", "True"])
    }
}
