import Testing
@testable import PSLanguage

@Suite struct StatementTests {
    static let statements: [(String, String)] = [
        ("$x = 5", "(= $x 5)"),
        ("$x += 1", "(+= $x 1)"),
        ("$x -= 1", "(-= $x 1)"),
        ("$x *= 2", "(*= $x 2)"),
        ("$x /= 2", "(/= $x 2)"),
        ("$x %= 2", "(%= $x 2)"),
        ("$x ??= 2", "(??= $x 2)"),
        ("$x=5", "(= $x 5)"),
        ("$a, $b = 1, 2", "(= (, $a $b) (, 1 2))"),
        ("[int]$x = '5'", "(= ([int] $x) '5')"),
        ("$h.Key = 1", "(= (. $h Key) 1)"),
        ("$a[0] = 1", "(= ([] $a 0) 1)"),
        ("$x.y.z += 1", "(+= (. (. $x y) z) 1)"),
        ("$x = $y = 1", "(= $x (= $y 1))"),
        ("$null = Get-X", "(= $null (cmd Get-X))"),
        ("[void]$x.Add(1)", "([void] (.call $x Add 1))"),
        ("$x = Get-Date", "(= $x (cmd Get-Date))"),
        ("$x = Get-X | Sort-Object", "(= $x (| (cmd Get-X) (cmd Sort-Object)))"),
        ("$x = if ($a) { 1 } else { 2 }", "(= $x (if $a {1} else {2}))"),
        ("$x = switch ($y) { 1 { 'a' } }", "(= $x (switch $y 1{'a'}))"),
        ("$x = foreach ($i in $y) { $i }", "(= $x (foreach $i $y {$i}))"),
        ("$x =\n 5", "(= $x 5)"),
        ("if ($a) { 1 }", "(if $a {1})"),
        ("if ($a) { 1 } else { 2 }", "(if $a {1} else {2})"),
        ("if ($a) { 1 } elseif ($b) { 2 } elseif ($c) { 3 } else { 4 }", "(if $a {1} $b {2} $c {3} else {4})"),
        ("if ($a) {\n 1\n}\nelse {\n 2\n}", "(if $a {1} else {2})"),
        ("IF ($a) { 1 } ELSE { 2 }", "(if $a {1} else {2})"),
        ("if ($x = Get-X) { $x }", "(if (= $x (cmd Get-X)) {$x})"),
        ("if (Test-Path x) { 1 }", "(if (cmd Test-Path x) {1})"),
        ("if ($a) { 1 }; 2", "(if $a {1}); 2"),
        ("if ($a) { 1 }\n2", "(if $a {1}); 2"),
        ("switch ($x) { 1 { 'one' } 'two' { 2 } default { 0 } }", "(switch $x 1{'one'} 'two'{2} default{0})"),
        ("switch -Regex ($x) { '^a' { 1 } }", "(switch -regex $x '^a'{1})"),
        ("switch -wildcard -casesensitive ($x) { a* { 1 } }", "(switch -wildcard -casesensitive $x a*{1})"),
        ("switch -exact ($x) { a { 1 } }", "(switch -exact $x a{1})"),
        ("switch -file log.txt { x { 1 } }", "(switch -file log.txt x{1})"),
        ("switch ($x) { { $_ -gt 5 } { 'big' } }", "(switch $x {(-gt $_ 5)}{'big'})"),
        ("switch ($x) { $y { 1 } (1+1) { 2 } }", "(switch $x $y{1} (paren (+ 1 1)){2})"),
        ("switch ($x)\n{\n  1 { 'a' }\n  default { 'b' }\n}", "(switch $x 1{'a'} default{'b'})"),
        ("switch (1, 2) { 1 { 'a' } }", "(switch (, 1 2) 1{'a'})"),
        ("foreach ($i in 1..3) { $i }", "(foreach $i (.. 1 3) {$i})"),
        ("foreach ($i in Get-ChildItem) { $i }", "(foreach $i (cmd Get-ChildItem) {$i})"),
        ("foreach ($i in $a) {\n $i\n}", "(foreach $i $a {$i})"),
        ("for ($i = 0; $i -lt 10; $i++) { $i }", "(for (= $i 0) (-lt $i 10) (post++ $i) {$i})"),
        ("for (;;) { break }", "(for _ _ _ {(break)})"),
        ("for ($i = 0\n$i -lt 3\n$i++) { }", "(for (= $i 0) (-lt $i 3) (post++ $i) {})"),
        ("while ($true) { continue }", "(while $true {(continue)})"),
        ("do { 1 } while ($x)", "(do-while {1} $x)"),
        ("do { 1 } until ($x)", "(do-until {1} $x)"),
        ("do {\n 1\n}\nwhile ($x)", "(do-while {1} $x)"),
        (":outer foreach ($x in $y) { break outer }", "(foreach :outer $x $y {(break outer)})"),
        (":l while ($true) { continue l }", "(while :l $true {(continue l)})"),
        (":s switch ($x) { 1 { break s } }", "(switch :s $x 1{(break s)})"),
        (":f for (;;) { }", "(for :f _ _ _ {})"),
        (":d do { } while ($x)", "(do-while :d {} $x)"),
        ("break", "(break)"),
        ("break $label", "(break $label)"),
        ("continue", "(continue)"),
        ("return", "(return)"),
        ("return 5", "(return 5)"),
        ("return $x | Sort", "(return (| $x (cmd Sort)))"),
        ("exit", "(exit)"),
        ("exit 1", "(exit 1)"),
        ("throw", "(throw)"),
        ("throw 'boom'", "(throw 'boom')"),
        ("try { 1 } catch { 2 }", "(try {1} catch{2})"),
        ("try { 1 } finally { 3 }", "(try {1} finally{3})"),
        ("try { 1 } catch [System.Exception] { 2 } finally { 3 }", "(try {1} catch[System.Exception]{2} finally{3})"),
        ("try { 1 } catch [A], [B] { 2 } catch { 3 }", "(try {1} catch[A][B]{2} catch{3})"),
        ("try {\n 1\n}\ncatch {\n 2\n}\nfinally {\n 3\n}", "(try {1} catch{2} finally{3})"),
        ("trap { 1 }", "(trap {1})"),
        ("trap [Exception] { 1 }", "(trap[Exception] {1})"),
        ("function f { 1 }", "(function f {1})"),
        ("function f($a, $b) { $a + $b }", "(function f ($a $b) {(+ $a $b)})"),
        ("function f([int]$a = 1) { }", "(function f ([int]$a=1) {})"),
        ("function Get-Thing { }", "(function Get-Thing {})"),
        ("function global:f { }", "(function global:f {})"),
        ("function f\n{\n 1\n}", "(function f {1})"),
        ("filter f { $_ }", "(filter f {$_})"),
        ("FUNCTION F { }", "(function F {})"),
        ("function f { param($a, [string]$b = 'x') $a }", "(function f {param($a [string]$b='x') $a})"),
        ("function f { begin { 1 } process { 2 } end { 3 } }", "(function f {begin{1} process{2} end{3}})"),
        ("function Verb-Noun { [CmdletBinding()] param() }", "(function Verb-Noun {[CmdletBinding()] param()})"),
        ("function f { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')]\nparam($x) }",
         "(function f {[CmdletBinding(SupportsShouldProcess ConfirmImpact='High')] param($x)})"),
        ("param([Parameter(Mandatory, Position=0, ValueFromPipeline=$true)][string[]]$Name)",
         "param([Parameter(Mandatory Position=0 ValueFromPipeline=$true)][string[]]$Name)"),
        ("param([Parameter(ParameterSetName='x', HelpMessage='h')]$a)",
         "param([Parameter(ParameterSetName='x' HelpMessage='h')]$a)"),
        ("param([Alias('a','b')][ValidateSet('a','b')]$x)", "param([Alias('a' 'b')][ValidateSet('a' 'b')]$x)"),
        ("param([ValidateRange(1,10)][int]$n)", "param([ValidateRange(1 10)][int]$n)"),
        ("param([ValidateNotNullOrEmpty()]$n, [ValidatePattern('^x')]$p)",
         "param([ValidateNotNullOrEmpty()]$n [ValidatePattern('^x')]$p)"),
        ("param(\n  [Parameter(Mandatory)]\n  [string]\n  $Name,\n\n  [int]$Count = 5\n)",
         "param([Parameter(Mandatory)][string]$Name [int]$Count=5)"),
        ("param([switch]$Force)\n$Force", "param([switch]$Force) $Force"),
        ("data { 'x' }", "(block {'x'})"),
        ("1; 2; 3", "1; 2; 3"),
        ("1\n2\n\n3", "1; 2; 3"),
        ("# comment\n1 # trailing\n<# block\n comment #> 2", "1; 2"),
        ("1 + `\n 2", "(+ 1 2)"),
        ("Get-X `\n  -Name a", "(cmd Get-X -Name a)"),
    ]

