import Testing
@testable import PSLanguage

@Suite struct CommandTests {
    static let commands: [(String, String)] = [
        ("Get-ChildItem", "(cmd Get-ChildItem)"),
        ("Get-Item -Path x -Recurse", "(cmd Get-Item -Path x -Recurse)"),
        ("Get-Item -Path:x", "(cmd Get-Item -Path:x)"),
        ("Get-Item -Path: x", "(cmd Get-Item -Path:x)"),
        ("Get-X -Switch:$false", "(cmd Get-X -Switch:$false)"),
        ("Get-X C:\\dir\\file.txt", "(cmd Get-X C:\\dir\\file.txt)"),
        ("Get-X a/b/c *.txt x:y a.b", "(cmd Get-X a/b/c *.txt x:y a.b)"),
        ("Get-X 1", "(cmd Get-X 1)"),
        ("Get-X 1.5", "(cmd Get-X dbl:1.5)"),
        ("Get-X 1kb", "(cmd Get-X 1024)"),
        ("Get-X -5", "(cmd Get-X -5)"),
        ("Get-X 7z", "(cmd Get-X 7z)"),
        ("Get-X 1..3", "(cmd Get-X 1..3)"),
        ("Get-X 1+2", "(cmd Get-X 1+2)"),
        ("Get-X foo-bar", "(cmd Get-X foo-bar)"),
        ("Get-X -eq 1", "(cmd Get-X -eq 1)"),
        ("Get-X - --", "(cmd Get-X - --)"),
        ("Get-X -- -y", "(cmd Get-X -- -y)"),
        ("Get-X $x", "(cmd Get-X $x)"),
        ("Get-X $x.Name", "(cmd Get-X (. $x Name))"),
        ("Get-X $x[0]", "(cmd Get-X ([] $x 0))"),
        ("Get-X $a [0]", "(cmd Get-X $a [0])"),
        ("Get-X $x. y", "(cmd Get-X $x . y)"),
        ("Get-X $x/foo", "(cmd Get-X (expandbw $x \"/foo\"))"),
        ("Get-X a$($b)c", "(cmd Get-X (expandbw \"a\" ($ $b) \"c\"))"),
        ("Get-X (1+2)", "(cmd Get-X (paren (+ 1 2)))"),
        ("Get-X @(1,2)", "(cmd Get-X (@ (, 1 2)))"),
        ("Get-X @{a=1}", "(cmd Get-X (@{} (a 1)))"),
        ("Get-X { $_ }", "(cmd Get-X {$_})"),
        ("Get-X \"str $x\"", "(cmd Get-X (expand \"str \" $x))"),
        ("Get-X 'lit'", "(cmd Get-X 'lit')"),
        ("Get-X 1,2,3", "(cmd Get-X (, 1 2 3))"),
        ("Get-X $a,$b", "(cmd Get-X (, $a $b))"),
        ("Get-X a, b", "(cmd Get-X (, a b))"),
        ("Get-X -Name a,b", "(cmd Get-X -Name (, a b))"),
        ("Get-X @params", "(cmd Get-X @params)"),
        ("Get-X @params -Force", "(cmd Get-X @params -Force)"),
        ("Get-X a`tb", "(cmd Get-X a\tb)"),
        ("Get-X a'b c'", "(cmd Get-X ab c)"),
        ("Get-X $true", "(cmd Get-X $true)"),
        ("& $sb arg", "(& $sb arg)"),
        ("& 'path with space' -x", "(& 'path with space' -x)"),
        ("& { 1 }", "(& {1})"),
        ("&$sb", "(& $sb)"),
        (". ./lib.ps1", "(. ./lib.ps1)"),
        (". $profile", "(. $profile)"),
        ("./x.ps1 -a", "(cmd ./x.ps1 -a)"),
        (".\\x.ps1", "(cmd .\\x.ps1)"),
        ("..\\x.ps1", "(cmd ..\\x.ps1)"),
        ("7z a x.zip", "(cmd 7z a x.zip)"),
        ("Get-X > file.txt", "(cmd Get-X (1> file.txt))"),
        ("Get-X >> file.txt", "(cmd Get-X (1>> file.txt))"),
        ("Get-X 2> err.txt", "(cmd Get-X (2> err.txt))"),
        ("Get-X 2>$null", "(cmd Get-X (2> $null))"),
        ("Get-X 2>&1", "(cmd Get-X (2>&1))"),
        ("Get-X *>&1", "(cmd Get-X (*>&1))"),
        ("Get-X *> all.txt", "(cmd Get-X (*> all.txt))"),
        ("Get-X 3>&1 4>> v.txt", "(cmd Get-X (3>&1) (4>> v.txt))"),
        ("Get-X 2>&1 | Out-Null", "(| (cmd Get-X (2>&1)) (cmd Out-Null))"),
        ("$x > file", "(redir $x (1> file))"),
        ("1 2>&1", "(redir 1 (2>&1))"),
        ("echo --% foo bar", "(cmd echo --% (--% \"foo bar\"))"),
        ("echo --% a \"b\" | x", "(| (cmd echo --% (--% \"a \"b\"\")) (cmd x))"),
        ("1..3 | foreach { $_ }", "(| (.. 1 3) (cmd foreach {$_}))"),
        ("1..3 | % { $_ }", "(| (.. 1 3) (cmd % {$_}))"),
        ("$x | ? { $_ }", "(| $x (cmd ? {$_}))"),
        ("$x | where Name -eq 'a'", "(| $x (cmd where Name -eq 'a'))"),
        ("\"a\" | Write-Host", "(| \"a\" (cmd Write-Host))"),
        ("Get-X | Sort | Select -First 1", "(| (cmd Get-X) (cmd Sort) (cmd Select -First 1))"),
        ("Get-X |\n Sort", "(| (cmd Get-X) (cmd Sort))"),
        ("Get-X\n| Sort\n| Select", "(| (cmd Get-X) (cmd Sort) (cmd Select))"),
        ("Get-X\n  # note\n  | Sort", "(| (cmd Get-X) (cmd Sort))"),
        ("a && b", "(chain (cmd a) && (cmd b))"),
        ("a || b", "(chain (cmd a) || (cmd b))"),
        ("a && b || c", "(chain (cmd a) && (cmd b) || (cmd c))"),
        ("a &&\n b", "(chain (cmd a) && (cmd b))"),
        ("a | b && c", "(chain (| (cmd a) (cmd b)) && (cmd c))"),
        ("Get-X &", "(bg (cmd Get-X))"),
        ("a && b &", "(bg (chain (cmd a) && (cmd b)))"),
        ("Get-X -Name x; Get-Y", "(cmd Get-X -Name x); (cmd Get-Y)"),
        ("Get-X = foo", "(cmd Get-X = foo)"),
        ("foo.exe --flag=1 /x", "(cmd foo.exe --flag=1 /x)"),
        ("git log --format=%H", "(cmd git log --format=%H)"),
        ("Write-Host -Object:(1+1)", "(cmd Write-Host -Object:(paren (+ 1 1)))"),
        ("ls -la", "(cmd ls -la)"),
        ("cmd /c dir", "(cmd cmd /c dir)"),
    ]

