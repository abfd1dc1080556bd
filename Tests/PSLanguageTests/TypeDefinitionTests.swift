import Testing
@testable import PSLanguage

@Suite struct TypeDefinitionTests {
    static let trees: [(String, String)] = [
        ("enum Color { Red; Green = 5; Blue }", "(enum Color Red Green=5 Blue)"),
        ("enum Color {\n  Red\n  Green\n}", "(enum Color Red Green)"),
        ("[Flags()] enum Perm { Read = 1; Write = 2 }", "(enum [Flags()] Perm Read=1 Write=2)"),
        ("[Flags()]\nenum P : byte { A = 1 }", "(enum [Flags()] P : byte A=1)"),
        ("class A { }", "(class A)"),
        ("class A { [int]$X = 1; $Y }", "(class A [int]$X=1 $Y)"),
        ("class A {\n  static [int]$Count\n  hidden [string]$Secret\n}", "(class A static [int]$Count hidden [string]$Secret)"),
        ("class A { A() {} A([string]$n) { $this.N = $n } }",
         "(class A (ctor A() {}) (ctor A([string]$n) {(= (. $this N) $n)}))"),
        ("class A { [string] Greet([int]$x) { return 'hi' } }", "(class A (method [string] Greet([int]$x) {(return 'hi')}))"),
        ("class A { static [int] Twice([int]$x) { return 2 * $x } }",
         "(class A (method static [int] Twice([int]$x) {(return (* 2 $x))}))"),
        ("class A { [void] Run() { Get-X } }", "(class A (method [void] Run() {(cmd Get-X)}))"),
        ("class B : A { B() : base() {} }", "(class B : A (ctor B() base() {}))"),
        ("class B : A { B([int]$x) : base($x, 2) { } }", "(class B : A (ctor B([int]$x) base($x 2) {}))"),
        ("class B : A, System.IComparable { }", "(class B : A,System.IComparable)"),
        ("class A { [ValidateNotNull()][string]$Name }", "(class A [string]$Name)"),
        ("class A { [string[]]$Tags = @() }", "(class A [string[]]$Tags=(@ ))"),
        ("using namespace System.Collections.Generic", "(using namespace System.Collections.Generic)"),
        ("using module ./Helpers.psm1", "(using module ./Helpers.psm1)"),
        ("using module 'My Module'", "(using module My Module)"),
        ("class A { }\n[A]::new()", "(class A); " + sexpr("[A]::new()")),
        ("[int]$x = 5", "(= ([int] $x) 5)"),
        ("$x -is [int]\n[string]::Empty", "(-is $x [int]); " + sexpr("[string]::Empty")),
    ]

    @Test(arguments: trees)
    func parses(_ input: String, _ expected: String) {
        let result = Parser.parse(input)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.id))")
        #expect(SExpr.script(result.ast) == expected)
    }

    static let errors: [(String, String)] = [
        ("class { }", "MissingNameAfterKeyword"),
        ("enum", "MissingNameAfterKeyword"),
        ("class A", "MissingTypeBody"),
        ("class A {", "MissingEndCurlyBrace"),
        ("class A { [int] }", "IncompleteMemberDefinition"),
        ("class A { 5 }", "IncompleteMemberDefinition"),
        ("class A { Foo }", "MissingPropertyOrMethodName"),
        ("class A { [int] Foo() }", "MissingFunctionBody"),
        ("class A { $x = }", "ExpectedValueExpression"),
        ("enum E { 1 }", "InvalidEnumMemberName"),
        ("enum E { A = }", "ExpectedValueExpression"),
        ("using foo bar", "MissingUsingStatementDirective"),
        ("using namespace", "MissingUsingItemName"),
    ]

    @Test(arguments: errors)
    func reportsErrors(_ input: String, _ id: String) {
        #expect(errorIds(input).first == id, "\(errorIds(input))")
    }
}