    @Test(arguments: statements)
    func statementShapes(_ input: String, _ expected: String) {
        let r = Parser.parse(input)
        #expect(r.errors.isEmpty, "\(input): \(r.errors)")
        #expect(SExpr.script(r.ast) == expected, "\(input)")
    }

    @Test func requiresCommentsAreRecorded() {
        let r = Parser.parse("#Requires -Version 7\n#requires -Modules Foo\n1")
        #expect(r.ast.requires == ["-Version 7", "-Modules Foo"])
    }

    @Test func namedBlocksAreFlagged() {
        let r = Parser.parse("begin { 1 } end { 2 }")
        #expect(r.ast.hasNamedBlocks)
        #expect(r.ast.beginBlock?.count == 1)
        #expect(r.ast.processBlock == nil)
        #expect(r.ast.endBlock?.count == 1)
    }

    @Test func plainScriptUsesEndBlock() {
        let r = Parser.parse("1\n2")
        #expect(!r.ast.hasNamedBlocks)
        #expect(r.ast.endBlock?.count == 2)
    }

    @Test func bracedTrueStaysVariable() {
        let r = Parser.parse("${true}")
        guard case .pipeline(let chain) = r.ast.endBlock?.first?.kind,
              case .expression(let e, _) = chain.first.elements[0] else {
            Issue.record("unexpected shape")
            return
        }
        guard case .variable(let path, let splatted) = e.kind else {
            Issue.record("expected a variable, got \(e.kind)")
            return
        }
        #expect(path.name == "true")
        #expect(!splatted)
    }

