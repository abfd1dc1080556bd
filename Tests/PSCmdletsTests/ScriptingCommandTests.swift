import Foundation
import PSRuntime
import Testing

@Suite("Scripting: Measure-Command, Get-Error, Out-GridView, Start-Sleep")
struct ScriptingCommandTests {
    @Test func measureCommandReturnsATimeSpanAndDiscardsOutput() throws {
        let lines = try outputStrings("$t = Measure-Command { 'hidden'; Start-Sleep -Milliseconds 60 }; $t.GetType().FullName; $t.TotalMilliseconds -ge 50; $t.TotalSeconds -lt 5")
        #expect(lines == ["System.TimeSpan", "True", "True"])
        #expect(try outputStrings("Measure-Command { 'hidden' } | Out-Null; 'after'") == ["after"])
    }

    @Test func measureCommandRunsPerInputInCurrentScope() throws {
        let lines = try outputStrings("$sum = 0; 1..4 | Measure-Command { $sum += $_ } | Out-Null; $sum; (Measure-Command -InputObject 5 -Expression { $seen = $_ }).Ticks -ge 0; $seen")
        #expect(lines == ["10", "True", "5"])
    }

    @Test func getErrorShowsNewestWithDetails() throws {
        let (values, host) = try runScript("Get-Item /no/such/file -ErrorAction SilentlyContinue; Get-Error | Out-Host")
        #expect(values.isEmpty)
        let text = host.output
        #expect(text.contains("Exception             :"))
        #expect(text.contains("    Type    : System.Management.Automation.ItemNotFoundException"))
        #expect(text.contains("    Message : Cannot find path '/no/such/file' because it does not exist."))
        #expect(text.contains("TargetObject          : /no/such/file"))
        #expect(text.contains("CategoryInfo          : ObjectNotFound: (/no/such/file:String) [Get-Item], ItemNotFoundException"))
        #expect(text.contains("FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"))
        #expect(text.contains("    ScriptLineNumber : 1"))
        #expect(text.contains("    PositionMessage  : At line:1 char:1"))
        #expect(text.contains("                       + Get-Item /no/such/file -ErrorAction SilentlyContinue"))
    }

    @Test func getErrorNewestAndPipedRecords() throws {
        let script = """
        $null = 1 / $zero 2>$null
        try { throw 'first' } catch { }
        try { throw 'second' } catch { }
        (Get-Error -Newest 2).Exception.Message
        try { [int]'x' } catch { ($_ | Get-Error).FullyQualifiedErrorId }
        (Get-Error).pstypenames[0]
        """
        let lines = try outputStrings(script)
        #expect(lines.prefix(2) == ["second", "first"])
        #expect(lines.count == 4)
        #expect(lines.last == "System.Management.Automation.ErrorRecord#PSExtendedError")
    }

    @Test func outGridViewIsNotAvailable() throws {
        let lines = try outputStrings("try { 1..3 | Out-GridView } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
        #expect(lines.first == "ErrorLoadingAssembly,Microsoft.PowerShell.Commands.OutGridViewCommand")
        #expect(lines.last?.contains("Format-Table") == true)
        #expect(lines.last?.contains("Export-Csv") == true)
    }

    @Test func startSleepTakesFractionsAndTimeSpans() throws {
        let lines = try outputStrings("(Measure-Command { Start-Sleep -Seconds 0.05 }).TotalMilliseconds -ge 40; (Measure-Command { Start-Sleep -Duration (New-TimeSpan -Milliseconds 50) }).TotalMilliseconds -ge 40; (Measure-Command { Start-Sleep -Milliseconds 30 }).TotalMilliseconds -ge 25")
        #expect(lines == ["True", "True", "True"])
    }
}

@Suite("Scripting: New-TimeSpan, Get-Date -UFormat, Get-Random")
struct TimeAndRandomCommandTests {
    @Test func newTimeSpanFromParts() throws {
        #expect(try outputStrings("New-TimeSpan -Hours 1 -Minutes 30") == ["01:30:00"])
        #expect(try outputStrings("(New-TimeSpan -Days 2 -Seconds 5 -Milliseconds 250).ToString()") == ["2.00:00:05.2500000"])
        #expect(try outputStrings("(New-TimeSpan -Minutes -90).TotalHours") == ["-1.5"])
        #expect(try outputStrings("(New-TimeSpan).Ticks -eq 0") == ["True"])
    }

