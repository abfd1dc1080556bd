import Foundation
import LyncCmdlets
import PSRuntime
import Testing

@Suite("DirectoryFilter: the -Filter language")
struct DirectoryFilterTests {
    let ken = PSObject([("Name", .string("Ken Myer")), ("Enabled", .bool(true)), ("Count", .long(5)),
                        ("DisplayName", .string("Chat endpoint")), ("Missing", .null),
                        ("MemberOf", .array([.string("CN=A"), .string("CN=B")])), ("msRTCSIP-PrimaryUserAddress", .string("sip:ken@x.com"))])

    func matches(_ text: String, variables: [String: PSValue] = [:]) throws -> Bool {
        try DirectoryFilter(text) { variables[$0] }.matches(ken)
    }

    @Test("Comparison operators, case rules and value forms")
    func comparisons() throws {
        #expect(try matches("*"))
        #expect(try DirectoryFilter("*").matchesEverything)
        #expect(try !DirectoryFilter("Name -eq 'x'").matchesEverything)
        #expect(try matches("Name -eq 'ken myer'"))
        #expect(try !matches("Name -ceq 'ken myer'"))
        #expect(try matches("Name -ieq \"KEN MYER\""))
        #expect(try matches("Name -ne 'Bob'"))
        #expect(try matches("Name -like 'k*'") && !matches("Name -notlike 'k*'"))
        #expect(try matches("DisplayName -like '*endpoint*'"))
        #expect(try matches("Enabled -eq $true") && !matches("Enabled -eq $false"))
        #expect(try matches("Count -gt 4") && matches("Count -ge 5") && matches("Count -lt 6") && matches("Count -le 5") && !matches("Count -gt 5"))
        #expect(try matches("Missing -eq $null") && matches("Nonexistent -eq $null") && !matches("Nonexistent -like '*'"))
        #expect(try matches("MemberOf -eq 'cn=b'"))
        #expect(try matches("msRTCSIP-PrimaryUserAddress -like 'sip:*'"))
        #expect(try matches("Name -eq 'Ken ''The'' Myer'") == false)
        #expect(try DirectoryFilter("Name -eq 'it''s'").matches(PSObject([("Name", .string("it's"))])))
        #expect(try matches("Name -eq $n", variables: ["n": .string("Ken Myer")]))
        #expect(try matches("Name -eq Ken") == false)
    }

    @Test("-and binds tighter than -or; -not, ! and parentheses")
    func logic() throws {
        #expect(try matches("Name -eq 'x' -or Enabled -eq $true -and Count -eq 5"))
        #expect(try !matches("(Name -eq 'x' -or Enabled -eq $true) -and Count -eq 6"))
        #expect(try matches("-not (Name -eq 'x')"))
        #expect(try matches("!(Name -eq 'x') -and -not Count -eq 1"))
        #expect(try matches("-NOT Name -EQ 'x' -AND Enabled -Eq $TRUE"))
    }

    @Test("Malformed filters are errors that say what is wrong", arguments: [
        "", "Name", "Name -eq", "Name 'x'", "-eq 'x'", "Name -matches 'x'", "(Name -eq 'x'", "Name -eq 'x')",
        "Name -eq 'x", "Name -eq $undefined", "Name -eq 'x' -and", "Name -eq 'x' Enabled -eq $true",
    ])
    func malformed(_ text: String) {
        let error = #expect(throws: DirectoryFilter.FilterError.self) { _ = try DirectoryFilter(text) }
        #expect(error?.message.contains("'\(text)'") == true)
    }
}
