import Foundation
import PSRuntime
import Testing

@Suite("Utility: Tee-Object, Compare-Object, Add-Member, New-Object")
struct UtilityObjectTests {
    @Test func teeToVariablePassesObjectsOn() throws {
        #expect(try outputStrings("1..3 | Tee-Object -Variable seen | % { $_ * 10 }; $seen.Count; $seen[2]") == ["10", "20", "30", "3", "3"])
    }

    @Test func teeToFileWritesAndAppends() throws {
        let path = NSTemporaryDirectory() + "pcsh-tee-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try outputStrings("'a', 'b' | Tee-Object -FilePath '\(path)'") == ["a", "b"])
        _ = try outputStrings("'c' | Tee-Object -FilePath '\(path)' -Append")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("a") && text.contains("b") && text.contains("c"))
        #expect(text.range(of: "a")!.lowerBound < text.range(of: "c")!.lowerBound)
    }

    @Test func teeToMissingFolderIsAnError() throws {
        let lines = try outputStrings("1 | Tee-Object -FilePath '/nonexistent-pcsh/x/y.txt'; $Error[0].FullyQualifiedErrorId")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("FileOpenFailure") == true)
    }

    @Test func compareObjectIndicators() throws {
        let lines = try outputStrings("Compare-Object 1, 2, 3 2, 3, 4 | % { \"$($_.InputObject)$($_.SideIndicator)\" }")
        #expect(lines == ["4=>", "1<="])
        let equal = try outputStrings("Compare-Object 'a', 'b' 'B', 'c' -IncludeEqual | % { \"$($_.InputObject)$($_.SideIndicator)\" }")
        #expect(equal == ["b==", "c=>", "a<="])
        #expect(try outputStrings("(Compare-Object 'a' 'A' -CaseSensitive).Count") == ["2"])
        #expect(try outputStrings("(Compare-Object 1, 2 1, 2 -ExcludeDifferent -IncludeEqual).SideIndicator") == ["==", "=="])
        #expect(try outputStrings("@(Compare-Object 1, 2 2, 1).Count") == ["0"])
    }

    @Test func compareObjectFromPipelineAndByProperty() throws {
        #expect(try outputStrings("(2, 3 | Compare-Object -ReferenceObject 1, 2).SideIndicator") == ["=>", "<="])
        let script = "$a = [pscustomobject]@{N='x'; V=1}; $b = [pscustomobject]@{N='x'; V=2}; $r = Compare-Object $a $b -Property N -IncludeEqual; $r.N; $r.SideIndicator"
        #expect(try outputStrings(script) == ["x", "=="])
    }

    @Test func compareObjectPassThru() throws {
        #expect(try outputStrings("$r = Compare-Object 1 2 -PassThru; $r[0].SideIndicator; $r[0] + 0") == ["=>", "2"])
    }

    @Test func addMemberNoteProperty() throws {
        #expect(try outputStrings("$o = [pscustomobject]@{A=1}; $o | Add-Member -NotePropertyName B -NotePropertyValue 2; $o.B") == ["2"])
        #expect(try outputStrings("$o = [pscustomobject]@{}; Add-Member -InputObject $o -MemberType NoteProperty -Name X -Value 5; $o.X") == ["5"])
        #expect(try outputStrings("$o = [pscustomobject]@{}; $o | Add-Member NoteProperty Y 7; $o.Y") == ["7"])
        #expect(try outputStrings("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers @{P=1; Q=2}; $o.P + $o.Q") == ["3"])
    }

    @Test func addMemberScriptMembers() throws {
        let script = """
            $o = [pscustomobject]@{Size=4}
            $o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.Size * 2 }
            $o | Add-Member -MemberType ScriptMethod -Name Times -Value { param($n) $this.Size * $n }
            $o | Add-Member -MemberType AliasProperty -Name Length -Value Size
            $o.Double; $o.Times(3); $o.Length
            """
        #expect(try outputStrings(script) == ["8", "12", "4"])
    }

    @Test func addMemberExistingNeedsForce() throws {
        let script = "$o = [pscustomobject]@{A=1}; $o | Add-Member A 2 -ErrorAction SilentlyContinue; $o.A; $Error[0].FullyQualifiedErrorId; $o | Add-Member A 3 -Force; $o.A"
        let lines = try outputStrings(script)
        #expect(lines.count == 3)
        #expect(lines.first == "1")
        #expect(lines.dropFirst().first?.hasPrefix("MemberAlreadyExists") == true)
        #expect(lines.last == "3")
    }

    @Test func addMemberOnValueNeedsPassThru() throws {
        #expect(try outputStrings("$s = 'text' | Add-Member -NotePropertyName Source -NotePropertyValue 'file' -PassThru; $s.Source; $s.ToUpper()") == ["file", "TEXT"])
        #expect(try outputStrings("@('text' | Add-Member -NotePropertyName S -NotePropertyValue 1).Count") == ["0"])
        #expect(try outputStrings("$o = [pscustomobject]@{} | Add-Member -TypeName My.Type -PassThru; $o.pstypenames[0]") == ["My.Type"])
    }

    @Test func newObjectCustomObjects() throws {
        #expect(try outputStrings("$o = New-Object PSObject -Property @{Name='x'; Size=3}; $o.Name; $o.Size") == ["x", "3"])
        #expect(try outputStrings("(New-Object PSCustomObject).pstypenames[0]") == ["System.Management.Automation.PSCustomObject"])
    }

    @Test func newObjectCollections() throws {
        #expect(try outputStrings("$l = New-Object System.Collections.ArrayList; [void]$l.Add(1); [void]$l.Add(2); $l.Count") == ["2"])
        #expect(try outputStrings("$l = New-Object 'System.Collections.Generic.List[string]'; $l.Add('a'); $l.Count") == ["1"])
        #expect(try outputStrings("$h = New-Object Hashtable; $h['k'] = 1; $h.Count") == ["1"])
    }

    @Test func newObjectUnknownTypeIsAnError() throws {
        let id = try outputStrings("try { New-Object No.Such.Type } catch { $_.FullyQualifiedErrorId }").first
        #expect(id?.hasPrefix("TypeNotFound") == true)
    }

    @Test func objectsThatContainThemselvesStillHaveAStringForm() throws {
        let text = try outputStrings("""
            $o = [pscustomobject]@{ a = 1 }
            $o | Add-Member -NotePropertyName self -NotePropertyValue $o
            "$o"
            """)
        #expect(text.count == 1)
        #expect(text.first?.hasPrefix("@{a=1; self=@{a=1; self=") == true)
        #expect(text.first?.contains("@{…}") == true)
    }
}
