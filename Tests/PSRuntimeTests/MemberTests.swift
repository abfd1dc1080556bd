import Foundation
import Testing
@testable import PSRuntime

@Suite struct MemberTests {
    let c = makeContext()

    func get(_ v: PSValue, _ name: String) throws -> PSValue { try Members.getMember(v, name, context: c) }
    func call(_ v: PSValue, _ name: String, _ args: [PSValue] = []) throws -> PSValue {
        try Members.invokeMethod(v, name, args, context: c)
    }
    func stat(_ typeName: String, _ name: String, _ args: [PSValue] = []) throws -> PSValue {
        try Members.invokeStaticMethod(type(typeName), name, args, context: c)
    }
    func prop(_ typeName: String, _ name: String) throws -> PSValue {
        try Members.getStaticMember(type(typeName), name, context: c)
    }
    func index(_ v: PSValue, _ i: PSValue) throws -> PSValue { try Members.getIndex(v, i, context: c) }

    @Test func properties() throws {
        let o = PSValue.object(PSObject([("Name", "x"), ("Size", 3)]))
        let rows: [(PSValue, String, String)] = [
            ("hello", "Length", "Int32:5"),
            (o, "name", "String:x"),
            (o, "Missing", "null"),
            (hashtable([("a", 1)]), "a", "Int32:1"),
            (hashtable([("a", 1)]), "A", "Int32:1"),
            (hashtable([("a", 1), ("b", 2)]), "Count", "Int32:2"),
            (hashtable([("Count", 9)]), "Count", "Int32:9"),
            (hashtable([("a", 1)]), "Keys", "[String:a]"),
            ([1, 2, 3], "Count", "Int32:3"),
            ([1, 2, 3], "Length", "Int32:3"),
            (5, "Count", "Int32:1"),
            (nil, "Count", "Int32:0"),
            (nil, "Anything", "null"),
            ([o, o], "Name", "[String:x,String:x]"),
            ([o], "Name", "String:x"),
            ([o, nil, 1], "Size", "Int32:3"),
            (["ab", "cde"], "Length", "Int32:2"),
            (.object(PSArray(["ab", "cde"], isList: true)), "Length", "[Int32:2,Int32:3]"),
            (.timeSpan(ticks: 90 * 10_000_000), "TotalMinutes", "Double:1.5"),
            (.timeSpan(ticks: 90 * 10_000_000), "Minutes", "Int32:1"),
            (.timeSpan(ticks: 90 * 10_000_000), "Seconds", "Int32:30"),
            (.object(TypeRegistry.int32), "Name", "String:Int32"),
            (.object(TypeRegistry.int32), "FullName", "String:System.Int32"),
            (.object(VersionValue(parsing: "1.2.3")!), "Minor", "Int32:2"),
            (.object(VersionValue(parsing: "1.2")!), "Build", "Int32:-1"),
        ]
        for (v, name, expected) in rows { #expect(describe(try get(v, name)) == expected, "\(describe(v)).\(name)") }
    }

    @Test func dateMembers() throws {
        let d = PSValue.dateTime(try LanguagePrimitives.toDate("2024-02-29 13:45:30.250"))
        let rows: [(String, String)] = [
            ("Year", "Int32:2024"), ("Month", "Int32:2"), ("Day", "Int32:29"), ("Hour", "Int32:13"), ("Minute", "Int32:45"),
            ("Second", "Int32:30"), ("Millisecond", "Int32:250"), ("DayOfWeek", "DayOfWeek:Thursday"), ("DayOfYear", "Int32:60"),
            ("Date", "DateTime:02/29/2024 00:00:00"), ("TimeOfDay", "TimeSpan:13:45:30.2500000"), ("Kind", "String:Local"),
        ]
        for (name, expected) in rows { #expect(describe(try get(d, name)) == expected, "\(name)") }
        let methods: [(String, [PSValue], String)] = [
            ("AddDays", [1], "DateTime:03/01/2024 13:45:30"), ("AddMonths", [1], "DateTime:03/29/2024 13:45:30"),
            ("AddYears", [1], "DateTime:02/28/2025 13:45:30"), ("AddHours", [-1], "DateTime:02/29/2024 12:45:30"),
            ("AddMinutes", [15], "DateTime:02/29/2024 14:00:30"), ("AddSeconds", [30], "DateTime:02/29/2024 13:46:00"),
            ("ToString", ["yyyy-MM-dd"], "String:2024-02-29"), ("ToShortDateString", [], "String:2/29/2024"),
            ("ToLongDateString", [], "String:Thursday, February 29, 2024"), ("ToString", [], "String:2/29/2024 1:45:30 PM"),
        ]
        for (name, args, expected) in methods { #expect(describe(try call(d, name, args)) == expected, "\(name)") }
        let start = PSValue.dateTime(try LanguagePrimitives.toDate("2024-02-28"))
        #expect(describe(try call(d, "Subtract", [start])) == "TimeSpan:1.13:45:30.2500000")
        #expect(describe(try call(d, "CompareTo", [start])) == "Int32:1")
    }

    @Test func stringMethods() throws {
        let rows: [(PSValue, String, [PSValue], String)] = [
            ("Hello", "ToUpper", [], "String:HELLO"), ("Hello", "ToLower", [], "String:hello"),
            ("  hi  ", "Trim", [], "String:hi"), ("xxhixx", "Trim", ["x"], "String:hi"), ("  hi  ", "TrimStart", [], "String:hi  "),
            ("  hi  ", "TrimEnd", [], "String:  hi"), ("abc--", "TrimEnd", [.char(0x2D)], "String:abc"),
            ("hello", "Substring", [1], "String:ello"), ("hello", "Substring", [1, 3], "String:ell"),
            ("hello", "IndexOf", ["l"], "Int32:2"), ("hello", "LastIndexOf", ["l"], "Int32:3"), ("hello", "IndexOf", ["z"], "Int32:-1"),
            ("hello", "IndexOf", ["L"], "Int32:-1"), ("hello", "IndexOf", ["L", "OrdinalIgnoreCase"], "Int32:2"),
            ("hello", "IndexOf", ["l", 3], "Int32:3"), ("hello", "Contains", ["ell"], "Boolean:True"),
            ("hello", "Contains", ["ELL"], "Boolean:False"), ("hello", "Contains", ["ELL", "OrdinalIgnoreCase"], "Boolean:True"),
            ("hello", "StartsWith", ["he"], "Boolean:True"), ("hello", "StartsWith", ["HE"], "Boolean:False"),
            ("hello", "StartsWith", ["HE", "CurrentCultureIgnoreCase"], "Boolean:True"), ("hello", "EndsWith", ["lo"], "Boolean:True"),
            ("hello", "Replace", ["l", "L"], "String:heLLo"), ("hello", "Replace", ["L", "x"], "String:hello"),
            ("a,b,c", "Split", [","], "[String:a,String:b,String:c]"), ("a,,b", "Split", [","], "[String:a,String:,String:b]"),
            ("a,,b", "Split", [",", "RemoveEmptyEntries"], "[String:a,String:b]"), ("a1b2c", "Split", [["1", "2"]], "[String:a,String:b,String:c]"),
            ("a b", "Split", [], "[String:a,String:b]"), ("a,b,c", "Split", [",", 2], "[String:a,String:b,c]"),
            ("ab--cd", "Split", ["--"], "[String:ab,String:cd]"),
            ("5", "PadLeft", [3], "String:  5"), ("5", "PadLeft", [3, "0"], "String:005"), ("5", "PadRight", [3, "."], "String:5.."),
            ("held", "Insert", [3, "l"], "String:helld"), ("hello", "Remove", [2], "String:he"), ("hello", "Remove", [1, 2], "String:hlo"),
            ("ab", "ToCharArray", [], "[Char:a,Char:b]"), ("abc", "Equals", ["abc"], "Boolean:True"), ("abc", "Equals", ["ABC"], "Boolean:False"),
            ("abc", "CompareTo", ["abd"], "Int32:-1"), ("abc", "ToString", [], "String:abc"), ("abc", "GetType", [], "RuntimeType:string"),
        ]
        for (v, name, args, expected) in rows {
            #expect(describe(try call(v, name, args)) == expected, "\(describe(v)).\(name)(\(args.map(describe)))")
        }
    }

    @Test func methodErrorsFollowPowerShell() {
        do {
            _ = try call("abc", "Substring", [5])
            Issue.record("expected an error")
        } catch let e as RuntimeError {
            #expect(e.record.errorId == "ArgumentOutOfRangeException")
            #expect(e.record.exception.typeName == "System.Management.Automation.MethodInvocationException")
            #expect(e.record.message.hasPrefix("Exception calling \"Substring\" with \"1\" argument(s): "))
            #expect(e.record.exception.innerException?.typeName == "System.ArgumentOutOfRangeException")
        } catch {
            Issue.record("\(error)")
        }
        #expect(errorId { try call("abc", "Foo") } == "MethodNotFound")
        #expect(errorId { try call(nil, "Foo") } == "InvokeMethodOnNull")
        #expect(errorId { try call("abc", "Substring", [1, 2, 3]) } == "MethodCountCouldNotFindBest")
        #expect(errorId { try call("abc", "Substring", ["x"]) } == "MethodArgumentConversionInvalidCastArgument")
        #expect(errorId { try call([1, 2], "Add", [3]) } == "NotSupportedException")
        #expect(errorId { try stat("math", "Nope") } == "MethodNotFound")
        do {
            _ = try call("abc", "Foo")
            Issue.record("expected an error")
        } catch let e as RuntimeError {
            #expect(e.record.message == "Method invocation failed because [System.String] does not contain a method named 'Foo'.")
            #expect(e.record.category == .InvalidOperation)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func universalMethods() throws {
        #expect(describe(try get(try call(1, "GetType"), "Name")) == "String:Int32")
        #expect(describe(try get(try call(1, "GetType"), "FullName")) == "String:System.Int32")
        #expect(describe(try get(try call([1], "GetType"), "FullName")) == "String:System.Object[]")
        #expect(describe(try get(try call(.object(PSObject()), "GetType"), "FullName")) == "String:System.Management.Automation.PSCustomObject")
        #expect(describe(try call(1.5, "ToString")) == "String:1.5")
        #expect(describe(try call(.double(0.1 + 0.2), "ToString")) == "String:0.30000000000000004")
        #expect(describe(try call(255, "ToString", ["X2"])) == "String:FF")
        #expect(describe(try call(3.14159, "ToString", ["F2"])) == "String:3.14")
        #expect(describe(try call([1, 2], "ToString")) == "String:System.Object[]")
        #expect(describe(try call(hashtable([]), "ToString")) == "String:System.Collections.Hashtable")
        #expect(describe(try call(1, "Equals", [1])) == "Boolean:True")
        #expect(describe(try call(1, "Equals", [.long(1)])) == "Boolean:False")
        #expect(describe(try call(5, "CompareTo", [3])) == "Int32:1")
        #expect(describe(try call(.object(TypeRegistry.int32), "ToString")) == "String:System.Int32")
    }

    @Test func collectionMethods() throws {
        let list = PSValue.object(PSArray([], isList: true))
        #expect(describe(try call(list, "Add", ["a"])) == "Int32:0")
        #expect(describe(try call(list, "Add", ["b"])) == "Int32:1")
        _ = try call(list, "Insert", [0, "z"])
        #expect(describe(list) == "[String:z,String:a,String:b]")
        _ = try call(list, "Remove", ["a"])
        _ = try call(list, "RemoveAt", [0])
        #expect(describe(list) == "[String:b]")
        _ = try call(list, "AddRange", [[1, 2]])
        #expect(describe(try call(list, "Contains", [2])) == "Boolean:True")
        #expect(describe(try call(list, "IndexOf", [2])) == "Int32:2")
        #expect(describe(try call(list, "ToArray")) == "[String:b,Int32:1,Int32:2]")
        _ = try call(list, "Clear")
        #expect(describe(try get(list, "Count")) == "Int32:0")
        let typed = try Members.construct(type("System.Collections.Generic.List[int]"), [], context: c)
        #expect(describe(try call(typed, "Add", ["5"])) == "null")
        #expect(describe(typed) == "[Int32:5]")
        #expect(errorId { try call(typed, "Add", ["x"]) } == "MethodArgumentConversionInvalidCastArgument")
        _ = try call(typed, "AddRange", [[3, 1]])
        _ = try call(typed, "Sort")
        #expect(describe(typed) == "[Int32:1,Int32:3,Int32:5]")
        _ = try call(typed, "Reverse")
        #expect(describe(typed) == "[Int32:5,Int32:3,Int32:1]")
        #expect(errorId { try call(typed, "RemoveAt", [9]) } == "ArgumentOutOfRangeException")
        let array: PSValue = [1, 2, 3]
        #expect(describe(try call(array, "Contains", [2])) == "Boolean:True")
        #expect(describe(try call(array, "IndexOf", [3])) == "Int32:2")
        #expect(describe(try call(array, "Clone")) == "[Int32:1,Int32:2,Int32:3]")
        #expect(describe(try call(array, "GetValue", [1])) == "Int32:2")
    }

    @Test func hashtableMethods() throws {
        let h = hashtable([("a", 1)])
        _ = try call(h, "Add", ["b", 2])
        #expect(errorId { try call(h, "Add", ["A", 3]) } == "ArgumentException")
        #expect(describe(try call(h, "ContainsKey", ["B"])) == "Boolean:True")
        #expect(describe(try call(h, "ContainsValue", [2])) == "Boolean:True")
        _ = try call(h, "Remove", ["a"])
        #expect(describe(try get(h, "Count")) == "Int32:1")
        let clone = try call(h, "Clone")
        _ = try call(h, "Clear")
        #expect(describe(try get(clone, "Count")) == "Int32:1")
        let entries = try call(clone, "GetEnumerator")
        #expect(describe(try get(entries, "Key")) == "String:b")
        #expect(describe(try get(entries, "Value")) == "Int32:2")
        try Members.setMember(h, "new", 5, context: c)
        #expect(describe(try get(h, "new")) == "Int32:5")
    }

    @Test func settingMembers() throws {
        let o = PSValue.object(PSObject([("a", 1)]))
        try Members.setMember(o, "A", 2, context: c)
        #expect(describe(try get(o, "a")) == "Int32:2")
        #expect(errorId { try Members.setMember(o, "nope", 1, context: c) } == "PropertyAssignmentException")
        #expect(errorId { try Members.setMember("abc", "Length", 1, context: c) } == "PropertyAssignmentException")
        #expect(errorId { try Members.setMember(nil, "x", 1, context: c) } == "PropertyAssignmentException")
    }

    @Test func indexing() throws {
        let a: PSValue = [10, 20, 30, 40]
        let rows: [(PSValue, PSValue, String)] = [
            (a, 0, "Int32:10"), (a, -1, "Int32:40"), (a, 9, "null"), (a, [0, 2], "[Int32:10,Int32:30]"),
            (a, [1, 2, 3], "[Int32:20,Int32:30,Int32:40]"), (a, [-1, -2], "[Int32:40,Int32:30]"), (a, [0, 9], "[Int32:10]"),
            (a, "1", "Int32:20"), ("hello", 1, "Char:e"), ("hello", -1, "Char:o"), ("hello", [0, 1], "[Char:h,Char:e]"),
            ("hello", 10, "null"), (hashtable([("a", 1), ("b", 2)]), "A", "Int32:1"), (hashtable([("a", 1)]), "zz", "null"),
            (hashtable([("a", 1), ("b", 2)]), ["a", "b"], "[Int32:1,Int32:2]"), (5, 0, "Int32:5"), (5, 1, "null"),
        ]
        for (v, i, expected) in rows { #expect(describe(try index(v, i)) == expected, "\(describe(v))[\(describe(i))]") }
        #expect(errorId { try index(nil, 0) } == "NullArray")
        try Members.setIndex(a, 1, 99, context: c)
        #expect(describe(try index(a, 1)) == "Int32:99")
        try Members.setIndex(a, -1, 7, context: c)
        #expect(describe(try index(a, 3)) == "Int32:7")
        #expect(errorId { try Members.setIndex(a, 10, 1, context: c) } == "IndexOutOfRange")
        let h = hashtable([])
        try Members.setIndex(h, "k", 1, context: c)
        #expect(describe(try index(h, "K")) == "Int32:1")
        let typed = try LanguagePrimitives.convert([1, 2], to: type("int[]"), context: c)
        try Members.setIndex(typed, 0, "5", context: c)
        #expect(describe(try index(typed, 0)) == "Int32:5")
    }

    @Test func staticMembers() throws {
        let rows: [(String, String, [PSValue], String)] = [
            ("math", "Round", [2.5], "Double:2"), ("math", "Round", [3.5], "Double:4"), ("math", "Round", [2.456, 2], "Double:2.46"),
            ("math", "Round", [2.5, "AwayFromZero"], "Double:3"), ("math", "Floor", [2.7], "Double:2"), ("math", "Ceiling", [2.1], "Double:3"),
            ("math", "Abs", [-5], "Int32:5"), ("math", "Max", [3, 7], "Int32:7"), ("math", "Min", [3, 7.5], "Double:3"),
            ("math", "Pow", [2, 10], "Double:1024"), ("math", "Sqrt", [16], "Double:4"), ("math", "Truncate", [-2.7], "Double:-2"),
            ("math", "Sign", [-3], "Int32:-1"), ("math", "Log10", [1000], "Double:3"), ("math", "Log", [8, 2], "Double:3"),
            ("string", "IsNullOrEmpty", [""], "Boolean:True"), ("string", "IsNullOrEmpty", [nil], "Boolean:True"),
            ("string", "IsNullOrWhiteSpace", ["  "], "Boolean:True"), ("string", "Join", [",", [1, 2]], "String:1,2"),
            ("string", "Join", ["-", "a", "b"], "String:a-b"), ("string", "Concat", ["a", 1], "String:a1"),
            ("string", "Format", ["{0}+{1}", 1, 2], "String:1+2"), ("string", "Compare", ["a", "B", true], "Int32:-1"),
            ("datetime", "IsLeapYear", [2024], "Boolean:True"), ("datetime", "DaysInMonth", [2023, 2], "Int32:28"),
            ("int", "Parse", ["42"], "Int32:42"), ("double", "Parse", ["1.5"], "Double:1.5"),
            ("char", "IsDigit", ["5"], "Boolean:True"), ("char", "IsLetter", ["a"], "Boolean:True"), ("char", "IsUpper", ["a"], "Boolean:False"),
            ("char", "IsWhiteSpace", [" "], "Boolean:True"), ("char", "ToUpper", ["a"], "Char:A"),
            ("convert", "ToInt32", ["ff", 16], "Int32:255"), ("convert", "ToInt32", ["101", 2], "Int32:5"),
            ("convert", "ToString", [255, 2], "String:11111111"), ("convert", "ToString", [255, 16], "String:ff"),
            ("convert", "ToBase64String", [[104, 105]], "String:aGk="), ("convert", "ToBoolean", ["true"], "Boolean:True"),
            ("convert", "ToInt32", [2.5], "Int32:2"), ("convert", "ToDouble", ["2.5"], "Double:2.5"),
            ("io.path", "Combine", ["/a", "b", "c.txt"], "String:/a/b/c.txt"), ("io.path", "Combine", ["/a", "/b"], "String:/b"),
            ("io.path", "GetFileName", ["/x/y.tar.gz"], "String:y.tar.gz"), ("io.path", "GetExtension", ["/x/y.tar.gz"], "String:.gz"),
            ("io.path", "GetFileNameWithoutExtension", ["/x/y.txt"], "String:y"), ("io.path", "GetDirectoryName", ["/x/y.txt"], "String:/x"),
            ("io.path", "IsPathRooted", ["/x"], "Boolean:True"), ("io.path", "ChangeExtension", ["a.txt", ".md"], "String:a.md"),
            ("regex", "Escape", ["a.b*c"], "String:a\\.b\\*c"), ("regex", "IsMatch", ["abc", "b"], "Boolean:True"),
            ("regex", "IsMatch", ["ABC", "b"], "Boolean:False"), ("regex", "Replace", ["a1b2", "\\d", "#"], "String:a#b#"),
            ("regex", "Split", ["a1b", "\\d"], "[String:a,String:b]"), ("timespan", "FromMinutes", [1.5], "TimeSpan:00:01:30"),
            ("timespan", "FromHours", [25], "TimeSpan:1.01:00:00"),
        ]
        for (t, name, args, expected) in rows {
            #expect(describe(try stat(t, name, args)) == expected, "[\(t)]::\(name)(\(args.map(describe)))")
        }
        let bytes = try stat("convert", "FromBase64String", ["aGk="])
        #expect(describe(bytes) == "[Byte:104,Byte:105]")
        #expect(describe(try prop("math", "PI")) == "Double:3.14159265358979")
        #expect(describe(try prop("int", "MaxValue")) == "Int32:2147483647")
        #expect(describe(try prop("long", "MinValue")) == "Int64:-9223372036854775808")
        #expect(describe(try prop("string", "Empty")) == "String:")
        #expect(describe(try prop("timespan", "Zero")) == "TimeSpan:00:00:00")
        #expect(describe(try prop("environment", "NewLine")) == "String:\n")
        #expect(describe(try prop("io.path", "DirectorySeparatorChar")) == "Char:/")
        #expect(describe(try prop("math", "NoSuch")) == "null")
        #expect(try prop("guid", "Empty").asGuid?.uuidString == "00000000-0000-0000-0000-000000000000")
        let g = try stat("guid", "NewGuid")
        #expect(LanguagePrimitives.toString(g, context: nil).count == 36)
    }

    @Test func regexMatchObjects() throws {
        let m = try stat("regex", "Match", ["abc123", "(?<letters>[a-z]+)(\\d+)"])
        #expect(describe(try get(m, "Success")) == "Boolean:True")
        #expect(describe(try get(m, "Value")) == "String:abc123")
        #expect(describe(try get(m, "Index")) == "Int32:0")
        let groups = try get(m, "Groups")
        #expect(describe(try get(try index(groups, 1), "Value")) == "String:123")
        #expect(describe(try get(try index(groups, "letters"), "Value")) == "String:abc")
        let all = try stat("regex", "Matches", ["a1b22c333", "\\d+"])
        #expect(describe(try get(all, "Count")) == "Int32:3")
        #expect(describe(try get(all, "Value")) == "[String:1,String:22,String:333]")
        let failed = try stat("regex", "Match", ["abc", "\\d"])
        #expect(describe(try get(failed, "Success")) == "Boolean:False")
        let r = try Members.construct(type("regex"), ["B", "IgnoreCase"], context: c)
        #expect(describe(try call(r, "IsMatch", ["abc"])) == "Boolean:True")
    }

    @Test func constructors() throws {
        let d = try Members.construct(type("datetime"), [2024, 1, 2, 3, 4, 5], context: c)
        #expect(describe(d) == "DateTime:01/02/2024 03:04:05")
        #expect(describe(try Members.construct(type("timespan"), [1, 2, 3], context: c)) == "TimeSpan:01:02:03")
        #expect(describe(try Members.construct(type("version"), [1, 2], context: c)) == "Version:1.2")
        #expect(describe(try Members.construct(type("string"), ["ab", 2], context: c)) == "String:abab")
        #expect(describe(try Members.construct(type("int[]"), [3], context: c)) == "[Int32:0,Int32:0,Int32:0]")
        #expect(LanguagePrimitives.typeName(of: try Members.construct(type("System.Collections.ArrayList"), [], context: c)) == "System.Collections.ArrayList")
        #expect(try Members.construct(type("hashtable"), [], context: c).asHashtable != nil)
        let sb = try Members.construct(type("System.Text.StringBuilder"), [], context: c)
        _ = try call(sb, "Append", ["a"])
        _ = try call(sb, "AppendLine", ["b"])
        _ = try call(sb, "AppendFormat", ["{0}", 5])
        let built = try call(sb, "ToString")
        #expect(describe(built) == "String:ab\n5")
        #expect(describe(try get(sb, "Length")) == "Int32:4")
        let ex = try Members.construct(type("System.IO.IOException"), ["disk"], context: c)
        #expect(describe(try get(ex, "Message")) == "String:disk")
        #expect(type("System.Exception").isInstance(ex))
        #expect(errorId { try Members.construct(type("math"), [], context: c) } == "CannotFindAppropriateCtor")
        let viaStatic = try stat("System.Collections.Generic.List[string]", "new")
        #expect(LanguagePrimitives.typeName(of: viaStatic) == "System.Collections.Generic.List`1[System.String]")
    }

    @Test func errorRecordMembers() throws {
        let record = ErrorRecord("file missing", id: "PathNotFound", category: .ObjectNotFound,
                                 exceptionType: "System.Management.Automation.ItemNotFoundException", target: "x.txt")
        let v = PSValue.object(record)
        #expect(describe(try get(try get(v, "Exception"), "Message")) == "String:file missing")
        #expect(describe(try get(v, "FullyQualifiedErrorId")) == "String:PathNotFound")
        #expect(describe(try get(try get(v, "CategoryInfo"), "Category")) == "String:ObjectNotFound")
        #expect(describe(try get(try get(v, "CategoryInfo"), "Reason")) == "String:ItemNotFoundException")
        #expect(describe(try get(v, "TargetObject")) == "String:x.txt")
        #expect(describe(try get(try get(v, "InvocationInfo"), "ScriptLineNumber")) == "Int32:0")
        #expect(LanguagePrimitives.toString(v, context: nil) == "file missing")
        let exType = try call(try get(v, "Exception"), "GetType")
        #expect(describe(try get(exType, "FullName")) == "String:System.Management.Automation.ItemNotFoundException")
    }

    @Test func psobjectView() throws {
        let o = PSValue.object(PSObject([("a", 1), ("b", "x")]))
        let props = try get(try get(o, "psobject"), "Properties")
        #expect(describe(try get(props, "Name")) == "[String:a,String:b]")
        #expect(describe(try get(props, "Value")) == "[Int32:1,String:x]")
        #expect(describe(try get(props, "MemberType")) == "[String:NoteProperty,String:NoteProperty]")
        let copy = try call(try get(o, "PSObject"), "Copy")
        try Members.setMember(copy, "a", 5, context: c)
        #expect(describe(try get(o, "a")) == "Int32:1")
        #expect(describe(try get(try get(o, "psobject"), "TypeNames")) == "[String:System.Management.Automation.PSCustomObject,String:System.Object]")
        #expect(describe(try get(1, "pstypenames")) == "[String:System.Int32,String:System.ValueType,String:System.Object]")
        #expect(Members.propertyNames(of: o) == ["a", "b"])
        #expect(Members.hasProperty(o, "B"))
        #expect(!Members.hasProperty(o, "c"))
        #expect(Members.hasProperty(hashtable([("k", 1)]), "k"))
    }

    @Test func xmlNavigation() throws {
        let text = "<config version=\"2\"><name>demo</name><item id=\"1\">one</item><item id=\"2\">two</item><empty/></config>"
        let x = try LanguagePrimitives.convert(.string(text), to: type("xml"), context: c)
        let config = try get(x, "config")
        #expect(describe(try get(config, "version")) == "String:2")
        #expect(describe(try get(config, "name")) == "String:demo")
        let items = try get(config, "item")
        #expect(describe(try get(items, "Count")) == "Int32:2")
        #expect(describe(try get(try index(items, 1), "id")) == "String:2")
        #expect(describe(try get(try index(items, 0), "#text")) == "String:one")
        #expect(describe(try get(items, "id")) == "[String:1,String:2]")
        #expect(describe(try get(config, "InnerText")) == "String:demoonetwo")
        #expect(describe(try get(try call(x, "SelectNodes", ["//item"]), "Count")) == "Int32:2")
        try Members.setMember(config, "name", "changed", context: c)
        #expect(describe(try get(config, "name")) == "String:changed")
        #expect(type("xml").isInstance(x))
    }

    @Test func timeSpanAndVersionComparison() throws {
        #expect(try LanguagePrimitives.compare(.object(VersionValue(parsing: "1.10")!), "1.9") > 0)
        #expect(LanguagePrimitives.equals(.object(VersionValue(parsing: "1.2.3")!), "1.2.3"))
        #expect(try LanguagePrimitives.compare(.timeSpan(ticks: 10), .timeSpan(ticks: 20)) < 0)
        #expect(describe(try call(.timeSpan(ticks: 36_000_000_000), "ToString", ["hh\\:mm"])) == "String:01:00")
    }
}
