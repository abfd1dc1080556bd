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
        #expect(Self.complete(engine, "$myOther.Le").candidates == ["Length"])
        #expect(Self.complete(engine, "$missing.Le").candidates.isEmpty)
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

    @Test func libeditGlueFitsCandidatesToItsWord() {
        let line = Array("$x.Na".utf8)
        #expect(EditLineReader.fitted("Name", from: 3, to: 0, in: line) == "$x.Name")
        #expect(EditLineReader.fitted("'my file'", from: 0, to: 4, in: Array("'my fi".utf8)) == "file'")
        #expect(EditLineReader.fitted("other", from: 0, to: 3, in: Array("abcde".utf8)) == nil)
        #expect(EditLineReader.commonPrefix(["Get-ChildItem", "get-Command"], atLeast: "get-c") == "Get-C")
        #expect(EditLineReader.commonPrefix(["Alpha", "beta"], atLeast: "") == "")
    }

    @Test func historyLivesInThePcshHome() {
        #expect(HistoryFile.path(environment: ["PCSH_HOME": "/tmp/ph", "HOME": "/home/u"]) == "/tmp/ph/history")
        #expect(HistoryFile.path(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/pcsh/history")
    }
}
