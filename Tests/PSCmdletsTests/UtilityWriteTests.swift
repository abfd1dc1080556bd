import PSRuntime
import Testing

@Suite("Utility: Write-* cmdlets")
struct UtilityWriteTests {
    @Test func writeOutputSendsEachArgument() throws {
        #expect(try outputStrings("Write-Output 1 2 3") == ["1", "2", "3"])
        #expect(try outputStrings("echo a, b") == ["a", "b"])
    }

    @Test func writeOutputKeepsNestedArraysWhole() throws {
        #expect(try outputStrings("(Write-Output 1, (2, 3)).Count") == ["2"])
    }

    @Test func writeOutputNoEnumerateSendsOneObject() throws {
        #expect(try outputStrings("(Write-Output -NoEnumerate 1, 2 | Measure-Object).Count") == ["1"])
        #expect(try outputStrings("(Write-Output 1, 2 | Measure-Object).Count") == ["2"])
    }

    @Test func writeOutputPassesNullThrough() throws {
        #expect(try outputStrings("(Write-Output $null | Measure-Object).Count; (Write-Output @()).Count") == ["0", "0"])
    }

    @Test func writeHostJoinsWithSeparator() throws {
        let (values, host) = try runScript("Write-Host 1, 2, 3 -Separator ', '; Write-Host a b -NoNewline; Write-Host '!'")
        #expect(values.isEmpty)
        #expect(host.output == "1, 2, 3\na b!\n")
    }

    @Test func writeHostRejectsUnknownColour() throws {
        let (values, host) = try runScript("Write-Host x -ForegroundColor Purple; $Error.Count")
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["1"])
        #expect(!host.output.contains("x\n"))
        let (_, ok) = try runScript("Write-Host x -ForegroundColor DarkGreen")
        #expect(ok.output == "x\n")
    }

    @Test func writeErrorDefaultIdAndCategory() throws {
        let lines = try outputStrings("""
            Write-Error 'boom' 2>$null
            $Error[0].FullyQualifiedErrorId
            $Error[0].CategoryInfo.Category
            $Error[0].Exception.Message
            """)
        #expect(lines == ["Microsoft.PowerShell.Commands.WriteErrorException", "NotSpecified", "boom"])
    }

    @Test func writeErrorCustomIdTargetAndStop() throws {
        let lines = try outputStrings("""
            try { Write-Error -Message 'bad' -ErrorId 'MyId' -Category InvalidData -TargetObject 42 -ErrorAction Stop }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.TargetObject }
            """)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("MyId") == true)
        #expect(lines.dropFirst().first == "InvalidData")
        #expect(lines.last == "42")
    }

    @Test func writeErrorFromPipelineIsNonTerminating() throws {
        #expect(try outputStrings("'a', 'b' | Write-Error 2>$null; 'after'; $Error.Count") == ["after", "2"])
    }

    @Test func warningVerboseDebugGoToTheirStreams() throws {
        let (values, host) = try runScript("""
            Write-Warning 'careful'
            Write-Verbose 'hidden'
            Write-Verbose 'shown' -Verbose
            Write-Debug 'quiet'
            'done'
            """)
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["done"])
        #expect(host.text(of: .warning).contains("careful"))
        #expect(host.text(of: .verbose).contains("shown"))
        #expect(!host.text(of: .verbose).contains("hidden"))
        #expect(!host.text(of: .debug).contains("quiet"))
    }

    @Test func warningMessageIsMandatoryFromPipelineToo() throws {
        let (_, host) = try runScript("'w1', 'w2' | Write-Warning")
        #expect(host.text(of: .warning).contains("w1"))
        #expect(host.text(of: .warning).contains("w2"))
    }

    @Test func writeInformationIsSilentByDefault() throws {
        let (values, host) = try runScript("Write-Information 'note'; Write-Information 'loud' -InformationAction Continue")
        #expect(values.isEmpty)
        #expect(!host.output.contains("note") && !host.text(of: .information).contains("note"))
        #expect(host.output.contains("loud") || host.text(of: .information).contains("loud"))
    }
}
