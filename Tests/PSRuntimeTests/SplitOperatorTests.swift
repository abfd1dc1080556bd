import Testing
@testable import PSRuntime

/// `-split` as PowerShell 7.4 does it: maximum counts from either end, script-block predicates,
/// and every SplitOptions flag with its combination rules.
@Suite("Split operator")
struct SplitOperatorTests: SnippetRunning {
    /// The pieces joined with `|`, so empty pieces stay visible.
    func pieces(_ expression: String) throws -> String {
        try run("(\(expression)) -join '|'").joined()
    }

    @Test("maximum counts", arguments: [
        ("'a,b,c,d,e' -split ',', 3", "a|b|c,d,e"),
        ("'a,b,c,d,e' -split ',', -3", "a,b,c|d|e"),
        ("'a b c d' -split ' ', -1", "a b c d"),
        ("'a b c d' -split ' ', -8", "a|b|c|d"),
        ("' ' -split ' ', -2", "|"),
        ("'a2b3c4d' -split '\\d+', -2", "a2b3c|d"),
        ("'a-b-c' -split '(-)', -2", "a-b|-|c"),
        ("'a,b,c', '1,2,3,4' -split ',', 2", "a|b,c|1|2,3,4"),
    ])
    func counts(_ expression: String, _ expected: String) throws {
        #expect(try pieces(expression) == expected)
    }

    @Test("script-block delimiters", arguments: [
        ("'a::b::c::d' -split { $_ -eq 'b' -or $_ -eq 'C' }", "a::|::|::d"),
        ("'a b c d' -split { $_ -eq ' ' }, 2", "a|b c d"),
        ("'a b c d' -split { $_ -like ' ' }, -2", "a b c|d"),
        ("' ' -split { $_ -like ' ' }, -4", "|"),
        ("'folder/path/to/file' -split { $_ -eq '/' }, -2", "folder/path/to|file"),
        ("'abcd' -split { $args[1] -eq 2 }", "ab|d"),
    ])
    func predicates(_ expression: String, _ expected: String) throws {
        #expect(try pieces(expression) == expected)
    }

    @Test("options", arguments: [
        ("'This.is.a.test' -split '.', 0, 'SimpleMatch'", "This|is|a|test"),
        ("'abc' -split 'B', 0, 'SimpleMatch,IgnoreCase'", "a|c"),
        ("'abcBd' -csplit 'B'", "abc|d"),
        ("'abcBd' -csplit 'B', 0, 'IgnoreCase'", "a|c|d"),
        ("'aBc' -split 'b', 0, ''", "aBc"),
        ("'a:b' -split '(:)', 0, 'ExplicitCapture'", "a|b"),
        ("'a:b' -split '(?<c>:)', 0, 'ExplicitCapture'", "a|:|b"),
        ("'a: b:c' -split ': ', 0, 'IgnorePatternWhitespace'", "a| b|c"),
        ("\"x1`ny2\" -split '^y', 0, 'Multiline'", "x1\n|2"),
        ("\"ab`ncd\" -split 'b.c', 0, 'Singleline'", "a|d"),
        ("\"ab`ncd\" -split 'b.c'", "ab\ncd"),
        ("'abc' -split 'B', 0, 'RegexMatch,CultureInvariant'", "a|c"),
        ("'abc' -split 'B', 0, 66", "a|c"),
    ])
    func options(_ expression: String, _ expected: String) throws {
        #expect(try pieces(expression) == expected)
    }

    @Test("invalid option combinations", arguments: [
        ("'abc' -split 'B', 0, 'RegexMatch,SimpleMatch'", "InvalidSplitOptionCombination"),
        ("'abc' -split 'B', 0, 'SimpleMatch,Multiline'", "InvalidSplitOptionCombination"),
        ("'abc' -split { $_ -eq 'b' }, 0, 'IgnoreCase'", "InvalidSplitOptionWithPredicate"),
        ("'abc' -split 'b', 0, 'Nonsense'", "RuntimeException"),
    ])
    func invalidOptions(_ expression: String, _ id: String) {
        #expect(snippetErrorId(expression) == id)
    }

    @Test func unarySplitTrimsAndKeepsOneEmptyPiece() throws {
        #expect(try pieces("-split '  a  b '") == "a|b")
        #expect(try run("(-split '').Count") == ["1"])
        #expect(try pieces("'abc' -split ''") == "|a|b|c|")
    }
}
