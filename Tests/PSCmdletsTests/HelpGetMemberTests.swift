import PSCmdlets
import PSRuntime
import Testing

@Suite("Get-Member")
struct HelpGetMemberTests {
    /// `Name|MemberType|Definition` per member.
    private func members(_ script: String) throws -> [String] {
        try outputStrings("\(script) | ForEach-Object { $_.Name + '|' + $_.MemberType + '|' + $_.Definition }")
    }

    @Test func customObjectMembers() throws {
        let rows = try members("[pscustomobject]@{a = 1; b = 'x'} | Get-Member")
        #expect(rows == [
            "Equals|Method|bool Equals(System.Object obj)",
            "GetHashCode|Method|int GetHashCode()",
            "GetType|Method|type GetType()",
            "ToString|Method|string ToString()",
            "a|NoteProperty|int a=1",
            "b|NoteProperty|string b=x",
        ])
        let typeNames = try outputStrings("[pscustomobject]@{a = 1} | Get-Member | ForEach-Object TypeName")
        #expect(Set(typeNames) == ["System.Management.Automation.PSCustomObject"])
    }

    @Test func stringMembers() throws {
        let rows = try members("'text' | Get-Member")
        #expect(rows.contains("Length|Property|int Length {get;}"))
        #expect(rows.contains("Chars|ParameterizedProperty|char Chars(int index) {get;}"))
        #expect(rows.contains { $0.hasPrefix("ToUpper|Method|string ToUpper()") })
        // Sorted by member type, then name: methods, then the parameterized property, then Length.
        #expect(rows.last == "Length|Property|int Length {get;}")
        #expect(rows.first?.hasPrefix("Clone|Method|") == true)
    }

    @Test func pipedArrayDescribesElementTypesOnce() throws {
        let types = try outputStrings("1, 'a', 2, 'b' | Get-Member | ForEach-Object TypeName | Select-Object -Unique")
        #expect(types == ["System.Int32", "System.String"])
    }

    @Test func inputObjectDescribesTheArrayItself() throws {
        let rows = try members("Get-Member -InputObject @(1, 2) -MemberType Property")
        #expect(rows.contains("Length|Property|int Length {get;}"))
        #expect(rows.contains("Count|Property|int Count {get;}"))
        let type = try outputStrings("Get-Member -InputObject @(1, 2) -Name Length | ForEach-Object TypeName")
        #expect(type == ["System.Object[]"])
    }

    @Test func hashtableMembers() throws {
        let rows = try members("@{a = 1} | Get-Member")
        #expect(rows.contains("Keys|Property|System.Collections.ICollection Keys {get;}"))
        #expect(rows.contains("ContainsKey|Method|bool ContainsKey(System.Object key)"))
        #expect(rows.contains("Count|Property|int Count {get;}"))
    }

    @Test func dateMembers() throws {
        let rows = try members("Get-Date | Get-Member -Name Day*, AddDays, DisplayHint")
        #expect(rows.contains("Day|Property|int Day {get;}"))
        #expect(rows.contains("AddDays|Method|datetime AddDays(double value)"))
        #expect(rows.contains("DisplayHint|NoteProperty|DisplayHintType DisplayHint=DateTime"))
    }

    @Test func memberTypeAndNameFilters() throws {
        let props = try outputStrings("[pscustomobject]@{a = 1; b = 2} | Get-Member -MemberType NoteProperty | ForEach-Object Name")
        #expect(props == ["a", "b"])
        let methods = try outputStrings("'x' | Get-Member -MemberType Method -Name To* | ForEach-Object Name")
        #expect(methods.contains("ToUpper") && methods.allSatisfy { $0.hasPrefix("To") })
        let all = try outputStrings("'x' | gm -MemberType Properties | ForEach-Object Name")
        #expect(all == ["Chars", "Length"])
    }

    @Test func staticAndForce() throws {
        let statics = try members("'x' | Get-Member -Static -Name Join")
        #expect(statics.first?.hasPrefix("Join|Method|static string Join(") == true)
        let fromType = try outputStrings("[datetime] | Get-Member -Static -Name Now | ForEach-Object { $_.TypeName + ' ' + $_.Name }")
        #expect(fromType == ["System.DateTime Now"])
        let hidden = try outputStrings("'x' | Get-Member -Force -Name psobject | ForEach-Object MemberType")
        #expect(hidden == ["MemberSet"])
        let plain = try outputStrings("'x' | Get-Member -Name psobject")
        #expect(plain.isEmpty)
    }

    @Test func noInputIsAnError() throws {
        let ids = try outputStrings("Get-Member -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object FullyQualifiedErrorId")
        #expect(ids == ["NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"])
    }
}