    @Test func newTimeSpanBetweenDates() throws {
        #expect(try outputStrings("(New-TimeSpan -Start '2024-01-01' -End '2024-03-01').Days") == ["60"])
        #expect(try outputStrings("(New-TimeSpan '2024-01-02 06:00' '2024-01-01').TotalHours") == ["-30"])
        #expect(try outputStrings("(New-TimeSpan -Start (Get-Date).AddDays(-3)).Days") == ["3"])
        #expect(try outputStrings("([pscustomobject]@{LastWriteTime=(Get-Date).AddHours(-2)} | New-TimeSpan).Hours") == ["2"])
    }

    @Test func uFormatMatchesPowerShell() throws {
        // The expected strings are those of PowerShell's own tests.
        #expect(try outputStrings("Get-Date -Date 1/1/0030 -UFormat %a%A%b%B%c%C%d%D%e%h%H%I%j%m%M%p%r") ==
                ["TueTuesdayJanJanuaryTue Jan  1 00:00:00 003000101/01/30 1Jan00120010100AM12:00:00 AM"])
        #expect(try outputStrings("Get-Date -Date 1/1/0030 -UFormat %S%T%u%w%x%X%y%Y%%") == ["0000:00:002201/01/3000:00:00300030%"])
        #expect(try outputStrings("Get-Date -Date 'Jan 1, 2020' -UFormat %s") == ["1577836800"])
        #expect(try outputStrings("Get-Date -Date 2024-03-05T07:08:09 -UFormat '%F %R %k|%l|%n|%t|%G-%g'") == ["2024-03-05 07:08  7| 7|\n|\t|2024-24"])
        let empty = try outputStrings("try { Get-Date -UFormat '' } catch { $_.FullyQualifiedErrorId }")
        #expect(empty == ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetDateCommand"])
    }

    @Test func asUTC() throws {
        #expect(try outputStrings("Get-Date -Date '2024-06-01T12:00:00Z' -AsUTC -Format 'yyyy-MM-dd HH:mm'") == ["2024-06-01 12:00"])
        #expect(try outputStrings("Get-Date -Date '2024-06-01T12:00:00Z' -AsUTC -UFormat '%H:%M %Z'") == ["12:00 +00"])
    }

    @Test func getRandomTypesAndSeeds() throws {
        #expect(try outputStrings("(Get-Random -Maximum 10).GetType().Name; (Get-Random -Maximum 10.5).GetType().Name; (Get-Random -Maximum 10000000000).GetType().Name") == ["Int32", "Double", "Int64"])
        #expect(try outputStrings("$a = Get-Random -SetSeed 42 -Maximum 1000; $b = Get-Random -SetSeed 42 -Maximum 1000; $a -eq $b") == ["True"])
        #expect(try outputStrings("(Get-Random -Minimum 5 -Maximum 6); (Get-Random -Count 3 -Maximum 100).Count") == ["5", "3"])
        #expect(try outputStrings("(1..10 | Get-Random -Shuffle | Sort-Object) -join ','") == ["1,2,3,4,5,6,7,8,9,10"])
        #expect(try outputStrings("$p = 1..10 | Get-Random -Count 4; $p.Count; ($p | Select-Object -Unique).Count") == ["4", "4"])
        let bad = try outputStrings("try { Get-Random -Minimum 5 -Maximum 5 } catch { $_.FullyQualifiedErrorId }")
        #expect(bad.first?.hasPrefix("MinGreaterThanOrEqualMax") == true)
    }
}
