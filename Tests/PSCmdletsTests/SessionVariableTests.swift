import Testing
import PSRuntime

@Suite struct SessionVariableTests {
    @Test func getVariableReturnsValuesAndObjects() throws {
        #expect(try outputStrings("$x = 5; Get-Variable x -ValueOnly") == ["5"])
        #expect(try outputStrings("$abc1 = 1; $abc2 = 2; foreach ($v in Get-Variable abc*) { $v.Name }") == ["abc1", "abc2"])
        #expect(try outputStrings("$abc1 = 1; $abc2 = 2; foreach ($v in Get-Variable abc* -Exclude *2) { $v.Name }") == ["abc1"])
    }

    @Test func getVariableErrorsForMissingNames() throws {
        #expect(try outputStrings("try { Get-Variable nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"])
        // A wildcard that matches nothing is not an error.
        #expect(try outputStrings("Get-Variable nothing* -ErrorAction Stop; 'ok'") == ["ok"])
    }

    @Test func getVariableShowsAsNameValueTable() throws {
        let text = try outputStrings("$zz = 42; Get-Variable zz | Out-String")
        let pad = { (s: String) in s + String(repeating: " ", count: 31 - s.count) }
        #expect(text == ["\n" + pad("Name") + "Value\n" + pad("----") + "-----\n" + pad("zz") + "42\n\n"])
    }

    @Test func setVariableCreatesAndUpdates() throws {
        #expect(try outputStrings("Set-Variable -Name y -Value 3; $y") == ["3"])
        #expect(try outputStrings("$y = 1; Set-Variable y 4; $y") == ["4"])
        #expect(try outputStrings("1, 2, 3 | Set-Variable z; $z") == ["1", "2", "3"])
        #expect(try outputStrings("function f { Set-Variable q 7 -Scope Global }; f; $q") == ["7"])
        #expect(try outputStrings("(Set-Variable w 9 -PassThru).Value") == ["9"])
    }

    @Test func readOnlyVariablesNeedForce() throws {
        #expect(try outputStrings("""
            New-Variable c 1 -Option ReadOnly
            try { Set-Variable c 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            Set-Variable c 3 -Force
            $c
            """) == ["VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand", "3"])
    }

    @Test func newVariableRefusesExistingNames() throws {
        #expect(try outputStrings("$n = 1; try { New-Variable n 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }; $n")
            == ["VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand", "1"])
        #expect(try outputStrings("$n = 1; New-Variable n 2 -Force; $n") == ["2"])
        #expect(try outputStrings("(New-Variable -Name fresh -Value 'v' -Description 'd' -PassThru).Description; $fresh") == ["d", "v"])
    }

    @Test func removeVariableDeletes() throws {
        #expect(try outputStrings("$a = 1; Remove-Variable a; Get-Variable a -ErrorAction SilentlyContinue; 'done'") == ["done"])
        #expect(try outputStrings("try { Remove-Variable missing -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"])
        #expect(try outputStrings("New-Variable k 1 -Option Constant; try { Remove-Variable k -Force -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand"])
    }

    @Test func clearVariableSetsNull() throws {
        #expect(try outputStrings("$a = 1; Clear-Variable a; $null -eq $a") == ["True"])
        #expect(try outputStrings("try { Clear-Variable missing -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
            == ["VariableNotFound,Microsoft.PowerShell.Commands.ClearVariableCommand"])
    }

    @Test func invalidOptionIsAnError() throws {
        let result = try outputStrings("try { New-Variable o 1 -Option Bogus -ErrorAction Stop; 'no error' } catch { 'error' }")
        #expect(result == ["error"])
    }
}
