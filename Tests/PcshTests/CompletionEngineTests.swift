import Foundation
import PSCmdlets
import PSLanguage
import PSRuntime
import Testing
@testable import PSHost

/// Tab completion without a terminal: each kind of candidate the engine offers.
@Suite struct CompletionEngineTests {
    /// A session with a function, some variables and a scratch folder as the current location.
    private static func makeEngine(setup: String = "") throws -> (CompletionEngine, URL) {
        let context = BuiltinCmdlets.makeSession(host: ConsoleHostUI(interactive: false))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alps"), withIntermediateDirectories: true)
        for name in ["alpha.txt", "my file.txt", ".hidden", "alps/inner.ps1"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        context.location = folder.path
        let script = """
            function Invoke-MyThing {
                [CmdletBinding(SupportsShouldProcess)]
                param([Alias('al')]$Alpha, [ValidateSet('Red', 'Green')][string]$Color)
            }
            function Plain-Thing($First, $Second) {}
            $myVariable = 1
            $myOther = 'abc'
            $record = [pscustomobject]@{ Name = 'x'; Size = 2 }
            \(setup)
            """
        let parsed = Parser.parse(script)
        #expect(parsed.errors.isEmpty)
        try context.invokeScriptBlock(ScriptBlock(ast: parsed.ast), dollarUnder: nil, arguments: [], newScope: false) { _ in }
        return (CompletionEngine(context: context), folder)
    }

    private static func complete(_ engine: CompletionEngine, _ line: String) -> CompletionResult {
        engine.complete(line: line, cursor: line.utf8.count)
    }

    @Test func commandNamesAtCommandPositionIgnoreCase() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.complete(engine, "get-childi")
        #expect(result.replacementStart == 0)
        #expect(result.candidates == ["Get-ChildItem"])
        #expect(Self.complete(engine, "Invoke-My").candidates == ["Invoke-MyThing"])
        let afterPipe = Self.complete(engine, "Get-ChildItem | Select-Obj")
        #expect(afterPipe.candidates == ["Select-Object"])
        #expect(afterPipe.replacementStart == "Get-ChildItem | ".utf8.count)
        // Aliases are commands too.
        #expect(Self.complete(engine, "gc").candidates.contains("gci"))
    }