    @Test(arguments: commands)
    func commandShapes(_ input: String, _ expected: String) {
        let r = Parser.parse(input)
        #expect(r.errors.isEmpty, "\(input): \(r.errors)")
        #expect(SExpr.script(r.ast) == expected, "\(input)")
    }

    @Test func commandElementsKeepExtents() {
        let r = Parser.parse("Get-Item -Path x -Recurse")
        guard case .pipeline(let chain) = r.ast.endBlock?.first?.kind,
              case .command(let c) = chain.first.elements[0] else {
            Issue.record("expected a command")
            return
        }
        #expect(c.extent.text == "Get-Item -Path x -Recurse")
        #expect(c.name.extent.text == "Get-Item")
        #expect(c.elements.map(\.extent.text) == ["-Path", "x", "-Recurse"])
        #expect(c.elements.map(\.extent.startColumn) == [10, 16, 18])
    }

    @Test func barewordArgumentIsBarewordQuoted() {
        let r = Parser.parse("Get-X abc")
        guard case .pipeline(let chain) = r.ast.endBlock?.first?.kind,
              case .command(let c) = chain.first.elements[0],
              case .argument(let a) = c.elements[0],
              case .stringConstant(let s, let q) = a.kind else {
            Issue.record("expected a bareword argument")
            return
        }
        #expect(s == "abc")
        #expect(q == .bareword)
    }

    @Test func splatIsVariableWithSplatFlag() {
        let r = Parser.parse("Get-X @p")
        guard case .pipeline(let chain) = r.ast.endBlock?.first?.kind,
              case .command(let c) = chain.first.elements[0],
              case .argument(let a) = c.elements[0],
              case .variable(let path, let splatted) = a.kind else {
            Issue.record("expected a splat")
            return
        }
        #expect(path.name == "p")
        #expect(splatted)
    }
}
