import Foundation
import Testing
@testable import PSRuntime

// MARK: Helpers shared by the PSRuntime test files

extension PSValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int32) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: PSValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
}

func makeContext() -> ExecutionContext {
    ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
}

/// A compact, type-revealing rendering: `Int32:5`, `String:a`, `[Int32:1,Int32:2]`, `null`.
func describe(_ v: PSValue) -> String {
    if v.isNull { return "null" }
    if let a = v.asArray { return "[" + a.items.map(describe).joined(separator: ",") + "]" }
    return PSTypeInfo.of(v).name + ":" + LanguagePrimitives.toString(v, context: nil)
}

/// The error id a throwing body fails with, or "no error".
func errorId(_ body: () throws -> Any) -> String {
    do {
        _ = try body()
        return "no error"
    } catch let e as RuntimeError {
        return e.record.errorId
    } catch {
        return "\(error)"
    }
}

func hashtable(_ pairs: [(String, PSValue)], ordered: Bool = false) -> PSValue {
    let h = PSHashtable(ordered: ordered)
    for (k, v) in pairs { h[string: k] = v }
    return .object(h)
}

func type(_ name: String) -> PSTypeInfo {
    guard let t = PSTypeInfo.resolve(name: name) else { Issue.record("unknown type \(name)"); return PSTypeInfo(fullName: name) }
    return t
}

// MARK: Conversions

@Suite struct ConversionTests {
    @Test func castsToTypes() throws {
        let c = makeContext()
        let rows: [(PSValue, String, String)] = [
            ("5", "int", "Int32:5"),
            (" 42 ", "int", "Int32:42"),
            ("0x10", "int", "Int32:16"),
            ("1kb", "int", "Int32:1024"),
            ("", "int", "Int32:0"),
            (nil, "int", "Int32:0"),
            (true, "int", "Int32:1"),
            (2.5, "int", "Int32:2"),
            (3.5, "int", "Int32:4"),
            (-2.5, "int", "Int32:-2"),
            ("2.5", "int", "Int32:2"),
            ("1e3", "int", "Int32:1000"),
            (7, "long", "Int64:7"),
            ("9", "double", "Double:9"),
            ("1.5", "double", "Double:1.5"),
            (3, "double", "Double:3"),
            ("1.25", "decimal", "Decimal:1.25"),
            (5, "string", "String:5"),
            (1.5, "string", "String:1.5"),
            (true, "string", "String:True"),
            (nil, "string", "String:"),
            ([1, 2, 3], "string", "String:1 2 3"),
            ("", "bool", "Boolean:False"),
            ("False", "bool", "Boolean:True"),
            (0, "bool", "Boolean:False"),
            ([], "bool", "Boolean:False"),
            ([0], "bool", "Boolean:False"),
            ([0, 0], "bool", "Boolean:True"),
            (65, "char", "Char:A"),
            ("a", "char", "Char:a"),
            ("1.2.3", "version", "Version:1.2.3"),
            ("01:02:03", "timespan", "TimeSpan:01:02:03"),
            ("1.02:03:04", "timespan", "TimeSpan:1.02:03:04"),
            (200, "byte", "Byte:200"),
            ("a+", "regex", "Regex:a+"),
            ("System.Int32", "type", "RuntimeType:int"),
        ]
        for (value, typeName, expected) in rows {
            let result = try LanguagePrimitives.convert(value, to: type(typeName), context: c)
            #expect(describe(result) == expected, "[\(typeName)]\(describe(value))")
        }
    }

    @Test func arrayCasts() throws {
        let c = makeContext()
        #expect(describe(try LanguagePrimitives.convert("1", to: type("int[]"), context: c)) == "[Int32:1]")
        #expect(describe(try LanguagePrimitives.convert(["1", 2.0], to: type("int[]"), context: c)) == "[Int32:1,Int32:2]")
        #expect(describe(try LanguagePrimitives.convert([1, 2], to: type("string[]"), context: c)) == "[String:1,String:2]")
        #expect(describe(try LanguagePrimitives.convert(5, to: type("array"), context: c)) == "[Int32:5]")
        #expect(describe(try LanguagePrimitives.convert("x", to: type("object[]"), context: c)) == "[String:x]")
        #expect(try LanguagePrimitives.convert(nil, to: type("object[]"), context: c).isNull)
        let typed = try LanguagePrimitives.convert([1], to: type("int[]"), context: c)
        #expect(LanguagePrimitives.typeName(of: typed) == "System.Int32[]")
        let list = try LanguagePrimitives.convert([1, 2], to: type("System.Collections.Generic.List[string]"), context: c)
        #expect(LanguagePrimitives.typeName(of: list) == "System.Collections.Generic.List`1[System.String]")
        #expect(describe(list) == "[String:1,String:2]")
    }

