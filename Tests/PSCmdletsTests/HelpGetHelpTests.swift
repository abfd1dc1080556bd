import PSCmdlets
import PSRuntime
import Testing

@Suite("Get-Help")
struct HelpGetHelpTests {
    private func helpText(_ script: String) throws -> String {
        try outputStrings(script).joined(separator: "\n")
    }

    @Test func basicHelpSnapshot() throws {
        let expected = """

            NAME
                Write-Output

            SYNOPSIS
                Sends the given objects to the next command in the pipeline.


            SYNTAX
                Write-Output [-InputObject] <Object[]> [-NoEnumerate] [<CommonParameters>]


            DESCRIPTION
                Each argument becomes one output object; collections are sent item by item
                unless -NoEnumerate is given.


            REMARKS
                Examples: "Get-Help Write-Output -Examples".
                Parameter descriptions: "Get-Help Write-Output -Detailed".
                Everything, parameter attributes included: "Get-Help Write-Output -Full".

            """
        #expect(try helpText("Get-Help Write-Output") == expected)
    }

    @Test func aliasResolvesToItsCommand() throws {
        let viaAlias = try helpText("Get-Help echo")
        #expect(viaAlias.contains("\nNAME\n    Write-Output\n"))
        #expect(try helpText("help gci").contains("    Get-ChildItem\n"))
    }

    @Test func fullHelpShowsParameterAttributes() throws {
        let text = try helpText("Get-Help Write-Output -Full")
        let block = """
                -InputObject <Object[]>
                    The objects to send.

                    Required?                    true
                    Position?                    0
                    Default value                None
                    Accept pipeline input?       True (ByValue)
                    Aliases                      None
            """
        #expect(text.contains(block))
        #expect(text.contains("    -NoEnumerate [<SwitchParameter>]\n"))
        #expect(text.contains("    <CommonParameters>\n"))
        #expect(text.contains("EXAMPLES\n    -------------------------- EXAMPLE 1 --------------------------\n\n    PS> Write-Output 1, 2\n"))
        #expect(text.contains("OUTPUTS\n"))
    }

    @Test func detailedHasParametersButNoAttributes() throws {
        let text = try helpText("Get-Help Write-Output -Detailed")
        #expect(text.contains("PARAMETERS\n    -InputObject <Object[]>\n        The objects to send.\n"))
        #expect(!text.contains("Required?"))
        #expect(text.contains("EXAMPLES"))
    }

    @Test func examplesView() throws {
        let text = try helpText("Get-Help Write-Output -Examples")
        #expect(text.contains("EXAMPLE 2"))
        #expect(!text.contains("SYNTAX"))
        #expect(!text.contains("PARAMETERS"))
    }

    @Test func parameterFilterWithWildcards() throws {
        let text = try helpText("Get-Help Get-Content -Parameter Lit*")
        #expect(text.contains("    -LiteralPath <String[]>"))
        #expect(!text.contains("-Path <"))
        #expect(text.contains("Position?                    Named"))
    }

    @Test func aliasesAndPipelineByPropertyNameShown() throws {
        let text = try helpText("Get-Help Get-Content -Parameter LiteralPath")
        #expect(text.contains("Accept pipeline input?       True (ByPropertyName)"))
        #expect(text.contains("Aliases                      PSPath, LP"))
    }

    @Test func unknownTopicIsHelpNotFound() throws {
        let values = try outputStrings("try { Get-Help No-SuchThing; 'not reached' } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }")
        #expect(values == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand", "ResourceUnavailable"])
    }

    @Test func unknownParameterIsAnError() throws {
        let values = try outputStrings("try { Get-Help Get-Content -Parameter Nope } catch { $_.FullyQualifiedErrorId }")
        #expect(values == ["NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand"])
    }

    @Test func wildcardListsMatchingCommands() throws {
        let names = try outputStrings("Get-Help Get-C* | ForEach-Object Name")
        #expect(names.contains("Get-Content"))
        #expect(names.contains("Get-Command"))
        #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
        let single = try helpText("Get-Help Write-Outp*")
        #expect(single.contains("NAME\n    Write-Output"))
    }

    @Test func questionMarkShowsHelp() throws {
        #expect(try helpText("Get-Content -?").contains("NAME\n    Get-Content\n"))
        let function = try helpText("function Test-Thing { <#\n.SYNOPSIS\nChecks a thing.\n#>\nparam($x) }; Test-Thing -?")
        #expect(function.contains("SYNOPSIS\n    Checks a thing.\n"))
    }

    @Test func helpPipesToOutString() throws {
        let text = try helpText("Get-Help Write-Output | Out-String")
        #expect(text.contains("SYNOPSIS\n    Sends the given objects"))
    }
}
