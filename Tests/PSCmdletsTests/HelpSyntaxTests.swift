@testable import PSCmdlets
import PSRuntime
import Testing

@Suite("Command syntax, Get-Command -Syntax and comment-based help")
struct HelpSyntaxTests {
    @Test func getContentHasOneLinePerSet() throws {
        let lines = try outputStrings("Get-Command Get-Content -Syntax").joined(separator: "\n")
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Get-Content [-Path] <String[]> [-ReadCount <Int32>]"))
        #expect(lines[0].contains("[-Raw]"))
        #expect(lines[0].hasSuffix("[<CommonParameters>]"))
        #expect(lines[1].hasPrefix("Get-Content -LiteralPath <String[]> "))
    }

    @Test func whereObjectSetsAndRequiredSwitches() throws {
        let lines = try outputStrings("Get-Command Where-Object -Syntax").joined(separator: "\n")
            .split(separator: "\n").map(String.init)
        // The default set's switch is optional; the switch that alone picks another set is required.
        #expect(lines.first == "Where-Object [-Property] <String> [[-Value] <Object>] [-InputObject <Object>] [-EQ] [<CommonParameters>]")
        #expect(lines.contains("Where-Object [-FilterScript] <ScriptBlock> [-InputObject <Object>] [<CommonParameters>]"))
        #expect(lines.contains("Where-Object [-Property] <String> [[-Value] <Object>] -CEQ [-InputObject <Object>] [<CommonParameters>]"))
        #expect(lines.contains("Where-Object [-Property] <String> -Not [-InputObject <Object>] [<CommonParameters>]"))
    }

    @Test func selectObjectOptionalPositional() throws {
        let lines = try outputStrings("Get-Command Select-Object -Syntax").joined(separator: "\n")
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Select-Object [[-Property] <Object[]>] [-InputObject <Object>]"))
        #expect(lines.contains { $0.contains("[-Index <Int32[]>]") })
    }

    @Test func shouldProcessAddsWhatIfAndConfirm() throws {
        let text = try outputStrings("Get-Command Remove-Item -Syntax").joined(separator: "\n")
        #expect(text.contains("[-Force] [-WhatIf] [-Confirm] [<CommonParameters>]"))
    }

    @Test func aliasSyntaxNamesTheAliasAndItsCommand() throws {
        let text = try outputStrings("Get-Command gal -Syntax").joined(separator: "\n")
        #expect(text.hasPrefix("gal (alias) -> Get-Alias\n\ngal [[-Name] <String[]>] "))
        #expect(!text.contains("Get-Alias ["))
    }

    @Test func definitionPropertyUsesTheSameSyntax() throws {
        let values = try outputStrings("(Get-Command Get-Content).Definition; Get-Command Get-Content -Syntax")
        #expect(values.count == 2)
        #expect(values[0] == values[1])
    }

    @Test func functionSyntaxFromParamBlock() throws {
        let script = """
            function Plain($a, [int]$b, [switch]$c) { }
            function Adv { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position = 0)][string[]]$Name, [int]$Count) }
            Get-Command Plain -Syntax
            Get-Command Adv -Syntax
            """
        let values = try outputStrings(script)
        #expect(values == [
            "Plain [[-a] <Object>] [[-b] <Int32>] [-c]",
            "Adv [-Name] <String[]> [-Count <Int32>] [-WhatIf] [-Confirm] [<CommonParameters>]",
        ])
    }

    @Test func getCommandFilters() throws {
        let verbs = try outputStrings("Get-Command -Verb Get -Noun C* | ForEach-Object Name")
        #expect(verbs.contains("Get-Content"))
        #expect(verbs.allSatisfy { $0.hasPrefix("Get-C") })
        let wildcard = try outputStrings("Get-Command *-Help | ForEach-Object Name")
        #expect(wildcard == ["Get-Help"])
        let module = try outputStrings("Get-Command -Module Microsoft.PowerShell.Core -Name Get-* | ForEach-Object Name")
        #expect(module.contains("Get-Help") && module.contains("Get-Command") && !module.contains("Get-Content"))
        let aliases = try outputStrings("Get-Command gm -CommandType Alias | ForEach-Object Definition")
        #expect(aliases == ["Get-Member"])
    }

    @Test func commentHelpBeforeFunction() throws {
        let script = """
            <#
            .SYNOPSIS
                Greets someone.
            .DESCRIPTION
                Writes a greeting for the given name.
            .PARAMETER Name
                Who to greet.
            .EXAMPLE
                Get-Greeting -Name Ann
                Greets Ann.
            .NOTES
                Written for the tests.
            #>
            function Get-Greeting {
                [CmdletBinding()]
                param([Parameter(Mandatory)] [string] $Name, [switch] $Loud)
                "Hello $Name"
            }
            Get-Help Get-Greeting -Full
            """
        let text = try outputStrings(script).joined(separator: "\n")
        #expect(text.contains("NAME\n    Get-Greeting\n"))
        #expect(text.contains("SYNOPSIS\n    Greets someone.\n"))
        #expect(text.contains("SYNTAX\n    Get-Greeting [-Name] <String> [-Loud] [<CommonParameters>]\n"))
        #expect(text.contains("DESCRIPTION\n    Writes a greeting for the given name.\n"))
        #expect(text.contains("    -Name <String>\n        Who to greet.\n\n        Required?                    true\n        Position?                    0\n"))
        #expect(text.contains("NOTES\n    Written for the tests.\n"))
        #expect(text.contains("    PS> Get-Greeting -Name Ann\n\n    Greets Ann.\n"))
    }

    @Test func commentHelpInsideBody() throws {
        let script = """
            function Plain($a) {
                <#
                .SYNOPSIS
                A plain function.
                #>
                $a
            }
            Get-Help Plain
            """
        let text = try outputStrings(script).joined(separator: "\n")
        #expect(text.contains("SYNOPSIS\n    A plain function.\n"))
        #expect(text.contains("SYNTAX\n    Plain [[-a] <Object>]\n"))
    }

    @Test func commentSeparatedByBlankLinesIsNotFunctionHelp() throws {
        let script = "<#\n.SYNOPSIS\nFile header.\n#>\n\n\nfunction Lone { }\nGet-Help Lone"
        let text = try outputStrings(script).joined(separator: "\n")
        #expect(!text.contains("File header."))
        #expect(text.contains("SYNOPSIS\n    Lone\n"))
    }

    @Test func functionWithoutHelpShowsSyntaxAsSynopsis() throws {
        let text = try outputStrings("function Bare([string]$x) { }; Get-Help Bare").joined(separator: "\n")
        #expect(text.contains("SYNOPSIS\n    Bare [[-x] <String>]\n"))
    }

    @Test func commentParserSections() throws {
        let help = try #require(CommentHelp.parse("""
            # .SYNOPSIS
            # Short.
            # .PARAMETER Path
            # The path.
            """))
        #expect(help.synopsis == "Short.")
        #expect(help.parameters.map(\.name) == ["Path"])
        #expect(help.parameters.map(\.text) == ["The path."])
        #expect(CommentHelp.parse("<# just a comment #>") == nil)
    }
}