    @Test func hashtableCasts() throws {
        let c = makeContext()
        let h = hashtable([("b", 2), ("a", 1)])
        let o = try LanguagePrimitives.convert(h, to: type("pscustomobject"), context: c)
        #expect(o.asPSObject?.propertyNames == ["b", "a"])
        #expect(LanguagePrimitives.toString(o, context: c) == "@{b=2; a=1}")
        #expect(LanguagePrimitives.typeName(of: o) == "System.Management.Automation.PSCustomObject")
        let ordered = try LanguagePrimitives.convert(h, to: type("ordered"), context: c)
        #expect(ordered.asHashtable?.isOrdered == true)
        #expect(LanguagePrimitives.typeName(of: ordered) == "System.Collections.Specialized.OrderedDictionary")
        #expect(errorId { try LanguagePrimitives.convert("x", to: type("hashtable"), context: c) } == "ConvertToFinalInvalidCastException")
    }

    @Test func failedConversionsReportPowerShellIds() {
        let c = makeContext()
        let rows: [(PSValue, String, String)] = [
            ("abc", "int", "InvalidCastFromStringToInteger"),
            ("abc", "double", "InvalidCastFromStringToDoubleOrSingle"),
            ("abc", "decimal", "InvalidCastFromStringToDecimal"),
            (3e10, "int", "InvalidCastIConvertible"),
            ("99999999999", "int", "InvalidCastFromStringToInteger"),
            (300, "byte", "InvalidCastIConvertible"),
            ("not a date", "datetime", "InvalidCastParseTargetInvocation"),
            ("ab", "char", "InvalidCastParseTargetInvocation"),
            ("zz", "guid", "InvalidCastParseTargetInvocation"),
            ("<a>", "xml", "InvalidCastToXmlDocument"),
            ("x", "timespan", "InvalidCastParseTargetInvocation"),
        ]
        for (value, typeName, id) in rows {
            #expect(errorId { try LanguagePrimitives.convert(value, to: type(typeName), context: c) } == id, "[\(typeName)]\(describe(value))")
        }
    }

