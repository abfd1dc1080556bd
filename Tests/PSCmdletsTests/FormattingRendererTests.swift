import Foundation
import Testing
@testable import PSCmdlets
import PSRuntime

/// Golden tests for the default formatter: the exact text Out-Default would print.
@Suite struct FormattingRendererTests {
    private func format(_ values: [PSValue], width: Int = 120) -> String {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        return session.formatter?.format(values, context: session, width: width) ?? "<no formatter>"
    }

    private func object(_ pairs: [(String, PSValue)], typeName: String? = nil) -> PSValue {
        .object(PSObject(pairs, typeName: typeName))
    }

    @Test func scalarsPrintOnePerLine() {
        #expect(format([.int(1), .string("two"), .bool(true), .char(65)]) == "1\ntwo\nTrue\nA\n")
    }

    @Test func nullPrintsNothing() {
        #expect(format([.null, .string("x"), .null]) == "x\n")
    }

    @Test func smallObjectsMakeATableWithNumbersRightAligned() {
        let text = format([
            object([("Name", .string("apple")), ("Count", .int(3))]),
            object([("Name", .string("kiwi")), ("Count", .int(12))]),
        ])
        #expect(text == """

            Name  Count
            ----  -----
            apple     3
            kiwi     12


            """)
    }

    @Test func wideCharactersTakeTwoColumns() {
        let text = format([
            object([("Name", .string("日本語")), ("Size", .int(1))]),
            object([("Name", .string("ab")), ("Size", .int(22))]),
        ])
        #expect(text == """

            Name   Size
            ----   ----
            日本語    1
            ab       22


            """)
    }

    @Test func emojiAreTwoColumnsWide() {
        let text = format([
            object([("Icon", .string("🍎")), ("Label", .string("apple"))]),
            object([("Icon", .string("k")), ("Label", .string("kiwi"))]),
        ])
        #expect(text == """

            Icon Label
            ---- -----
            🍎   apple
            k    kiwi


            """)
    }

    @Test func tooWideTablesCutTheLastColumnWithAnEllipsis() {
        let text = format([object([("Name", .string("short")), ("Description", .string("a long description text here"))])], width: 20)
        #expect(text == """

            Name  Description
            ----  -----------
            short a long descri…


            """)
    }

    @Test func columnsThatCannotFitAreHidden() {
        let text = format([object([("A", .string(String(repeating: "x", count: 30))), ("B", .int(1))])], width: 20)
        #expect(text == """

            A
            -
            xxxxxxxxxxxxxxxxxxx…


            """)
    }

    @Test func truncationCountsWideCharacters() {
        let text = format([object([("K", .string("ab")), ("V", .string("日本語日本語"))])], width: 10)
        // V gets 7 cells: three wide characters (6 cells) leave no room for a fourth plus "…".
        #expect(text == "\nK  V\n-  -\nab 日本語…\n\n")
    }

    @Test func objectsWithMoreThanFourPropertiesMakeAList() {
        let pairs: [(String, PSValue)] = [("a", .int(1)), ("bb", .int(2)), ("ccc", .string("x")), ("d", .null), ("e", .int(5))]
        let text = format([object(pairs), object(pairs)])
        let entry = "a   : 1\nbb  : 2\nccc : x\nd   : \ne   : 5\n"
        #expect(text == "\n" + entry + "\n" + entry + "\n")
    }

    @Test func listValuesWrapAtTheScreenWidth() {
        let pairs: [(String, PSValue)] = [("a", .string("0123456789abc")), ("b", .int(2)), ("c", .int(3)), ("d", .int(4)), ("e", .int(5))]
        let text = format([object(pairs)], width: 14)
        #expect(text.hasPrefix("\na : 0123456789\n    abc\nb : 2\n"))
    }

    @Test func scalarsBetweenObjectsPrintInPlace() {
        let text = format([
            .string("before"),
            object([("a", .int(1))]),
            .string("middle"),
            object([("a", .int(22))]),
        ])
        #expect(text == "before\n\n a\n -\n 1\nmiddle\n22\n\n")
    }

    @Test func laterObjectsKeepTheFirstObjectsColumns() {
        // As in PowerShell: an auto-generated table applies to every object, so a different
        // property set shows as a row with the first object's columns.
        let text = format([object([("a", .int(1))]), object([("b", .int(2))])])
        #expect(text == "\na\n-\n1\n \n\n")
    }

    @Test func objectsOutsideARegisteredViewShowAsLists() {
        let variable = object([("Name", .string("x")), ("Value", .int(1))], typeName: "System.Management.Automation.PSVariable")
        let text = format([variable, object([("a", .int(1)), ("b", .int(2))])])
        let header = "Name" + String(repeating: " ", count: 27) + "Value\n" + "----" + String(repeating: " ", count: 27) + "-----\n"
        #expect(text == "\n" + header + "x" + String(repeating: " ", count: 30) + "1\n\na : 1\nb : 2\n\n\n")
    }

    @Test func hashtablesShowAsNameValueTables() {
        let table = PSHashtable(ordered: true)
        table[string: "b"] = .int(1)
        table[string: "alpha"] = .string("x")
        let text = format([.object(table)])
        let pad = { (s: String) in s + String(repeating: " ", count: 31 - s.count) }
        #expect(text == "\n" + pad("Name") + "Value\n" + pad("----") + "-----\n" + pad("b") + "1\n" + pad("alpha") + "x\n\n")
    }

    @Test func longHashtableKeysAreCutAtThirtyColumns() {
        let table = PSHashtable()
        table[string: String(repeating: "k", count: 40)] = .int(1)
        let text = format([.object(table)])
        #expect(text.contains(String(repeating: "k", count: 29) + "… 1\n"))
    }

    @Test func arraysInPropertiesUseBracesAndTheEnumerationLimit() {
        let text = format([object([
            ("Few", .array([.int(1), .int(2), .int(3)])),
            ("Many", .array((1...6).map { .int(Int32($0)) })),
            ("Nothing", .null),
        ])])
        #expect(text == "\nFew       Many          Nothing\n---       ----          -------\n{1, 2, 3} {1, 2, 3, 4…} \n\n")
    }

    @Test func enumerationLimitFollowsTheVariable() throws {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        try session.setVariable("FormatEnumerationLimit", .int(2))
        let text = session.formatter?.format([object([("L", .array([.int(1), .null, .int(3)]))])], context: session, width: 80)
        #expect(text == "\nL\n-\n{1, $null…}\n\n")
    }

    @Test func topLevelArraysAreUnrolled() {
        #expect(format([.array([.int(1), .array([.int(2), .int(3)])])]) == "1\n2\n3\n")
    }

    @Test func multiLineStringsInCellsShowTheirFirstLine() {
        let text = format([object([("T", .string("one\ntwo")), ("N", .int(1))])])
        #expect(text == "\nT    N\n-    -\none… 1\n\n")
    }

    @Test func errorRecordsPrintTheirMessage() {
        let record = ErrorRecord("it broke", id: "Broken", category: .InvalidOperation)
        #expect(format([.object(record)]) == "it broke\n")
        record.invocationInfo.commandName = "Get-Thing"
        #expect(format([.object(record)]) == "Get-Thing: it broke\n")
    }

    @Test func datesUseTheLongDateAndTimeView() {
        let date = Date(timeIntervalSince1970: 0)
        let text = format([.dateTime(date), .dateTime(date)])
        let line = DateDisplay.text(date)
        #expect(text == "\n\(line)\n\(line)\n\n")
    }

    @Test func dateDisplayMatchesTheEnglishLongForm() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour, components.minute, components.second) = (2026, 11, 21, 21, 31, 43)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let date = try #require(calendar.date(from: components))
        #expect(DateDisplay.text(date, timeZone: utc) == "Saturday, November 21, 2026 9:31:43 PM")
        #expect(DateDisplay.text(date, hint: .date, timeZone: utc) == "Saturday, November 21, 2026")
        #expect(DateDisplay.text(date, hint: .time, timeZone: utc) == "9:31:43 PM")
    }

    @Test func datesInCellsUseTheEnglishGeneralForm() {
        let date = Date(timeIntervalSince1970: 0)
        let text = format([object([("When", .dateTime(date))])])
        #expect(text == "\nWhen\n----\n\(DotNetFormat.formatDate(date, "G"))\n\n")
    }

    @Test func timeSpansShowAsAList() {
        let text = format([.timeSpan(ticks: 5 * 10_000_000)])
        #expect(text.hasPrefix("\nDays              : 0\nHours             : 0\nMinutes           : 0\nSeconds           : 5\n"))
    }

    @Test func streamingSessionWritesTextBeforeTheFirstObjectImmediately() {
        let context = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let session = DefaultFormatter().makeSession(context: context, width: 80)
        session.add(.string("hello"))
        #expect(session.takeText() == "hello\n")
        session.add(object([("a", .int(1))]))
        #expect(session.takeText() == "\n")
        session.finish()
        #expect(session.takeText() == "a\n-\n1\n\n")
    }
}
