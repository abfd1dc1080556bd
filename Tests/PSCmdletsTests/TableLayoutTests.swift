import Testing
@testable import PSCmdlets

/// Column widths: fixed widths as declared, and pcsh's own views widening to their values while
/// the screen has room.
@Suite("Table layout")
struct TableLayoutTests {
    let rows = [["atl-pcpool-001.litwareinc.com\\Engineering", "False"]]

    func widths(grow: Bool, screen: Int) -> [Int] {
        let columns = [TableColumnSpec(label: "Identity", width: 20, alignment: .left, growsToContent: grow),
                       TableColumnSpec(label: "Invitations", width: 11, alignment: .left, growsToContent: grow)]
        return TableRenderer.layout(columns, rows: rows, screenWidth: screen).map(\.width)
    }

    @Test func fixedWidthsStayAsDeclared() {
        #expect(widths(grow: false, screen: 200) == [20, 11])
    }

    @Test func growingColumnsShowWholeValuesWhenThereIsRoom() {
        #expect(widths(grow: true, screen: 200) == [41, 11])
        let layout = TableRenderer.layout([TableColumnSpec(label: "Identity", width: 20, alignment: .left, growsToContent: true)],
                                          rows: rows, screenWidth: 200)
        #expect(TableRenderer.row(rows[0], layout) == rows[0][0])
    }

    @Test func growingTakesOnlyTheRoomThereIs() {
        // 40 cells: 11 for the second column and a space leave 28 for the first.
        #expect(widths(grow: true, screen: 40) == [28, 11])
        #expect(widths(grow: true, screen: 32) == [20, 11])
        #expect(widths(grow: true, screen: 25) == [20, 4])
    }
}