    @Test func cmdletParametersIncludeCommonAndShouldProcess() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.complete(engine, "Get-ChildItem -rec").candidates == ["-Recurse"])
        #expect(Self.complete(engine, "Get-ChildItem -ErrorA").candidates == ["-ErrorAction"])
        #expect(Self.complete(engine, "Get-ChildItem -WhatI").candidates.isEmpty)
        #expect(Self.complete(engine, "Remove-Item -WhatI").candidates == ["-WhatIf"])
        let result = Self.complete(engine, "Get-ChildItem . -Fil")
        #expect(result.replacementStart == "Get-ChildItem . ".utf8.count)
        #expect(result.candidates.contains("-Filter") && result.candidates.contains("-File"))
    }

    @Test func functionParametersComeFromTheParamBlock() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.complete(engine, "Invoke-MyThing -Al").candidates == ["-Alpha"])
        #expect(Self.complete(engine, "Invoke-MyThing -Conf").candidates == ["-Confirm"])
        #expect(Self.complete(engine, "Plain-Thing -").candidates == ["-First", "-Second"])
    }

    @Test func parameterValuesFromEnumsAndValidateSet() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.complete(engine, "Invoke-MyThing -Color ").candidates == ["Red", "Green"])
        #expect(Self.complete(engine, "Invoke-MyThing -Color g").candidates == ["Green"])
        #expect(Self.complete(engine, "New-Item x -ItemType d").candidates == ["Directory"])
        let action = Self.complete(engine, "Get-ChildItem -ErrorAction s").candidates
        #expect(action.contains("SilentlyContinue") && action.contains("Stop"))
    }

    @Test func variableNamesAfterDollar() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.complete(engine, "Write-Output $MYV")
        #expect(result.candidates == ["$myVariable"])
        #expect(result.replacementStart == "Write-Output ".utf8.count)
        #expect(Self.complete(engine, "$my").candidates == ["$myOther", "$myVariable"])
        #expect(Self.complete(engine, "$env:PAT").candidates.contains("$env:PATH"))
    }

    @Test func memberNamesAfterDotOnAVariable() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.complete(engine, "$record.na")
        #expect(result.candidates == ["Name"])
        #expect(result.replacementStart == "$record.".utf8.count)
        #expect(!result.appendsSpace)
        #expect(Self.complete(engine, "$myOther.Le").candidates == ["Length"])
        #expect(Self.complete(engine, "$missing.Le").candidates.isEmpty)
    }

    @Test func variablesCompleteWithoutATrailingSpace() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Self.complete(engine, "$myVa")
        #expect(result.candidates == ["$myVariable"])
        #expect(result.items == [CompletionItem(text: "$myVariable", kind: .variable)])
        #expect(!result.appendsSpace)
        // Commands, parameters and files still end the word with a space; folders do not.
        #expect(Self.complete(engine, "Get-ChildI").appendsSpace)
        #expect(Self.complete(engine, "Get-ChildItem -Rec").appendsSpace)
        #expect(Self.complete(engine, "Get-Content alph").appendsSpace)
        let folderResult = Self.complete(engine, "Get-Content alps")
        #expect(folderResult.candidates == ["alps/"])
        #expect(!folderResult.appendsSpace)
    }

    @Test func membersAfterAnIndexAPropertyOrACommandCall() throws {
        let setup = """
            $pools = @([pscustomobject]@{ Fqdn = 'pool01.lab'; Site = 'Lab' }, [pscustomobject]@{ Fqdn = 'pool02.lab'; Site = 'Lab' })
            $h = @{ Alpha = 1; 'two words' = 2 }
            """
        let (engine, folder) = try Self.makeEngine(setup: setup)
        defer { try? FileManager.default.removeItem(at: folder) }
        let indexed = Self.complete(engine, "$pools[0].")
        #expect(indexed.replacementStart == "$pools[0].".utf8.count)
        // Note properties first, then methods with `(`, as pwsh orders and writes them.
        #expect(indexed.candidates.prefix(2) == ["Fqdn", "Site"])
        #expect(indexed.candidates.contains("ToString("))
        #expect(indexed.items.first { $0.text == "ToString(" }?.kind == .method)
        #expect(Self.complete(engine, "$pools[-1].Fq").candidates == ["Fqdn"])
        // A property's value, then a string's members.
        #expect(Self.complete(engine, "$record.Name.ToUp").candidates == ["ToUpper(", "ToUpperInvariant("])
        #expect(Self.complete(engine, "$record.Name.Len").candidates == ["Length"])
        // Hashtable keys after its members; a key that is not a plain name is quoted.
        let table = Self.complete(engine, "$h.")
        #expect(table.candidates.contains("Keys") && table.candidates.contains("ContainsKey("))
        #expect(table.candidates.suffix(2) == ["Alpha", "'two words'"])
        #expect(Self.complete(engine, "$h.Keys.Cou").candidates == ["Count"])
        // An array has the intrinsic ForEach/Where methods.
        #expect(Self.complete(engine, "$pools.Whe").candidates == ["Where("])
        // A read-only cmdlet in parentheses runs to find the members; after a pipe too.
        let call = Self.complete(engine, "Write-Output (Get-Item ./alps).Na")
        #expect(call.candidates == ["Name"])
        #expect(call.replacementStart == "Write-Output (Get-Item ./alps).".utf8.count)
        #expect(Self.complete(engine, "(Get-ChildItem -Filter *.txt)[0].Exten").candidates == ["Extension"])
        #expect(Self.complete(engine, "(Get-ChildItem | Select-Object -First 1).Full").candidates == ["FullName"])
    }

    @Test func membersNeverRunCommandsWithSideEffectsOrMethods() throws {
        let setup = """
            function Get-Danger { $global:dangerRan = $true; 'x' }
            $obj = [pscustomobject]@{ Size = 1 }
            $obj | Add-Member -MemberType ScriptMethod -Name Touch -Value { $global:touched = $true; 'abc' }
            """
        let (engine, folder) = try Self.makeEngine(setup: setup)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.complete(engine, "(New-Item ./created.txt).Na").candidates.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("created.txt").path))
        // A function named like a getter may do anything: not run.
        #expect(Self.complete(engine, "(Get-Danger).Len").candidates.isEmpty)
        #expect(engine.context.lookupVariable("dangerRan") == nil)
        // Method calls are never made.
        #expect(Self.complete(engine, "$obj.Touch().Len").candidates.isEmpty)
        #expect(engine.context.lookupVariable("touched") == nil)
        #expect(Self.complete(engine, "$obj.Tou").candidates == ["Touch("])
        // An index that is not a constant is not evaluated.
        #expect(Self.complete(engine, "$pools[$i].Fq").candidates.isEmpty)
        // Errors while evaluating are neither shown nor recorded.
        let errors = engine.context.errorList.items.count
        #expect(Self.complete(engine, "(Get-Item ./no-such-item).Na").candidates.isEmpty)
        #expect(engine.context.errorList.items.count == errors)
        // A dot inside a path is not member access.
        #expect(Self.complete(engine, "Get-Content alpha.t").candidates == ["alpha.txt"])
    }

    @Test func scriptParametersComeFromItsParamBlock() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            [CmdletBinding(SupportsShouldProcess)]
            param([Parameter(Mandatory)][string]$PoolFqdn, [ValidateSet('Full', 'Partial')]$Level, [switch]$LeaveData)
            $global:scriptRan = $true
            """
        try script.write(to: folder.appendingPathComponent("decom.ps1"), atomically: true, encoding: .utf8)
        try "param($Name, $Count)\n$global:scriptRan = $true".write(to: folder.appendingPathComponent("plain.ps1"),
                                                                   atomically: true, encoding: .utf8)
        let result = Self.complete(engine, "./decom.ps1 -L")
        #expect(result.candidates == ["-Level", "-LeaveData"])
        #expect(result.replacementStart == "./decom.ps1 ".utf8.count)
        #expect(Self.complete(engine, "./decom.ps1 -P").candidates == ["-PoolFqdn", "-PipelineVariable", "-ProgressAction"])
        #expect(Self.complete(engine, "& ./decom.ps1 -Wh").candidates == ["-WhatIf"])
        #expect(Self.complete(engine, "./decom.ps1 -Level p").candidates == ["Partial"])
        #expect(Self.complete(engine, "./decom.ps1 -LeaveD").appendsSpace)
        // Without [CmdletBinding()] or [Parameter()] there are no common parameters.
        #expect(Self.complete(engine, "& ./plain.ps1 -").candidates == ["-Name", "-Count"])
        #expect(engine.context.lookupVariable("scriptRan") == nil)
    }

    @Test func typeNamesAfterABracket() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ints = Self.complete(engine, "[int")
        #expect(ints.candidates == ["int", "int16", "int32", "int64"])
        #expect(ints.replacementStart == 1)
        let custom = Self.complete(engine, "$o = [pscu")
        #expect(custom.candidates == ["pscustomobject"])
        #expect(custom.items[0].kind == .type)
        #expect(!custom.appendsSpace)
        // Namespaces one level at a time; the typed number of dots decides the level.
        #expect(Self.complete(engine, "[Sys").candidates.contains("System"))
        let collections = Self.complete(engine, "[System.Coll")
        #expect(collections.items == [CompletionItem(text: "System.Collections", kind: .namespace)])
        #expect(!collections.appendsSpace)
        let inside = Self.complete(engine, "[System.Collections.")
        #expect(inside.candidates.contains("System.Collections.Hashtable"))
        #expect(inside.candidates.contains("System.Collections.Generic"))
        // A short name completes to the full name; after `-is` too.
        #expect(Self.complete(engine, "$x -is [ArrayLis").candidates == ["System.Collections.ArrayList"])
        // An index is not a type.
        #expect(Self.complete(engine, "$myOther[in").candidates.isEmpty)
    }

    @Test func filePathsRelativeToTheLocation() throws {
        let (engine, folder) = try Self.makeEngine()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.complete(engine, "Get-Content AL").candidates == ["alpha.txt", "alps/"])
        #expect(Self.complete(engine, "Get-Content alps/").candidates == ["alps/inner.ps1"])
        #expect(Self.complete(engine, "Get-Content my").candidates == ["'my file.txt'"])
        #expect(Self.complete(engine, "Get-Content .h").candidates == [".hidden"])
        #expect(!Self.complete(engine, "Get-Content ").candidates.contains(".hidden"))
        #expect(Self.complete(engine, "Get-Content \(folder.path)/alph").candidates == ["\(folder.path)/alpha.txt"])
        // A path at command position (a script to run).
        #expect(Self.complete(engine, "./alps/in").candidates == ["./alps/inner.ps1"])
    }

    @Test func libeditListsCandidatesFromWhereTheyStart() {
        // After `$x.` the list starts at the member; `$` is not a word break, so no extra break is needed.
        #expect(EditLineReader.listingBreak(replacementStart: 3, line: Array("$x.Na".utf8), region: Array("Na".utf8)) == ".")
        #expect(EditLineReader.listingBreak(replacementStart: 1, line: Array("[Sys".utf8), region: Array("System".utf8)) == "[")
        #expect(EditLineReader.listingBreak(replacementStart: 0, line: Array("$my".utf8), region: Array("$my".utf8)) == nil)
        #expect(EditLineReader.listingBreak(replacementStart: 3, line: Array("gc $my".utf8), region: Array("$my".utf8)) == nil)
        // The break character inside the region would cut the word short: no extra break.
        #expect(EditLineReader.listingBreak(replacementStart: 2, line: Array("x.a.b".utf8), region: Array("a.b".utf8)) == nil)
    }

    @Test func libeditGlueFitsCandidatesToItsWord() {
        let line = Array("$x.Na".utf8)
        #expect(EditLineReader.fitted("Name", from: 3, to: 0, in: line) == "$x.Name")
        #expect(EditLineReader.fitted("'my file'", from: 0, to: 4, in: Array("'my fi".utf8)) == "file'")
        #expect(EditLineReader.fitted("other", from: 0, to: 3, in: Array("abcde".utf8)) == nil)
        #expect(EditLineReader.commonPrefix(["Get-ChildItem", "get-Command"], atLeast: "get-c") == "Get-C")
        #expect(EditLineReader.commonPrefix(["Alpha", "beta"], atLeast: "") == "")
    }

    @Test func historyLivesInTheUsersOwnStateFolder() {
        #expect(HistoryFile.path(environment: ["PCSH_HOME": "/tmp/ph", "HOME": "/home/u"]) == "/home/u/.local/state/pcsh/history")
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/tmp/st", "HOME": "/home/u"]) == "/tmp/st/pcsh/history")
        #expect(HistoryFile.path(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/pcsh/history")
    }
}
