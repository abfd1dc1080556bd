import Foundation
import PSLanguage
import Testing
@testable import PSRuntime

@Suite struct OperatorTests {
    let c = makeContext()

    func bin(_ op: BinaryOperator, _ a: PSValue, _ b: PSValue) throws -> PSValue {
        try Operators.binary(op, a, b, context: c)
    }

    func cmp(_ op: ComparisonOperator, _ a: PSValue, _ b: PSValue, cs: Bool = false) throws -> PSValue {
        try Operators.binary(.comparison(op, caseSensitive: cs), a, b, context: c)
    }

    @Test func arithmeticWideningAndTypes() throws {
        let rows: [(BinaryOperator, PSValue, PSValue, String)] = [
            (.add, 1, 2, "Int32:3"),
            (.add, .int(Int32.max), 1, "Double:2147483648"),
            (.subtract, .int(Int32.min), 1, "Double:-2147483649"),
            (.multiply, 65536, 65536, "Double:4294967296"),
            (.add, .long(1), 2, "Int64:3"),
            (.add, .long(Int64.max), .long(1), "Double:9.22337203685478E+18"),
            (.add, 1, 2.5, "Double:3.5"),
            (.add, 1, "2", "Int32:3"),
            (.add, 1, "2.5", "Double:3.5"),
            (.add, 1, "0x10", "Int32:17"),
            (.add, 1, "", "Int32:1"),
            (.add, 1, nil, "Int32:1"),
            (.add, nil, 1, "Int32:1"),
            (.add, true, 1, "Int32:2"),
            (.add, .decimal(1), 2, "Decimal:3"),
            (.add, .decimal(Decimal(string: "0.1")!), .decimal(Decimal(string: "0.2")!), "Decimal:0.3"),
            (.add, .byte(200), .byte(100), "Int32:300"),
            (.divide, 5, 2, "Double:2.5"),
            (.divide, 4, 2, "Int32:2"),
            (.divide, .long(10), .long(4), "Double:2.5"),
            (.divide, .long(10), .long(5), "Int64:2"),
            (.divide, 1.0, 0, "Double:Infinity"),
            (.divide, .int(Int32.min), -1, "Double:2147483648"),
            (.remainder, 7, 3, "Int32:1"),
            (.remainder, -7, 3, "Int32:-1"),
            (.remainder, 7.5, 2, "Double:1.5"),
            (.remainder, .int(Int32.min), -1, "Int32:0"),
            (.subtract, "10", 1, "Int32:9"),
            (.multiply, "3", 4, "String:3333"),
            (.divide, "10", "4", "Double:2.5"),
            (.multiply, 2.5, 2, "Double:5"),
            (.subtract, 5, 7, "Int32:-2"),
        ]
        for (op, a, b, expected) in rows {
            #expect(describe(try bin(op, a, b)) == expected, "\(describe(a)) \(op.text) \(describe(b))")
        }
    }

    @Test func publicHelpers() throws {
        #expect(describe(try Operators.add(1, 1)) == "Int32:2")
        #expect(describe(try Operators.subtract(1, 1)) == "Int32:0")
        #expect(describe(try Operators.multiply(3, 3)) == "Int32:9")
        #expect(describe(try Operators.divide(9, 3)) == "Int32:3")
        #expect(describe(try Operators.remainder(9, 4)) == "Int32:1")
        #expect(describe(try Operators.add(.int(Int32.max), 1)) == "Double:2147483648")
    }

