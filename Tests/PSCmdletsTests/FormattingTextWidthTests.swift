import Testing
@testable import PSCmdlets

@Suite struct FormattingTextWidthTests {
    @Test func measuresDisplayCells() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("🍎") == 2)
        #expect(TextWidth.of("👨‍👩‍👧") == 2)
        #expect(TextWidth.of("❤️") == 2)
        #expect(TextWidth.of("🇫🇷") == 2)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("\u{301}") == 0)
        #expect(TextWidth.of("ｆｕｌｌ") == 8)
    }

    @Test func padsByCells() {
        #expect(TextWidth.padRight("日", to: 4) == "日  ")
        #expect(TextWidth.padLeft("🍎", to: 3) == " 🍎")
        #expect(TextWidth.padRight("toolong", to: 3) == "toolong")
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(TextWidth.truncate("abcdef", to: 4, keepEnd: true) == "…def")
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
        #expect(TextWidth.truncate("abc", to: 3) == "abc")
        #expect(TextWidth.truncate("abc", to: 1) == "a")
    }

    @Test func wrapsByCells() {
        #expect(TextWidth.wrap("abcdefg", width: 3) == ["abc", "def", "g"])
        #expect(TextWidth.wrap("日本語", width: 3) == ["日", "本", "語"])
        #expect(TextWidth.wrap("", width: 3) == [""])
    }
}