    @Test func parameterDetails() {
        let r = Parser.parse("param([Parameter(Mandatory)][int][string]$x = 3)")
        let p = r.ast.paramBlock?.parameters.first
        #expect(p?.name == "x")
        #expect(p?.attributes.count == 1)
        #expect(p?.attributes.first?.namedArguments.first?.name == "Mandatory")
        #expect(p?.attributes.first?.namedArguments.first?.value == nil)
        #expect(p?.typeConstraints.map(\.description) == ["int", "string"])
        if case .constant(.int(3)) = p?.defaultValue?.kind {} else { Issue.record("default value") }
    }

    @Test func functionExtentCoversDefinition() {
        let text = "x\nfunction f { 1 }\ny"
        let r = Parser.parse(text)
        guard case .functionDefinition(let f) = r.ast.endBlock?[1].kind else {
            Issue.record("expected a function")
            return
        }
        #expect(f.extent.text == "function f { 1 }")
        #expect(f.extent.startLine == 2)
        #expect(f.body.extent.text == "{ 1 }")
    }
}

@Suite struct ScaleTests {
    @Test func largeScriptParsesQuickly() {
        var lines: [String] = []
        for i in 0..<1000 {
            lines.append("function F\(i) { param([int]$a = \(i)) if ($a -gt 1) { \"value $a $(1 + $a)\" } else { Get-Item -Path x | Where-Object { $_.Name -eq 'n' } } }")
            lines.append("$h\(i) = @{ a = \(i); b = 'x' }; $list = 1..10 | ForEach-Object { $_ * 2 }")
            lines.append("foreach ($x in $list) { $x.ToString() }")
        }
        let text = lines.joined(separator: "\n")
        let clock = ContinuousClock()
        var result: ParseResult?
        let elapsed = clock.measure { result = Parser.parse(text) }
        #expect(result?.errors.isEmpty == true)
        #expect(result?.ast.endBlock?.count == 4000)
        #expect(elapsed < .seconds(5), "parsing 3000 lines took \(elapsed)")
    }

    @Test func deepNestingReportsInsteadOfCrashing() {
        let text = String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000)
        let r = Parser.parse(text)
        #expect(r.errors.contains { $0.id == "ScriptTooComplicated" })
    }
}
