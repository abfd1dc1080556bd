import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

@Suite("JSON and CSV helpers")
struct DataHelperTests {
    @Test func indentedLayoutMatchesPwsh() {
        let tree = JsonValue.object([("a", .number("1")), ("b", .array([.number("1"), .string("x")])),
                                     ("c", .object([])), ("d", .array([]))])
        let text = JsonTextWriter(indented: true).write(tree)
        #expect(text == "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"c\": {},\n  \"d\": []\n}")
        #expect(JsonTextWriter(indented: false).write(tree) == "{\"a\":1,\"b\":[1,\"x\"],\"c\":{},\"d\":[]}")
    }

    @Test func stringEscaping() {
        let writer = JsonTextWriter(indented: false)
        #expect(writer.quoted("a\"b\\c\n\t\u{01}") == "\"a\\\"b\\\\c\\n\\t\\u0001\"")
        #expect(writer.quoted("it's <b> & é") == "\"it's <b> & é\"")
        #expect(JsonTextWriter(indented: false, escaping: .EscapeHtml).quoted("<'&>") == "\"\\u003c\\u0027\\u0026\\u003e\"")
        #expect(JsonTextWriter(indented: false, escaping: .EscapeNonAscii).quoted("é") == "\"\\u00e9\"")
    }

    @Test func doublesLikeDotNet() {
        #expect(JsonNumberFormat.dotNetRoundTrip(1.5) == "1.5")
        #expect(JsonNumberFormat.dotNetRoundTrip(1e20) == "1E+20")
        #expect(JsonNumberFormat.dotNetRoundTrip(1e15) == "1E+15")
        #expect(JsonNumberFormat.dotNetRoundTrip(123456789012345) == "123456789012345")
        #expect(JsonNumberFormat.dotNetRoundTrip(0.0001) == "0.0001")
        #expect(JsonNumberFormat.dotNetRoundTrip(0.00001) == "1E-05")
        #expect(JsonNumberFormat.dotNetRoundTrip(-2.5e-7) == "-2.5E-07")
        #expect(JsonNumberFormat.dotNetRoundTrip(0.1 + 0.2) == "0.30000000000000004")
        if case .number(let n) = JsonNumberFormat.double(3) { #expect(n == "3.0") } else { Issue.record("not a number") }
    }

    @Test func parsesObjectsInOrderWithTypes() throws {
        var parser = JsonParser()
        let value = try parser.parse("{\"z\": 1, \"a\": 2.5, \"s\": \"x\", \"n\": null, \"t\": true, \"l\": [1, 2]}")
        let object = try #require(value.asPSObject)
        #expect(object.propertyNames == ["z", "a", "s", "n", "t", "l"])
        if case .long(1) = object["z"] {} else { Issue.record("integers are Int64") }
        if case .double(2.5) = object["a"] {} else { Issue.record("reals are Double") }
        #expect(object["l"]?.asArray?.count == 2)
        #expect(object["n"]?.isNull == true)
    }

    @Test func parsesEscapesAndUnicode() throws {
        var parser = JsonParser()
        let value = try parser.parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#)
        #expect(value.asString == "a\"b\\c\né😀")
    }

    @Test func lenientSyntax() throws {
        var parser = JsonParser()
        let value = try parser.parse("{a: 'x', // note\n b: [1,2,], /* c */ }")
        #expect(value.asPSObject?["a"]?.asString == "x")
        #expect(value.asPSObject?["b"]?.asArray?.count == 2)
    }

    @Test func isoDatesBecomeDates() throws {
        var parser = JsonParser()
        if case .dateTime(let d) = try parser.parse("\"2024-01-02T03:04:05Z\"") {
            #expect(d.timeIntervalSince1970 == 1704164645)
        } else {
            Issue.record("not a date")
        }
        #expect(try parser.parse("\"2024-01-02\"").asString == "2024-01-02")
    }

    @Test func reportsPosition() {
        var parser = JsonParser()
        do {
            _ = try parser.parse("{\"a\": x}")
            Issue.record("expected an error")
        } catch let error as JsonParseError {
            #expect(error.line == 1)
            #expect(error.position == 7)
            #expect(error.path == "a")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func depthLimit() {
        var parser = JsonParser(maxDepth: 2)
        #expect(throws: JsonParseError.self) { _ = try parser.parse("[[[1]]]") }
        var ok = JsonParser(maxDepth: 3)
        #expect(throws: Never.self) { _ = try ok.parse("[[[1]]]") }
    }

    @Test func csvRecords() {
        let reader = CsvReader(delimiter: ",", header: nil)
        let records = reader.parseRecords("a,b,c\n\"1,5\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,,z")
        #expect(records.count == 3)
        #expect(records[1] == ["1,5", "say \"hi\"", "two\nlines"])
        #expect(records[2] == ["x", "", "z"])
        #expect(CsvReader(delimiter: ";", header: nil).parseRecords("a;b") == [["a", "b"]])
    }
}
