import PSRuntime
import Testing

@Suite("Utility: Sort-Object, Group-Object, Get-Unique")
struct UtilitySortGroupTests {
    static let people = "$p = [pscustomobject]@{Name='bob'; Age=30}, [pscustomobject]@{Name='Ann'; Age=25}, [pscustomobject]@{Name='cid'; Age=30}, [pscustomobject]@{Name='Dee'; Age=25}"

    @Test func sortsValues() throws {
        #expect(try outputStrings("3, 1, 2 | Sort-Object") == ["1", "2", "3"])
        #expect(try outputStrings("3, 1, 2 | Sort-Object -Descending") == ["3", "2", "1"])
        #expect(try outputStrings("'b', 'C', 'a' | Sort-Object") == ["a", "b", "C"])
        #expect(try outputStrings("10, 9, 100 | Sort-Object") == ["9", "10", "100"])
    }

    @Test func nullsSortFirst() throws {
        #expect(try outputStrings("$r = 2, $null, 1 | Sort-Object; $null -eq $r[0]; $r[1]; $r[2]") == ["True", "1", "2"])
    }

    @Test func caseSensitiveSortPutsLowercaseFirst() throws {
        #expect(try outputStrings("'B', 'a', 'b', 'A' | Sort-Object -CaseSensitive") == ["a", "A", "b", "B"])
    }

    @Test func sortsByPropertyAndIsStable() throws {
        #expect(try outputStrings("\(Self.people); ($p | Sort-Object Age).Name") == ["Ann", "Dee", "bob", "cid"])
        #expect(try outputStrings("\(Self.people); ($p | Sort-Object Age -Descending).Name") == ["bob", "cid", "Ann", "Dee"])
    }

    @Test func multipleKeysWithHashtables() throws {
        let script = "\(Self.people); ($p | Sort-Object @{Expression='Age'; Descending=$true}, @{e={ $_.Name }; Descending=$true}).Name"
        #expect(try outputStrings(script) == ["cid", "bob", "Dee", "Ann"])
        #expect(try outputStrings("\(Self.people); ($p | Sort-Object Age, Name).Name") == ["Ann", "Dee", "bob", "cid"])
    }

    @Test func sortByScriptBlock() throws {
        #expect(try outputStrings("'ccc', 'a', 'bb' | Sort-Object { $_.Length }") == ["a", "bb", "ccc"])
    }

    @Test func sortUniqueTopBottom() throws {
        #expect(try outputStrings("3, 1, 3, 2, 1 | Sort-Object -Unique") == ["1", "2", "3"])
        #expect(try outputStrings("'a', 'A', 'b' | Sort-Object -Unique") == ["a", "b"])
        #expect(try outputStrings("5, 3, 9, 1 | Sort-Object -Top 2") == ["1", "3"])
        #expect(try outputStrings("5, 3, 9, 1 | Sort-Object -Bottom 2") == ["5", "9"])
        #expect(try outputStrings("@() | Sort-Object").isEmpty)
    }

    @Test func groupsCountAndOrder() throws {
        let lines = try outputStrings("'b', 'a', 'b', 'c', 'b' | Group-Object | % { \"$($_.Name)=$($_.Count)\" }")
        #expect(lines == ["a=1", "b=3", "c=1"])
    }

    @Test func groupInfoShape() throws {
        let script = "$g = 1, 2, 1 | Group-Object; $g[0].pstypenames[0]; $g[0].Group.Count; $g[0].Values[0]; $g[0].psobject.Properties.Name[0..2]"
        #expect(try outputStrings(script) == ["Microsoft.PowerShell.Commands.GroupInfo", "2", "1", "Count", "Name", "Group"])
    }

    @Test func groupByPropertyIgnoresCaseByDefault() throws {
        #expect(try outputStrings("\(Self.people); ($p | Group-Object Age | % Count)") == ["2", "2"])
        #expect(try outputStrings("('a', 'A', 'b' | Group-Object).Count") == ["2"])
        #expect(try outputStrings("('a', 'A', 'b' | Group-Object -CaseSensitive).Count") == ["3"])
    }

    @Test func groupMixedTypesKeepsFirstAppearance() throws {
        #expect(try outputStrings("(2, 'x', 1, 2 | Group-Object).Name") == ["2", "x", "1"])
    }

    @Test func groupNoElementAndHashtable() throws {
        #expect(try outputStrings("$null -eq ('a', 'a' | Group-Object -NoElement)[0].Group") == ["True"])
        #expect(try outputStrings("\(Self.people); $h = $p | Group-Object Age -AsHashTable; $h[30].Count; $h[25][0].Name") == ["2", "Ann"])
        #expect(try outputStrings("\(Self.people); $h = $p | Group-Object Age -AsHashTable -AsString; $h['30'].Count") == ["2"])
        #expect(try outputStrings("@() | Group-Object").isEmpty)
    }

    @Test func groupByTwoProperties() throws {
        let script = "$o = [pscustomobject]@{A=1; B='x'}, [pscustomobject]@{A=1; B='y'}, [pscustomobject]@{A=1; B='x'}; ($o | Group-Object A, B).Name"
        #expect(try outputStrings(script) == ["1, x", "1, y"])
    }

    @Test func getUniqueRemovesConsecutiveDuplicates() throws {
        #expect(try outputStrings("1, 1, 2, 2, 1 | Get-Unique") == ["1", "2", "1"])
        #expect(try outputStrings("'b', 'a', 'b' | Sort-Object | gu") == ["a", "b"])
        #expect(try outputStrings("1, 'a', 2, 3.5 | Get-Unique -OnType") == ["1", "a", "2", "3.5"])
        #expect(try outputStrings("'a', 'A' | Get-Unique -AsString") == ["a", "A"])
        #expect(try outputStrings("'a', 'A' | Get-Unique -AsString -CaseInsensitive") == ["a"])
    }
}
