import Testing
@testable import PSRuntime

/// Operators, conversions and members driven through the whole engine (parser + evaluator).
@Suite struct ValueScriptTests: SnippetRunning {
    @Test(arguments: [
        ("$h = [ordered]@{ b = 1; a = 2 }; $h.Keys -join ','", ["b,a"]),
        ("(1,2,3).ForEach({ $_ * 2 })", ["2", "4", "6"]),
        ("[byte[]]$b = 1..16; [Guid]::new($b)", ["04030201-0605-0807-090a-0b0c0d0e0f10"]),
        ("$o = [pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 }; $o.ForEach('N', 5).Count; $o.N", ["0", "5", "5"]),
        ("('a', 'bb').ForEach('Length'); ('a', 'bb').ForEach('PadLeft', 3)", ["1", "2", "  a", " bb"]),
        ("(1..6).Where({ $_ % 2 -eq 0 })", ["2", "4", "6"]),
        ("(1..6).Where({ $_ -gt 2 }, 'First')", ["3"]),
        ("(1..6).Where({ $_ -gt 2 }, 'Last', 2)", ["5", "6"]),
        ("(1..5).Where({ $_ -ge 3 }, 'SkipUntil')", ["3", "4", "5"]),
        ("(1..5).Where({ $_ -ge 3 }, 'Until')", ["1", "2"]),
        ("$a, $b = (1..4).Where({ $_ -lt 3 }, 'Split'); $a -join ','; $b -join ','", ["1,2", "3,4"]),
        ("('a','bb').ForEach('Length')", ["1", "2"]),
        ("('a','b').ForEach('ToUpper')", ["A", "B"]),
        ("'x1y22' -match '(\\d+)'; $Matches[1]", ["True", "1"]),
        ("'abc' -replace 'b', { $_.Value.ToUpper() }", ["aBc"]),
        ("[int]'0x1F' + 1", ["32"]),
        ("[math]::Round(2.5)", ["2"]),
        ("'{0:N1}' -f 1234.56", ["1,234.6"]),
        ("(1,2,3 -gt 1).Count", ["2"]),
        ("$h = @{}; $h.a = 1; $h['b'] = 2; $h.Count", ["2"]),
        ("$x = [System.Collections.Generic.List[int]]::new(); [void]$x.Add(1); [void]$x.Add('2'); $x.Count; $x[1].GetType().Name", ["2", "Int32"]),
        ("$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a').Append('b'); $sb.ToString()", ["ab"]),
        ("[xml]$x = '<r><i>1</i><i>2</i></r>'; $x.r.i -join '+'", ["1+2"]),
        ("'a,b;c' -split '[,;]'", ["a", "b", "c"]),
        ("-split '  x  y '", ["x", "y"]),
        ("'{0}|{1,3}|{2:X}' -f 'a', 7, 255", ["a|  7|FF"]),
        ("[datetime]'2024-05-06' -lt [datetime]'2024-06-01'", ["True"]),
        ("([datetime]'2024-01-31').AddMonths(1).ToString('yyyy-MM-dd')", ["2024-02-29"]),
        ("[timespan]'01:30:00' -gt [timespan]'00:45:00'", ["True"]),
        ("'abc'.Length + 'de'.Length", ["5"]),
        ("@(1, 'a', $null).Count", ["3"]),
        ("$a = 1..5; $a[1..2] -join ','", ["2,3"]),
        ("$a = 1..5; $a[-1]", ["5"]),
        ("'hello'[0]", ["h"]),
        ("[string]::Join('-', (1..3))", ["1-2-3"]),
        ("[string][char]65 + 'b'", ["Ab"]),
        ("1 -is [int]; 1 -is [valuetype]; 'a' -is [object]; $null -is [object]", ["True", "True", "True", "False"]),
        ("'5' -as [int]; ('x' -as [int]) -eq $null", ["5", "True"]),
        ("(1).GetType().FullName", ["System.Int32"]),
        ("[int].Name", ["Int32"]),
        ("\"$([int])\"", ["int"]),
        ("5 / 2; 4 / 2; (4/2).GetType().Name", ["2.5", "2", "Int32"]),
        ("([int]::MaxValue + 1).GetType().Name", ["Double"]),
        ("'ab' * 2; @(1) * 2 -join ''", ["abab", "11"]),
    ])
    func scripts(_ script: String, _ expected: [String]) throws {
        let actual = try run(script)
        #expect(actual == expected)
    }

    @Test(arguments: [
        ("1 / 0", "RuntimeException"),
        ("$null[0]", "NullArray"),
        ("'abc'.Substring(10)", "ArgumentOutOfRangeException"),
        ("'abc'.NoSuchMethod()", "MethodNotFound"),
        ("[int]'abc'", "InvalidCastFromStringToInteger"),
        ("$a = 1, 2; $a[5] = 1", "IndexOutOfRange"),
        ("$o = [pscustomobject]@{ a = 1 }; $o.b = 2", "PropertyAssignmentException"),
        ("$a = 1, 2; $a.Add(3)", "NotSupportedException"),
        ("[math]::NoSuch(1)", "MethodNotFound"),
    ])
    func errors(_ script: String, _ id: String) {
        #expect(snippetErrorId(script) == id)
    }

    @Test func scriptPropertiesAndMethodsSeeThis() throws {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        let o = PSObject([("a", 21)])
        o.addScriptProperty("Double", getter: try context.createScriptBlock("$this.a * 2"))
        o.scriptMethods[CaseInsensitiveKey("Plus")] = try context.createScriptBlock("param($n) $this.a + $n")
        let value = PSValue.object(o)
        #expect(describe(try Members.getMember(value, "double", context: context)) == "Int32:42")
        #expect(describe(try Members.invokeMethod(value, "plus", [1], context: context)) == "Int32:22")
        #expect(errorId { try Members.setMember(value, "Double", 1, context: context) } == "PropertyAssignmentException")
        #expect(context.getVariable("this") == nil)
    }
}