    @Test func divisionByZero() {
        for op in [BinaryOperator.divide, .remainder] {
            do {
                _ = try bin(op, 1, 0)
                Issue.record("expected an error for \(op.text)")
            } catch let e as RuntimeError {
                #expect(e.record.errorId == "RuntimeException")
                // PowerShell wraps the .NET exception in a RuntimeException.
                #expect(e.record.exception.typeName == "System.Management.Automation.RuntimeException")
                #expect(e.record.exception.innerException?.typeName == "System.DivideByZeroException")
                #expect(e.record.message == "Attempted to divide by zero.")
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(errorId { try bin(.divide, .decimal(1), .decimal(0)) } == "RuntimeException")
        #expect(errorId { try bin(.divide, .long(1), .long(0)) } == "RuntimeException")
    }

    @Test func stringArrayAndHashtableArithmetic() throws {
        let rows: [(BinaryOperator, PSValue, PSValue, String)] = [
            (.add, "a", "b", "String:ab"),
            (.add, "a", 1, "String:a1"),
            (.add, "a", 1.5, "String:a1.5"),
            (.add, "a", [1, 2], "String:a1 2"),
            (.add, "a", nil, "String:a"),
            (.multiply, "ab", 3, "String:ababab"),
            (.multiply, "ab", 0, "String:"),
            (.add, [1, 2], 3, "[Int32:1,Int32:2,Int32:3]"),
            (.add, [1], [2, 3], "[Int32:1,Int32:2,Int32:3]"),
            (.add, [1], nil, "[Int32:1,null]"),
            (.add, [1], "x", "[Int32:1,String:x]"),
            (.multiply, [1, 2], 2, "[Int32:1,Int32:2,Int32:1,Int32:2]"),
            (.add, nil, [1], "[Int32:1]"),
            (.add, nil, "s", "String:s"),
        ]
        for (op, a, b, expected) in rows {
            #expect(describe(try bin(op, a, b)) == expected, "\(describe(a)) \(op.text) \(describe(b))")
        }
        let merged = try bin(.add, hashtable([("a", 1)]), hashtable([("b", 2)]))
        #expect(merged.asHashtable?.count == 2)
        #expect(errorId { try bin(.add, hashtable([("a", 1)]), hashtable([("A", 2)])) } == "ArgumentException")
        #expect(errorId { try bin(.add, hashtable([("a", 1)]), 1) } == "AddHashTableToNonHashTable")
        #expect(errorId { try bin(.subtract, [1], 1) } == "MethodNotFound")
        #expect(errorId { try bin(.add, 1, "abc") } == "InvalidCastFromStringToInteger")
        #expect(errorId { try bin(.multiply, "ab", -1) } == "ArgumentOutOfRange")
        // Appending builds a new array; the original is untouched.
        let original = PSArray([1])
        _ = try bin(.add, .object(original), 2)
        #expect(original.count == 1)
    }

    @Test func dateArithmetic() throws {
        let d = try LanguagePrimitives.toDate("2024-01-01 00:00:00")
        let later = try bin(.add, .dateTime(d), .timeSpan(ticks: 36_000_000_000))
        #expect(LanguagePrimitives.toString(later, context: nil) == "01/01/2024 01:00:00")
        let diff = try bin(.subtract, later, .dateTime(d))
        #expect(diff.asTimeSpanTicks == 36_000_000_000)
        let earlier = try bin(.subtract, .dateTime(d), .timeSpan(ticks: 864_000_000_000))
        #expect(LanguagePrimitives.toString(earlier, context: nil) == "12/31/2023 00:00:00")
        #expect(describe(try bin(.add, .timeSpan(ticks: 1), .timeSpan(ticks: 2))) == "TimeSpan:00:00:00.0000003")
    }

    @Test func bitwiseAndUnary() throws {
        let rows: [(BinaryOperator, PSValue, PSValue, String)] = [
            (.band, 12, 10, "Int32:8"), (.bor, 12, 10, "Int32:14"), (.bxor, 12, 10, "Int32:6"),
            (.shl, 1, 4, "Int32:16"), (.shr, 256, 4, "Int32:16"), (.shr, -16, 2, "Int32:-4"),
            (.band, .long(0xFF), 0x0F, "Int64:15"), (.bor, "1", 2, "Int32:3"), (.shl, .long(1), 40, "Int64:1099511627776"),
            (.xor, true, false, "Boolean:True"), (.xor, true, 1, "Boolean:False"),
        ]
        for (op, a, b, expected) in rows {
            #expect(describe(try bin(op, a, b)) == expected, "\(describe(a)) \(op.text) \(describe(b))")
        }
        #expect(describe(try Operators.unary(.bnot, 5, context: c)) == "Int32:-6")
        #expect(describe(try Operators.unary(.negate, "5", context: c)) == "Int32:-5")
        #expect(describe(try Operators.unary(.negate, 2.5, context: c)) == "Double:-2.5")
        #expect(describe(try Operators.unary(.negate, .int(Int32.min), context: c)) == "Double:2147483648")
        #expect(describe(try Operators.unary(.plus, "7", context: c)) == "Int32:7")
        #expect(describe(try Operators.unary(.not, 0, context: c)) == "Boolean:True")
        #expect(describe(try Operators.unary(.exclaim, "x", context: c)) == "Boolean:False")
        #expect(describe(try Operators.unary(.comma, 1, context: c)) == "[Int32:1]")
        #expect(describe(try Operators.unary(.join, ["a", "b"], context: c)) == "String:ab")
        #expect(describe(try Operators.unary(.split, " a b  c ", context: c)) == "[String:a,String:b,String:c]")
    }

    @Test func ranges() throws {
        #expect(describe(try bin(.range, 1, 3)) == "[Int32:1,Int32:2,Int32:3]")
        #expect(describe(try bin(.range, 3, 1)) == "[Int32:3,Int32:2,Int32:1]")
        #expect(describe(try bin(.range, -1, 1)) == "[Int32:-1,Int32:0,Int32:1]")
        #expect(describe(try bin(.range, "1", "2")) == "[Int32:1,Int32:2]")
        #expect(describe(try bin(.range, "a", "c")) == "[Char:a,Char:b,Char:c]")
        #expect(describe(try bin(.range, "c", "a")) == "[Char:c,Char:b,Char:a]")
        #expect(describe(try bin(.range, 1.6, 3)) == "[Int32:2,Int32:3]")
        #expect(errorId { try bin(.range, "x", 3) } == "InvalidCastFromStringToInteger")
    }

    @Test func scalarComparisons() throws {
        let rows: [(ComparisonOperator, PSValue, PSValue, Bool, Bool)] = [
            (.eq, 1, 1, false, true), (.eq, 1, "1", false, true), (.eq, "1", 1, false, true), (.eq, "abc", "ABC", false, true),
            (.eq, "abc", "ABC", true, false), (.ne, "abc", "ABD", false, true), (.eq, 1, 1.0, false, true), (.eq, 1, "abc", false, false),
            (.eq, 0, "", false, true), (.eq, nil, nil, false, true), (.eq, nil, 0, false, false), (.eq, 0, nil, false, false),
            (.eq, true, "false", false, true), (.eq, true, 0, false, false), (.eq, "True", true, false, true),
            (.eq, .char(0x61), "A", false, true), (.eq, .char(0x61), "A", true, false), (.eq, .long(5), 5, false, true),
            (.eq, .decimal(1.5), 1.5, false, true), (.eq, 2, "0x2", false, true),
            (.gt, 2, 1, false, true), (.gt, "b", "A", false, true), (.lt, "a", "B", false, true), (.lt, 10, "9", false, false),
            (.lt, "10", 9, false, true), (.ge, 2, 2, false, true), (.le, 1.5, 2, false, true), (.gt, "abc", "ABC", true, false),
            (.lt, "abc", "ABC", true, true), (.lt, nil, 1, false, true), (.gt, 1, nil, false, true), (.lt, nil, -1, false, false),
            (.gt, .long(10), 9.5, false, true), (.gt, true, false, false, true),
            (.like, "hello", "h*", false, true), (.like, "hello", "H?LLO", false, true), (.like, "hello", "H?LLO", true, false),
            (.like, "a1", "a[0-9]", false, true), (.like, "ab", "a[xyz]", false, false), (.like, "a*b", "a`*b", false, true),
            (.like, "axb", "a`*b", false, false), (.notlike, "abc", "*d", false, true), (.like, "", "*", false, true),
            (.like, "abc", "*b*", false, true), (.like, "abc", "abc", false, true), (.like, 12, "1*", false, true),
            (.contains, [1, 2, 3], 2, false, true), (.contains, [1, 2, 3], "2", false, true), (.contains, ["a", "b"], "B", false, true),
            (.contains, ["a", "b"], "B", true, false), (.notcontains, [1, 2], 3, false, true), (.contains, "abc", "a", false, false),
            (.contains, "abc", "ABC", false, true), (.in, 2, [1, 2], false, true), (.notin, 5, [1, 2], false, true),
            (.in, "x", "x", false, true),
        ]
        for (op, a, b, cs, expected) in rows {
            #expect(describe(try cmp(op, a, b, cs: cs)) == "Boolean:\(expected ? "True" : "False")",
                    "\(describe(a)) -\(cs ? "c" : "")\(op.rawValue) \(describe(b))")
        }
        #expect(errorId { try cmp(.lt, 1, "abc") } == "ComparisonFailure")
        #expect(errorId { try cmp(.lt, hashtable([]), 1) } == "NotIcomparable")
    }

    @Test func collectionComparisonsFilter() throws {
        #expect(describe(try cmp(.gt, [1, 2, 3], 1)) == "[Int32:2,Int32:3]")
        #expect(describe(try cmp(.eq, [1, 2], 3)) == "[]")
        #expect(describe(try cmp(.eq, [1, "1", 2], 1)) == "[Int32:1,String:1]")
        #expect(describe(try cmp(.ne, ["a", "b"], "A")) == "[String:b]")
        #expect(describe(try cmp(.like, ["apple", "banana", "avocado"], "a*")) == "[String:apple,String:avocado]")
        #expect(describe(try cmp(.notmatch, ["a1", "b", "c2"], "\\d")) == "[String:b]")
        #expect(describe(try cmp(.eq, [nil, 1], nil)) == "[null]")
        // Filtering with a collection on the left leaves $Matches alone.
        _ = try cmp(.match, ["a1"], "(\\d)")
        #expect(c.getVariable("Matches") == nil)
    }

    @Test func matchSetsMatches() throws {
        #expect(describe(try cmp(.match, "abc123", "(\\d)(\\d)")) == "Boolean:True")
        let m = try #require(c.getVariable("Matches")?.asHashtable)
        #expect(describe(m[.int(0)] ?? nil) == "String:12")
        #expect(describe(m[.int(1)] ?? nil) == "String:1")
        #expect(describe(m[.int(2)] ?? nil) == "String:2")
        #expect(describe(try cmp(.match, "key=value", "(?<k>\\w+)=(?<v>\\w+)")) == "Boolean:True")
        let named = try #require(c.getVariable("Matches")?.asHashtable)
        #expect(describe(named[string: "k"] ?? nil) == "String:key")
        #expect(describe(named[string: "V"] ?? nil) == "String:value")
        // A failed match keeps the previous $Matches.
        #expect(describe(try cmp(.match, "xyz", "\\d")) == "Boolean:False")
        #expect(c.getVariable("Matches")?.asHashtable === named)
        #expect(describe(try cmp(.match, "ABC", "abc")) == "Boolean:True")
        #expect(describe(try cmp(.match, "ABC", "abc", cs: true)) == "Boolean:False")
        #expect(describe(try cmp(.notmatch, "ABC", "x")) == "Boolean:True")
        #expect(describe(try cmp(.match, 123, "^\\d+$")) == "Boolean:True")
        #expect(errorId { try cmp(.match, "a", "(") } == "InvalidRegularExpression")
    }

    @Test func replace() throws {
        let rows: [(PSValue, PSValue, Bool, String)] = [
            ("hello world", ["o", "0"], false, "String:hell0 w0rld"),
            ("Hello", ["h", "J"], false, "String:Jello"),
            ("Hello", ["h", "J"], true, "String:Hello"),
            ("abc", "b", false, "String:ac"),
            ("john smith", ["(\\w+) (\\w+)", "$2, $1"], false, "String:smith, john"),
            ("a-b", ["(?<x>\\w)-(?<y>\\w)", "${y}${x}"], false, "String:ba"),
            ("abc", ["b", "[$0]"], false, "String:a[b]c"),
            ("abc", ["b", "$$"], false, "String:a$c"),
            ("aaa", ["a", "b"], false, "String:bbb"),
            (["ab", "cb"], ["b", "x"], false, "[String:ax,String:cx]"),
            ("1.5", ["\\.", ","], false, "String:1,5"),
            (12, ["1", "x"], false, "String:x2"),
        ]
        for (a, b, cs, expected) in rows {
            #expect(describe(try cmp(.replace, a, b, cs: cs)) == expected, "\(describe(a)) -replace \(describe(b))")
        }
        #expect(errorId { try cmp(.replace, "a", ["a", "b", "c"]) } == "BadReplaceArgument")
    }

    @Test func split() throws {
        let rows: [(PSValue, PSValue, String)] = [
            ("a,b,c", ",", "[String:a,String:b,String:c]"),
            ("a,b,,c", ",", "[String:a,String:b,String:,String:c]"),
            ("a,b,c", [",", 2], "[String:a,String:b,c]"),
            ("a.b.c", [".", 0, "SimpleMatch"], "[String:a,String:b,String:c]"),
            ("a1b2c", "\\d", "[String:a,String:b,String:c]"),
            ("a1b", "(\\d)", "[String:a,String:1,String:b]"),
            ("aXbxc", "x", "[String:a,String:b,String:c]"),
            (["a b", "c d"], " ", "[String:a,String:b,String:c,String:d]"),
            ("abc", "", "[String:,String:a,String:b,String:c,String:]"),
        ]
        for (a, b, expected) in rows {
            do {
                #expect(describe(try cmp(.split, a, b)) == expected, "\(describe(a)) -split \(describe(b))")
            } catch let e as RuntimeError {
                Issue.record("\(describe(a)) -split \(describe(b)): \(e.record.errorId) \(e.record.message)")
            }
        }
        #expect(describe(try cmp(.split, "aXbxc", "x", cs: true)) == "[String:aXb,String:c]")
    }

    @Test func join() throws {
        #expect(describe(try cmp(.join, [1, 2, 3], ",")) == "String:1,2,3")
        #expect(describe(try cmp(.join, "a", ",")) == "String:a")
        #expect(describe(try cmp(.join, [], ",")) == "String:")
        #expect(describe(try cmp(.join, [1, nil, 2], "-")) == "String:1--2")
    }

    @Test func typeOperators() throws {
        #expect(describe(try bin(.isType, 1, .object(TypeRegistry.int32))) == "Boolean:True")
        #expect(describe(try bin(.isType, 1, "string")) == "Boolean:False")
        #expect(describe(try bin(.isNotType, 1, "string")) == "Boolean:True")
        #expect(describe(try bin(.asType, "5", "int")) == "Int32:5")
        #expect(describe(try bin(.asType, "x", "int")) == "null")
        #expect(describe(try bin(.asType, "1,2", "version")) == "null")
        #expect(errorId { try bin(.isType, 1, "NoSuchType") } == "TypeNotFound")
    }

    @Test func format() throws {
        let rows: [(PSValue, PSValue, String)] = [
            ("{0}-{1}", [1, "a"], "1-a"),
            ("{0,5}|", 42, "   42|"),
            ("{0,-5}|", 42, "42   |"),
            ("{0:N2}", 1234.5678, "1,234.57"),
            ("{0:N0}", 1234567, "1,234,567"),
            ("{0:X4}", 255, "00FF"),
            ("{0:x}", 255, "ff"),
            ("{0:D3}", 7, "007"),
            ("{0:D3}", -7, "-007"),
            ("{0:F1}", 2.25, "2.3"),
            ("{0:F0}", 2.5, "3"),
            ("{0:F3}", 1, "1.000"),
            ("{0:P}", 0.125, "12.50%"),
            ("{0:P0}", 0.5, "50%"),
            ("{0:C}", 1234.5, "$1,234.50"),
            ("{0:C}", -3, "-$3.00"),
            ("{0:0.00}", 3.14159, "3.14"),
            ("{0:#,##0}", 1234567.891, "1,234,568"),
            ("{0:000}", 5, "005"),
            ("{0:#.##}", 0.5, ".5"),
            ("{0:0.#}", 2.0, "2"),
            ("{0:0%}", 0.25, "25%"),
            ("{0:E2}", 12345.678, "1.23E+004"),
            ("{{0}} {0}", 1, "{0} 1"),
            ("{0}", 0.1, "0.1"),
            ("{0}", [1, 2], "1"),
            ("{0}", true, "True"),
            ("{0}", nil, ""),
            ("{0:G}", 1.5, "1.5"),
            ("{0:N2}", .decimal(Decimal(string: "2.675")!), "2.68"),
            ("{0:0.00;(0.00);zero}", -1.5, "(1.50)"),
            ("{0:0.00;(0.00);zero}", 0, "zero"),
        ]
        for (f, args, expected) in rows {
            let result = try bin(.format, f, args)
            #expect(LanguagePrimitives.toString(result, context: nil) == expected, "\(describe(f)) -f \(describe(args))")
        }
        #expect(errorId { try bin(.format, "{1}", 1) } == "FormatError")
        #expect(errorId { try bin(.format, "{0", 1) } == "FormatError")
    }

    @Test func dateFormats() throws {
        let d = try LanguagePrimitives.toDate("2024-03-05 14:07:09.123")
        let rows: [(String, String)] = [
            ("yyyy-MM-dd", "2024-03-05"), ("HH:mm:ss", "14:07:09"), ("hh:mm tt", "02:07 PM"), ("dddd", "Tuesday"),
            ("ddd MMM d", "Tue Mar 5"), ("MMMM", "March"), ("fff", "123"), ("yy", "24"), ("s", "2024-03-05T14:07:09"),
            ("d", "3/5/2024"), ("D", "Tuesday, March 5, 2024"), ("t", "2:07 PM"), ("T", "2:07:09 PM"),
            ("g", "3/5/2024 2:07 PM"), ("G", "3/5/2024 2:07:09 PM"), ("'Date:' yyyy", "Date: 2024"), ("yyyyMMdd", "20240305"),
            ("M/d/yy", "3/5/24"), ("H\\h", "14h"),
        ]
        for (f, expected) in rows { #expect(DotNetFormat.formatDate(d, f) == expected, "\(f)") }
        #expect(DotNetFormat.formatDate(d, "o").hasPrefix("2024-03-05T14:07:09.1230000"))
        let formatted = try bin(.format, "{0:yyyy/MM/dd}", .dateTime(d))
        #expect(LanguagePrimitives.toString(formatted, context: nil) == "2024/03/05")
    }

    @Test func wildcardPattern() {
        #expect(WildcardPattern("*.txt").matches("A.TXT"))
        #expect(!WildcardPattern("*.txt", ignoreCase: false).matches("A.TXT"))
        #expect(WildcardPattern("file?.log").matches("file1.log"))
        #expect(!WildcardPattern("file?.log").matches("file10.log"))
        #expect(WildcardPattern("[a-c]*").matches("beta"))
        #expect(!WildcardPattern("[a-c]*").matches("delta"))
        #expect(WildcardPattern("a*b*c").matches("aXXbYYc"))
        #expect(!WildcardPattern("a*b*c").matches("aXXbYY"))
        #expect(WildcardPattern("`[x`]").matches("[x]"))
        #expect(WildcardPattern.containsWildcard("a*"))
        #expect(!WildcardPattern.containsWildcard("a`*"))
        #expect(WildcardPattern.escape("a*b") == "a`*b")
    }
}

/// Results too large to hold are PowerShell's catchable OutOfMemoryException, refused before
/// anything is allocated (the process used to abort).
@Suite struct AllocationGuardTests {
    let c = makeContext()

    func outOfMemory(_ body: () throws -> PSValue) -> Bool {
        do {
            _ = try body()
            return false
        } catch let error as RuntimeError {
            return error.record.exception.typeName == "System.OutOfMemoryException" && !error.isScriptTerminating
        } catch {
            return false
        }
    }

    @Test func hugeRepetitionsAndConcatenationsAreRefused() throws {
        #expect(outOfMemory { try Operators.binary(.multiply, .array([.int(0)]), .int(1_000_000_000), context: c) })
        #expect(outOfMemory { try Operators.binary(.multiply, .string("ab"), .int(2_000_000_000), context: c) })
        // A concatenation is held to the same string limit.
        #expect(throws: RuntimeError.self) { try AllocationGuard.check(stringLength: AllocationGuard.maxStringLength + 1) }
        // Ordinary sizes still work.
        let small = try Operators.binary(.multiply, .string("ab"), .int(3), context: c)
        #expect(LanguagePrimitives.toString(small, context: c) == "ababab")
    }
}

@Suite struct ConfirmationWordingTests {
    @Test func actionsReadAsSentences() {
        #expect(CommandProcessor.readableAction("Remove-CsTrustedApplication") == "remove the trusted application")
        #expect(CommandProcessor.readableAction("New-CsTrustedApplicationPool") == "create the trusted application pool")
        #expect(CommandProcessor.readableAction("Remove File") == "remove file")
    }
}