    @Test func castErrorHasPowerShellShape() {
        do {
            _ = try LanguagePrimitives.convert("abc", to: type("int"), context: nil)
            Issue.record("expected an error")
        } catch let e as RuntimeError {
            #expect(e.record.message == "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
            #expect(e.record.category == .InvalidArgument)
            #expect(e.record.exception.typeName == "System.Management.Automation.PSInvalidCastException")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func dateParsing() throws {
        let rows = ["2024-01-02", "2024-01-02T03:04:05", "01/02/2024", "1/2/2024 3:04:05 AM", "January 2, 2024", "2 January 2024", "2024/01/02"]
        for text in rows {
            let d = try LanguagePrimitives.toDate(.string(text))
            let p = DateFormatting.parts(d)
            #expect(p.year == 2024 && p.month == 1 && p.day == 2, "\(text)")
        }
        let d = try LanguagePrimitives.toDate("2024-03-04 13:14:15")
        #expect(LanguagePrimitives.toString(.dateTime(d), context: nil) == "03/04/2024 13:14:15")
        let pm = try LanguagePrimitives.toDate("3/4/2024 1:05 PM")
        #expect(DateFormatting.parts(pm).hour == 13)
    }

    @Test func stringForms() {
        let rows: [(PSValue, String)] = [
            (0.1, "0.1"), (1.5, "1.5"), (1e20, "1E+20"), (1e-7, "1E-07"), (0.0001, "0.0001"), (0.00001, "1E-05"), (123456789.0, "123456789"),
            (.double(0.1 + 0.2), "0.3"), (.double(.nan), "NaN"), (.double(.infinity), "Infinity"), (.double(-.infinity), "-Infinity"),
            (.double(1.0 / 3.0), "0.333333333333333"), (.double(1e15), "1E+15"), (.double(123456789012345.0), "123456789012345"),
            (-2.5, "-2.5"), (true, "True"), (false, "False"), (.char(0x41), "A"), (.long(-5), "-5"),
            (.decimal(Decimal(string: "1.5")!), "1.5"), (nil, ""), ([1, [2, 3]], "1 System.Object[]"),
            (hashtable([("a", 1)]), "System.Collections.Hashtable"), (.object(PSObject([("a", 1), ("b", "x")])), "@{a=1; b=x}"),
            (.object(PSObject([("a", [1, 2])])), "@{a=System.Object[]}"), (.timeSpan(ticks: 15_000_000), "00:00:01.5000000"),
            (.object(TypeRegistry.int32), "int"), (.object(PSTypeInfo.resolve(name: "string[]")!), "string[]"),
        ]
        for (value, expected) in rows {
            #expect(LanguagePrimitives.toString(value, context: nil) == expected, "\(expected)")
        }
        #expect(NumberFormatting.formatDouble(0.1 + 0.2, precision: nil) == "0.30000000000000004")
        #expect(NumberFormatting.formatDouble(-0.0, precision: nil) == "-0")
    }

    @Test func outputFieldSeparator() throws {
        let c = makeContext()
        try c.setVariable("OFS", "-")
        #expect(LanguagePrimitives.toString([1, 2, 3], context: c) == "1-2-3")
        #expect(LanguagePrimitives.toString([1, 2, 3], context: nil) == "1 2 3")
    }

    @Test func truthiness() {
        let rows: [(PSValue, Bool)] = [
            (nil, false), (0, false), (1, true), ("", false), (" ", true), ("0", true), ([], false), ([nil], false),
            ([1], true), ([1, 2], true), (0.0, false), (.long(0), false), (hashtable([]), true), (.char(0), false),
            (.decimal(0), false), (.object(PSObject()), true),
        ]
        for (value, expected) in rows { #expect(LanguagePrimitives.isTrue(value) == expected, "\(describe(value))") }
    }

    @Test func typeNamesAndHierarchy() {
        #expect(LanguagePrimitives.typeNames(of: 1) == ["System.Int32", "System.ValueType", "System.Object"])
        #expect(LanguagePrimitives.typeNames(of: "a") == ["System.String", "System.Object"])
        #expect(LanguagePrimitives.typeNames(of: [1]) == ["System.Object[]", "System.Array", "System.Object"])
        #expect(LanguagePrimitives.typeName(of: .decimal(1)) == "System.Decimal")
        #expect(LanguagePrimitives.typeName(of: .byte(1)) == "System.Byte")
        #expect(LanguagePrimitives.typeName(of: .object(PSObject())) == "System.Management.Automation.PSCustomObject")
        #expect(LanguagePrimitives.typeName(of: .object(PSArray([], isList: true))) == "System.Collections.ArrayList")
    }

    @Test func typeResolution() {
        let rows: [(String, String)] = [
            ("int", "System.Int32"), ("INT", "System.Int32"), ("Int32", "System.Int32"), ("system.int32", "System.Int32"),
            ("string[]", "System.String[]"), ("hashtable", "System.Collections.Hashtable"), ("ordered", "System.Collections.Specialized.OrderedDictionary"),
            ("pscustomobject", "System.Management.Automation.PSCustomObject"), ("regex", "System.Text.RegularExpressions.Regex"),
            ("text.regularexpressions.regex", "System.Text.RegularExpressions.Regex"), ("io.path", "System.IO.Path"),
            ("System.Collections.ArrayList", "System.Collections.ArrayList"), ("collections.arraylist", "System.Collections.ArrayList"),
            ("List[int]", "System.Collections.Generic.List`1[System.Int32]"), ("valuetype", "System.ValueType"),
            ("IO.IOException", "System.IO.IOException"), ("Exception", "System.Exception"),
            ("System.Management.Automation.RuntimeException", "System.Management.Automation.RuntimeException"),
            ("xml", "System.Xml.XmlDocument"), ("float", "System.Single"), ("ulong", "System.UInt64"),
        ]
        for (name, full) in rows { #expect(PSTypeInfo.resolve(name: name)?.fullName == full, "\(name)") }
        #expect(PSTypeInfo.resolve(name: "NoSuchType") == nil)
        #expect(TypeRegistry.int32.name == "Int32")
        #expect(PSTypeInfo.resolve(name: "int[]")?.name == "Int32[]")
        #expect(PSTypeInfo.resolve(name: "int")?.baseType?.fullName == "System.ValueType")
    }

    @Test func isInstance() {
        let rows: [(PSValue, String, Bool)] = [
            (1, "int", true), (1, "ValueType", true), (1, "object", true), (1, "long", false), (1, "string", false),
            ("a", "string", true), ("a", "ValueType", false), (nil, "object", false), ([1], "array", true), ([1], "object[]", true),
            ([1], "int[]", false), (hashtable([]), "hashtable", true), (hashtable([], ordered: true), "hashtable", false),
            (.object(PSObject()), "pscustomobject", true), (.object(PSObject()), "psobject", true), (1, "psobject", false),
            (.object(PSException(typeName: "System.IO.FileNotFoundException", message: "x")), "System.IO.IOException", true),
            (.object(PSException(typeName: "System.IO.FileNotFoundException", message: "x")), "Exception", true),
            (.object(PSException(typeName: "System.IO.FileNotFoundException", message: "x")), "ArgumentException", false),
            ([1], "System.Collections.IEnumerable", true), (hashtable([]), "System.Collections.IDictionary", true),
            (.dateTime(Date()), "datetime", true), (.object(TypeRegistry.int32), "type", true),
        ]
        for (value, typeName, expected) in rows {
            #expect(type(typeName).isInstance(value) == expected, "\(describe(value)) -is [\(typeName)]")
        }
    }
}
