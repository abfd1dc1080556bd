import Foundation
import PSRuntime
import Testing

/// The id and message of the error a script raised (caught with try/catch inside the script).
private func caught(_ body: String) throws -> [String] {
    try outputStrings("try { \(body) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.CategoryInfo.Category }")
}

@Suite("Set-StrictMode")
struct StrictModeTests {
    @Test func offByDefault() throws {
        #expect(try outputStrings("$null -eq $nope; $s = 'x'; $null -eq $s.Month; $a = @(1); $null -eq $a[5]") == ["True", "True", "True"])
    }

    @Test func version1RefusesUnsetVariables() throws {
        #expect(try caught("Set-StrictMode -Version 1; $a -gt 5") == [
            "VariableIsUndefined", "The variable '$a' cannot be retrieved because it has not been set.", "InvalidOperation"])
        // Inside strings only from version 2.
        #expect(try outputStrings("Set-StrictMode -Version 1.0; \"[$nope]\"") == ["[]"])
        // Set variables, $null and automatic variables are fine.
        #expect(try outputStrings("Set-StrictMode -Version 1; $x = $null; $null -eq $x; 1 | % { $_ }") == ["True", "1"])
    }

    @Test func version2Properties() throws {
        #expect(try caught("Set-StrictMode -Version 2.0; $string = 'This is a string.'; $null -eq $string.Month") == [
            "PropertyNotFoundStrict", "The property 'Month' cannot be found on this object. Verify that the property exists.",
            "InvalidOperation"])
        #expect(try caught("Set-StrictMode -Version 2; \"value: $nope\"").first == "VariableIsUndefined")
        // Hashtable keys and existing properties are not affected.
        #expect(try outputStrings("Set-StrictMode -Version Latest; $h = @{a=1}; $null -eq $h.b; ([pscustomobject]@{P=2}).P; 'ab'.Length") == ["True", "2", "2"])
    }

    @Test func version2MethodSyntaxCalls() throws {
        let script = "function add($a, $b) { $a + $b }; Set-StrictMode -Version 2.0; add(3,4)"
        let result = try caught(script)
        #expect(result.first == "StrictModeFunctionCallWithParens")
        #expect(result.dropFirst().first?.hasPrefix("The function or command was called as if it were a method.") == true)
        // A space before the parenthesis, or strict mode 1, is fine.
        #expect(try outputStrings("function add($a, $b) { \"$a|$b\" }; Set-StrictMode -Version 1; add(3,4)") == ["3 4|"])
        #expect(try outputStrings("function one($a) { $a }; Set-StrictMode -Version 2; one (3)") == ["3"])
    }

    @Test func version3ArrayBounds() throws {
        #expect(try caught("Set-StrictMode -Version 3; $a = 1, 2; $a[5]") == [
            "System.IndexOutOfRangeException", "Index was outside the bounds of the array.", "OperationStopped"])
        #expect(try outputStrings("Set-StrictMode -Version 2; $a = 1, 2; $null -eq $a[5]; $a[-1]") == ["True", "2"])
        #expect(try outputStrings("Set-StrictMode -Version Latest; $a = 1, 2; $a[1]; $a[-2]") == ["2", "1"])
    }

    @Test func scopedLikeAPreference() throws {
        // A function inherits its caller's setting and can change it for itself only.
        let script = """
        Set-StrictMode -Version Latest
        function lenient { Set-StrictMode -Off; $null -eq $undefinedInside }
        lenient
        try { $undefinedOutside } catch { 'caller still strict' }
        function inherits { $undefinedHere }
        try { inherits } catch { 'child inherits' }
        & { Set-StrictMode -Off }
        try { $stillStrict } catch { 'script block scope ended' }
        Set-StrictMode -Off
        $null -eq $offNow
        """
        #expect(try outputStrings(script) == ["True", "caller still strict", "child inherits", "script block scope ended", "True"])
    }

    @Test func badVersion() throws {
        let result = try outputStrings("try { Set-StrictMode -Version abc } catch { $_.FullyQualifiedErrorId }")
        #expect(result.first?.hasPrefix("ParameterArgumentTransformationError") == true)
    }
}
