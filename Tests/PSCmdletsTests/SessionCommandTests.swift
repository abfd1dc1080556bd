import Foundation
import Testing
import PSRuntime
@testable import PSCmdlets

@Suite struct SessionCommandTests {
    @Test func getDateBuildsDatesAndFormats() throws {
        #expect(try outputStrings("Get-Date -UnixTimeSeconds 86400 -AsUTC -UFormat '%Y-%m-%d %H:%M:%S'") == ["1970-01-02 00:00:00"])
        #expect(try outputStrings("Get-Date -Year 2020 -Month 5 -Day 17 -UFormat '%Y/%m/%d %j %a %B'") == ["2020/05/17 138 Sun May"])
        #expect(try outputStrings("Get-Date -Year 2021 -Month 3 -Day 4 -Format 'yyyy-MM-dd'") == ["2021-03-04"])
        let values = try runScript("Get-Date").values
        #expect(values.count == 1)
        if case .dateTime(let date)? = values.first {
            #expect(abs(date.timeIntervalSinceNow) < 60)
        } else {
            Issue.record("Get-Date did not output a DateTime")
        }
    }

    @Test func getDateDisplaysTheLongForm() throws {
        let (_, host) = try runScript("Get-Date -Year 2026 -Month 11 -Day 21 -Hour 21 -Minute 31 -Second 43 | Out-Default")
        #expect(host.output == "\nSaturday, November 21, 2026 9:31:43 PM\n\n")
    }

    @Test func unixFormatSpecifiers() throws {
        var calendar = Calendar(identifier: .gregorian)
        let utc = try #require(TimeZone(identifier: "UTC"))
        calendar.timeZone = utc
        let date = try #require(calendar.date(from: DateComponents(year: 2024, month: 1, day: 7, hour: 15, minute: 4, second: 5)))
        #expect(UnixDateFormat.format(date, "%d|%e|%I|%l|%p|%y|%C|%u|%w|%V|%G|%Z|%%", timeZone: utc) == "07| 7|03| 3|PM|24|20|7|0|01|2024|+00|%")
        #expect(UnixDateFormat.format(date, "%D %T %R %r", timeZone: utc) == "01/07/24 15:04:05 15:04 03:04:05 PM")
    }

    @Test func startSleepWaits() throws {
        let start = Date()
        #expect(try runScript("Start-Sleep -Milliseconds 30").values.isEmpty)
        #expect(Date().timeIntervalSince(start) >= 0.03)
        #expect(try runScript("Start-Sleep 0.01; Start-Sleep -Duration '00:00:00.01'").values.isEmpty)
    }

    @Test func invokeExpressionRunsInTheCurrentScope() throws {
        #expect(try outputStrings("Invoke-Expression '$x = 2; 3'; $x") == ["3", "2"])
        #expect(try outputStrings("'1 + 1' | iex") == ["2"])
    }

    @Test func getCommandFindsCmdletsFunctionsAndAliases() throws {
        #expect(try outputStrings("(Get-Command Get-Variable).CommandType") == ["Cmdlet"])
        #expect(try outputStrings("(Get-Command Get-Variable).Source") == ["Microsoft.PowerShell.Utility"])
        #expect(try outputStrings("function Do-Thing { 1 }; (Get-Command Do-Thing).CommandType") == ["Function"])
        #expect(try outputStrings("(Get-Command gv).DisplayName") == ["gv -> Get-Variable"])
        #expect(try outputStrings("foreach ($c in Get-Command *-Variable -CommandType Cmdlet) { $c.Name }")
            == ["Clear-Variable", "Get-Variable", "New-Variable", "Remove-Variable", "Set-Variable"])
        #expect(try outputStrings("foreach ($c in Get-Command -Verb Out -Noun Stri*) { $c.Name }") == ["Out-String"])
    }

    @Test func getCommandErrorsForUnknownNames() throws {
        #expect(try outputStrings("try { Get-Command no-such-command -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }")
            .first == "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand")
        #expect(try outputStrings("Get-Command zzz* -ErrorAction Stop; 'ok'") == ["ok"])
    }

    @Test func getCommandTableShowsTheFourColumns() throws {
        let text = try outputStrings("Get-Command Get-Date | Out-String").first ?? ""
        #expect(text.hasPrefix("\nCommandType     Name" + String(repeating: " ", count: 47) + "Version    Source\n"))
        #expect(text.contains("Cmdlet          Get-Date"))
    }

    @Test func aliasCmdlets() throws {
        #expect(try outputStrings("Set-Alias hi Get-Date; (Get-Alias hi).Definition") == ["Get-Date"])
        #expect(try outputStrings("foreach ($a in Get-Alias -Definition Get-Variable) { $a.Name }") == ["gv"])
        #expect(try outputStrings("New-Alias hey Get-Date; try { New-Alias hey Get-Host -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"])
        #expect(try outputStrings("try { Set-Alias gv Get-Date -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["AliasNotWritable,Microsoft.PowerShell.Commands.SetAliasCommand"])
        #expect(try outputStrings("try { Get-Alias no-alias -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand"])
        #expect(try outputStrings("Set-Alias pick Get-Random; pick -Minimum 1 -Maximum 2") == ["1"])
    }

    @Test func readHostReadsALine() throws {
        let (values, host) = try runScript("Read-Host 'Your name'", input: ["Bob"])
        #expect(values.map { LanguagePrimitives.toString($0, context: nil) } == ["Bob"])
        #expect(host.output.contains("Your name: "))
    }

    @Test func getRandomNumbersAndPicks() throws {
        #expect(try outputStrings("Get-Random -Minimum 5 -Maximum 6") == ["5"])
        #expect(try outputStrings("$a = Get-Random -SetSeed 7 -Maximum 100000; $b = Get-Random -SetSeed 7 -Maximum 100000; $a -eq $b") == ["True"])
        #expect(try outputStrings("try { Get-Random -Minimum 5 -Maximum 5 } catch { $_.FullyQualifiedErrorId }")
            == ["MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand"])
        #expect(Set(try outputStrings("'a', 'b', 'c' | Get-Random -Count 3")) == ["a", "b", "c"])
        #expect(try outputStrings("'a', 'b', 'c' | Get-Random -Shuffle").sorted() == ["a", "b", "c"])
        #expect(try outputStrings("'only' | Get-Random") == ["only"])
    }

    @Test func getHostDescribesPcsh() throws {
        #expect(try outputStrings("(Get-Host).Name") == ["pcsh"])
    }
}
