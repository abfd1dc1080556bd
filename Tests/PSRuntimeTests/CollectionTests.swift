import Testing
@testable import PSRuntime

/// Dictionaries with keys of any type, ordered dictionaries, array methods, member enumeration
/// for methods, and the `$foreach`/`$switch`/`$input` enumerators, as PowerShell 7.4 has them.
@Suite("Collections and enumerators")
struct CollectionTests: SnippetRunning {
    @Test("dictionary keys keep their type", arguments: [
        ("$h = @{ 1 = 'int'; '1' = 'text' }; $h.Count; $h.1; $h['1']; $h[1]", ["2", "int", "text", "int"]),
        ("$h = @{ '1' = 'text' }; $null -eq $h.1; $h.'1'", ["True", "text"]),
        ("$h = @{}; $h.2 = 'two'; $h[2]; $null -eq $h['2']", ["two", "True"]),
        ("$h = @{ 5 = 'five' }; $k = 5; $h.$k; $h.(2 + 3)", ["five", "five"]),
        ("[void]('abc' -match '(?<x>b)'); $Matches.0; $Matches.Item(0); $Matches.x", ["b", "b", "b"]),
    ])
    func dictionaryKeys(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("an ordered dictionary takes an [int] as a position and an [object] as a key", arguments: [
        ("$o = [ordered]@{ a = 'A'; 2 = 'two'; 1 = 'one' }; $o[1]; $o[[object]1]; $o.1; $o[-1]", ["two", "one", "one", "one"]),
        ("$o = [ordered]@{ a = 'A'; b = 'B' }; $o.Item(1); $null -eq $o[7]", ["B", "True"]),
        ("$o = [ordered]@{ a = 'A'; b = 'B' }; $o[0] = 'first'; $o.a; $o[[object]0] = 'zero'; $o.Count; $o[2]", ["first", "3", "zero"]),
        ("$h = @{ 1 = 'one' }; $h[1]; $h[[object]1]", ["one", "one"]),
    ])
    func orderedDictionary(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("Clear() on an array resets each element to its type's default", arguments: [
        ("$a = 1, 2, 3; $a.Clear(); $a.Count; $null -eq $a[0]", ["3", "True"]),
        ("$a = [int[]](4, 5); $a.Clear(); \"$a\"", ["0 0"]),
        ("$a = [bool[]]($true, $true); $a.Clear(); \"$a\"", ["False False"]),
        ("$a = [string[]]('x', 'y'); $a.Clear(); $null -eq $a[1]; $a.Length", ["True", "2"]),
        ("$a = [string[]]::new(2); $null -eq $a[0]", ["True"]),
    ])
    func arrayClear(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func arrayStillHasAFixedSize() {
        #expect(snippetErrorId("$a = 1, 2; $a.Add(3)") == "NotSupportedException")
    }

    @Test("member enumeration calls a method the array lacks on every item", arguments: [
        ("('ab', 'cd').ToUpper()", ["AB", "CD"]),
        ("@(, ('bar', 'baz'), 'foo').ToUpper() -join ','", ["BAR,BAZ,FOO"]),
        ("('a,b', 'c').Split(',') -join '|'", ["a|b|c"]),
        ("(1, 2).ToString()", ["System.Object[]"]),
        ("@(1, 2).GetType().Name", ["Object[]"]),
    ])
    func methodEnumeration(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func methodMissingOnAnItemNamesTheItemsType() {
        #expect(snippetErrorId("@('a', 1).ToUpper()") == "MethodNotFound")
        #expect(snippetErrorId("@().ToUpper()") == "MethodNotFound")
    }

    @Test("$foreach and $switch are the loop's enumerator", arguments: [
        ("foreach ($i in 1..5) { if ($i -eq 2) { [void]$foreach.MoveNext(); \"skip $($foreach.Current)\" } else { \"$i\" } }",
         ["1", "skip 3", "4", "5"]),
        ("$n = 0; foreach ($i in 'a', 'b') { \"$i$($foreach.Current)\"; if ($i -eq 'b' -and $n -eq 0) { $n++; $foreach.Reset() } }",
         ["aa", "bb", "aa", "bb"]),
        ("foreach ($i in 1) { }; $null -eq $foreach", ["True"]),
        ("switch (1, 2, 3, 4) { 2 { [void]$switch.MoveNext(); \"now $($switch.Current)\" } default { \"d$_\" } }",
         ["d1", "now 3", "d4"]),
        ("foreach ($a in 1, 2) { foreach ($b in 'x') { $foreach.Current }; $foreach.Current }", ["x", "1", "x", "2"]),
    ])
    func loopEnumerators(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test("$input is read once, until Reset()", arguments: [
        ("function f { \"1: $input\"; \"2: $input\"; $input.Reset(); \"3: $input\" }; 'a', 'b' | f", ["1: a b", "2: ", "3: a b"]),
        ("function f { $input.MoveNext(); \"[$input]\"; $null -eq $input.Current }; 1, 2 | f", ["False", "[]", "True"]),
        ("function f { process { $input.Current; [void]$input.MoveNext(); $input.Current } }; 'x', 'y' | f", ["", "x", "", "y"]),
        ("function f { process { \"$input\"; \"$input\" } }; 5 | f", ["5", ""]),
    ])
    func inputEnumerator(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func nothingAndNull() throws {
        #expect(try run("@(& {}).Count; @($null).Count; @(@()).Count") == ["0", "1", "0"])
        #expect(try run("$null * 5 -eq $null; $x = $null; $x *= 3; $null -eq $x") == ["True", "True"])
    }
}
