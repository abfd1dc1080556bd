import Testing
@testable import PSCmdlets

/// Layout of Format-Wide items and word wrapping of table cells.
@Suite struct FormatWideRendererTests {
    @Test func splitsTheScreenEvenly() {
        #expect(WideRenderer.lines(["a", "b", "c", "d"], columns: 2, autoSize: false, screenWidth: 9) == ["a    b", "c    d"])
        #expect(WideRenderer.lines(["a", "b"], columns: 2, autoSize: false, screenWidth: 10) == ["a     b"])
    }

    @Test func cutsItemsWiderThanTheColumn() {
        #expect(WideRenderer.lines(["abcdefgh", "x"], columns: 2, autoSize: false, screenWidth: 9) == ["abc… x"])
    }

    @Test func autoSizeFitsAsManyColumnsAsPossible() {
        // Three columns of three cells need 11 cells, which must stay below the screen width.
        #expect(WideRenderer.lines(["one", "two", "six", "ten"], columns: nil, autoSize: true, screenWidth: 12) == ["one  two six", "ten"])
        #expect(WideRenderer.bestColumnCount(itemWidth: 3, screenWidth: 11) == 2)
    }

    @Test func wideCharactersCountTwoCells() {
        #expect(WideRenderer.bestColumnCount(itemWidth: TextWidth.of("日本"), screenWidth: 9) == 1)
        #expect(WideRenderer.lines(["日本", "ab"], columns: 2, autoSize: false, screenWidth: 9) == ["日本 ab"])
    }

    @Test func wordWrapBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextWidth.wordWrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWidth.wordWrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wordWrap("short", width: 10) == ["short"])
    }
}
