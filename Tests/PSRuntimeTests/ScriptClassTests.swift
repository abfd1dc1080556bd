import Testing
@testable import PSRuntime

/// Script classes and enums through the whole engine. Each snippet runs in its own session.
@Suite struct ScriptClassTests: SnippetRunning {
    static let enumCases: [(String, [String])] = [
        ("enum E { A; B = 5; C }; [E]::A; [E]::C.value__", ["A", "6"]),
        ("enum E { A; B }; [E]'b'; [E]1", ["B", "B"]),
        ("enum E { A; B }; [E]::B -eq 'B'; [E]::B -eq 1; [E]::A -eq 'B'", ["True", "True", "False"]),
        ("enum E { A; B }; [Enum]::GetNames([E]) -join ','", ["A,B"]),
        ("enum E { A; B }; [int[]][Enum]::GetValues([E]) -join ','", ["0,1"]),
        ("enum E { A }; [E]::A.GetType().Name; [E]::A -is [E]; [E]::A -is [enum]", ["E", "True", "True"]),
        ("[Flags()] enum F { X = 1; Y = 2; Z = 4 }; [F]::X -bor [F]::Z", ["X, Z"]),
        ("[Flags()] enum F { X = 1; Y = 2 }; ([F]::X -bor [F]::Y).HasFlag([F]::Y)", ["True"]),
        ("[Flags()] enum F { X = 1; Y = 2 }; [int][F]'X, Y'", ["3"]),
        ("$v = [E]::B; enum E { A; B }; $v", ["B"]),
        // Type methods and [Enum] statics: .NET's order (by value, synonyms named by the first).
        ("enum S { A; C = 2; B = 1; D = 1 }; [S].GetEnumNames() -join ','; [S].GetEnumValues() -join ','; [S].GetEnumName(1)",
         ["A,B,D,C", "A,B,B,C", "B"]),
        ("enum E : byte { A; B = 255 }; [E].GetEnumUnderlyingType().FullName; [Enum]::GetUnderlyingType([E]).Name; [E]::B.value__.GetType().Name",
         ["System.Byte", "Byte", "Byte"]),
        ("enum E : ulong { Max = [ulong]::MaxValue }; [E].GetEnumValuesAsUnderlyingType()[0]", ["18446744073709551615"]),
        ("enum E { A; B }; [E]::IsDefined([E], 1); [Enum]::IsDefined([E], 'C'); [Enum]::TryParse([E], 'b', [ref]$r); $r",
         ["True", "False", "True", "B"]),
        ("enum E { A; B }; foreach ($f in 'G','D','X','F') { [Enum]::Format([E], 1, $f) }", ["B", "1", "00000001", "B"]),
        ("enum E : short { A; B }; [E]::B.ToString('X'); [E]::B.ToString('D')", ["0001", "1"]),
        ("[Flags()] enum F { A = 1; B = 2 }; ([F]::A + [F]::B).ToString('G'); ([F]8).ToString('F')", ["A, B", "8"]),
        ("[ConsoleColor]::Blue + 3; [ConsoleColor]::Red - 3; [ConsoleColor]::Blue - [ConsoleColor]::Red", ["Red", "Blue", "-3"]),
        ("[int][Math]::Round(5 / 2, [MidpointRounding]::AwayFromZero)", ["3"]),
    ]

    @Test(arguments: enumCases)
    func enums(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    @Test func enumFormatAndUnderlyingTypeErrors() {
        #expect(snippetErrorId("enum E { A }; [E]::A.ToString('Q')") == "FormatException")
        #expect(snippetErrorId("enum E : string { A }") == "InvalidUnderlyingType")
        #expect(snippetErrorId("enum E : byte { A = 256 }") != "no error")
    }

    static let classCases: [(String, [String])] = [
        ("class P { [string]$N = 'x'; [int]$A }; $p = [P]::new(); $p.N; $p.A", ["x", "0"]),
        ("class P { [int]$A }; $p = [P]::new(); $p.A = '7'; $p.A.GetType().Name", ["Int32"]),
        ("class P { [string]$N; P([string]$n) { $this.N = $n } }; [P]::new('ada').N", ["ada"]),
        ("class P { $K; P() { $this.K = 0 } P([int]$x) { $this.K = 'int' } P([string]$x, [int]$y) { $this.K = 2 } }; [P]::new().K; [P]::new(1).K; [P]::new('a', 1).K",
         ["0", "int", "2"]),
        ("class P { [string] M() { 'dropped'; Write-Output 'also'; return 'kept' } }; [P]::new().M()", ["kept"]),
        ("class P { [int] M([int]$x) { return $x * 2 } }; [P]::new().M('21')", ["42"]),
        ("class P { [int]$C; [void] Bump() { $this.C++ } }; $p = [P]::new(); $p.Bump(); $p.Bump(); $p.C", ["2"]),
        ("class P { static [int]$N = 3; static [int] Twice([int]$x) { return 2 * $x } }; [P]::N; [P]::Twice(4); [P]::N = '9'; [P]::N", ["3", "8", "9"]),
        ("class P { [string]$N; [int]$A }; $p = [P]@{ N = 'x'; A = '5' }; $p.N; $p.A + 1", ["x", "6"]),
        ("class P { hidden [int]$H = 1; [int]$V = 2 }; $p = [P]::new(); $p.H; $p.H = 5; $p.H", ["1", "5"]),
        ("class P { }; $p = [P]::new(); $p -is [P]; $p.GetType().Name; \"$p\"", ["True", "P", "P"]),
        ("class P { [string] ToString() { return 'custom' } }; \"$([P]::new())\"", ["custom"]),
        ("$x = [P]::new(); class P { [int]$A = 1 }; $x.A", ["1"]),
        ("class A { [string] Who() { return 'A' } [string] Call() { return $this.Who() } }; class B : A { [string] Who() { return 'B' } [string] Base() { return ([A]$this).Who() } }; $b = [B]::new(); $b.Call(); $b.Base(); $b -is [A]",
         ["B", "A", "True"]),
        ("class A { [int]$X; A([int]$x) { $this.X = $x } }; class B : A { [int]$Y; B([int]$x) : base($x * 10) { $this.Y = $x } }; $b = [B]::new(2); $b.X; $b.Y",
         ["20", "2"]),
        ("class A { [int]$X = 1 }; class B : A { [int]$Y = 2 }; [B]::new().psobject.Properties.Name -join ','", ["Y,X"]),
        ("using namespace System.Text; [StringBuilder]::new('ab').ToString()", ["ab"]),
    ]

    @Test(arguments: classCases)
    func classes(_ script: String, _ expected: [String]) throws {
        #expect(try run(script) == expected)
    }

    static let errorCases: [(String, String)] = [
        ("class P { }; [P]::new(1)", "MethodCountCouldNotFindBest"),
        ("class P { [int]$A }; $p = [P]::new(); $p.A = 'x'", "ExceptionWhenSetting"),
        ("class P { [int]$A }; [P]@{ B = 1 }", "ObjectCreationError"),
        ("class P { [int] M([int]$x) { return $x } }; [P]::new().M('x')", "MethodArgumentConversionInvalidCastArgument"),
        ("enum E { A }; [E]'Z'", "InvalidCastFromStringToEnum"),
        ("class B : Missing { }", "TypeNotFound"),
    ]

    @Test(arguments: errorCases)
    func errors(_ script: String, _ id: String) {
        #expect(snippetErrorId(script) == id)
    }
}
