import Foundation
import PSRuntime
import Testing

/// Script-level tests of the file-system cmdlets, each in its own temporary directory.
@Suite("File-system cmdlets")
struct FileSystemTests {
    private func strings(_ script: String) throws -> [String] { try outputStrings(script) }

    @Test func getContentReadsLines() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt", "one\ntwo\r\nthree\n")
        #expect(try strings("Get-Content '\(dir.path)/a.txt'") == ["one", "two", "three"])
        #expect(try strings("Get-Content '\(dir.path)/a.txt' -TotalCount 2") == ["one", "two"])
        #expect(try strings("Get-Content '\(dir.path)/a.txt' -Tail 1") == ["three"])
        #expect(try strings("(Get-Content '\(dir.path)/a.txt' -Raw).Length") == ["15"])
        #expect(try strings("cat '\(dir.path)/a.txt' -First 1") == ["one"])
    }

    @Test func getContentMissingFileError() throws {
        let result = try strings("try { Get-Content /nope/missing.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.Exception.Message }")
        #expect(result == ["PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand", "ObjectNotFound",
                           "Cannot find path '/nope/missing.txt' because it does not exist."])
    }

    @Test func setAndAddContent() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        _ = try runScript("Set-Content '\(dir.path)/x.txt' -Value 'a', 'b'; 1..2 | Add-Content '\(dir.path)/x.txt'")
        #expect(dir.read("x.txt") == "a\nb\n1\n2\n")
        _ = try runScript("Set-Content '\(dir.path)/y.txt' -Value 'p', 'q' -NoNewline")
        #expect(dir.read("y.txt") == "pq")
        _ = try runScript("'new' | Set-Content '\(dir.path)/x.txt'")
        #expect(dir.read("x.txt") == "new\n")
    }

    @Test func whatIfChangesNothing() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("keep.txt", "data")
        let (_, host) = try runScript("""
            Remove-Item '\(dir.path)/keep.txt' -WhatIf
            Set-Content '\(dir.path)/keep.txt' -Value 'changed' -WhatIf
            New-Item '\(dir.path)/new.txt' -WhatIf
            Copy-Item '\(dir.path)/keep.txt' '\(dir.path)/copy.txt' -WhatIf
            Move-Item '\(dir.path)/keep.txt' '\(dir.path)/moved.txt' -WhatIf
            """)
        #expect(dir.read("keep.txt") == "data")
        #expect(!dir.exists("new.txt") && !dir.exists("copy.txt") && !dir.exists("moved.txt"))
        #expect(host.output.contains("What if: Performing the operation \"Remove File\" on target \"\(dir.path)/keep.txt\"."))
        #expect(host.output.contains("Copy File"))
    }

    @Test func newItemFilesAndDirectories() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        #expect(try strings("(New-Item '\(dir.path)/f.txt' -Value 'hi').Name") == ["f.txt"])
        #expect(dir.read("f.txt") == "hi")
        #expect(try strings("(New-Item -ItemType Directory '\(dir.path)/d/e').FullName") == ["\(dir.path)/d/e"])
        #expect(try strings("(New-Item -Path '\(dir.path)' -Name g.txt -ItemType File).Length") == ["0"])
        let fileExists = try strings("try { New-Item '\(dir.path)/f.txt' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(fileExists == ["NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"])
        let dirExists = try strings("try { New-Item -Type Directory '\(dir.path)/d' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(dirExists == ["DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand"])
        _ = try runScript("New-Item '\(dir.path)/f.txt' -Value 'again' -Force")
        #expect(dir.read("f.txt") == "again")
    }

    @Test func childItemsWildcardsAndRecursion() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("b.txt")
        try dir.file("a.txt")
        try dir.file("c.log")
        try dir.file(".secret")
        try dir.file("sub/deep.txt")
        #expect(try strings("Get-ChildItem '\(dir.path)' -Name") == ["sub", "a.txt", "b.txt", "c.log"])
        #expect(try strings("Get-ChildItem '\(dir.path)' -Name -Force").contains(".secret"))
        #expect(try strings("(Get-ChildItem '\(dir.path)/*.txt').Name") == ["a.txt", "b.txt"])
        #expect(try strings("Get-ChildItem '\(dir.path)' -Filter *.txt -Recurse -Name") == ["a.txt", "b.txt", "sub/deep.txt"])
        #expect(try strings("Get-ChildItem '\(dir.path)' -File -Name") == ["a.txt", "b.txt", "c.log"])
        #expect(try strings("Get-ChildItem '\(dir.path)' -Directory -Name") == ["sub"])
        #expect(try strings("Get-ChildItem '\(dir.path)' -Exclude *.txt -Name") == ["sub", "c.log"])
        #expect(try strings("(Get-ChildItem '\(dir.path)/a.txt').PSIsContainer") == ["False"])
    }

    @Test func testPathAndResolvePath() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("a.txt")
        try dir.directory("d")
        #expect(try strings("Test-Path '\(dir.path)/a.txt'") == ["True"])
        #expect(try strings("Test-Path '\(dir.path)/nope'") == ["False"])
        #expect(try strings("Test-Path '\(dir.path)/d' -PathType Leaf") == ["False"])
        #expect(try strings("Test-Path '\(dir.path)/d' -PathType Container") == ["True"])
        #expect(try strings("Test-Path '\(dir.path)/*.txt'") == ["True"])
        #expect(try strings("(Resolve-Path '\(dir.path)/*.txt').Path") == ["\(dir.path)/a.txt"])
        let missing = try strings("try { Resolve-Path '\(dir.path)/zz' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(missing == ["PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand"])
    }

    @Test func joinAndSplitPath() throws {
        #expect(try strings("Join-Path /usr local bin") == ["/usr/local/bin"])
        #expect(try strings("Join-Path 'a/' '/b'") == ["a/b"])
        #expect(try strings("Split-Path /a/b/c.txt") == ["/a/b"])
        #expect(try strings("Split-Path /a/b/c.txt -Leaf") == ["c.txt"])
        #expect(try strings("Split-Path /a/b/c.txt -LeafBase") == ["c"])
        #expect(try strings("Split-Path /a/b/c.txt -Extension") == [".txt"])
        #expect(try strings("Split-Path /a/b -IsAbsolute") == ["True"])
    }

    @Test func copyMoveRenameRemove() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("src/one.txt", "1")
        try dir.file("src/inner/two.txt", "2")
        _ = try runScript("Copy-Item '\(dir.path)/src' '\(dir.path)/dst' -Recurse")
        #expect(dir.read("dst/inner/two.txt") == "2")
        _ = try runScript("Copy-Item '\(dir.path)/src/one.txt' '\(dir.path)/dst/inner'")
        #expect(dir.read("dst/inner/one.txt") == "1")
        _ = try runScript("Move-Item '\(dir.path)/dst/one.txt' '\(dir.path)/moved.txt'")
        #expect(dir.exists("moved.txt") && !dir.exists("dst/one.txt"))
        _ = try runScript("Rename-Item '\(dir.path)/moved.txt' renamed.txt")
        #expect(dir.exists("renamed.txt"))
        let notEmpty = try strings("try { Remove-Item '\(dir.path)/dst' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(notEmpty == ["DirectoryNotEmpty,Microsoft.PowerShell.Commands.RemoveItemCommand"])
        _ = try runScript("Remove-Item '\(dir.path)/dst' -Recurse; Remove-Item '\(dir.path)/*.txt'")
        #expect(!dir.exists("dst") && !dir.exists("renamed.txt"))
    }

    @Test func pipelineFromGetChildItemToContent() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("x[1].txt", "bracket")
        #expect(try strings("Get-ChildItem '\(dir.path)' | Get-Content") == ["bracket"])
        #expect(try strings("Get-Content -LiteralPath '\(dir.path)/x[1].txt'") == ["bracket"])
    }

    @Test func locationCommands() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.directory("sub")
        let original = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(original) }
        // The process directory follows Set-Location; each script moves back at its end so that
        // tests running in parallel are not left in a directory that is about to be deleted.
        let result = try strings("Set-Location '\(dir.path)'; (Get-Location).Path; cd sub; (Get-Location).Path; cd -; (Get-Location).Path; Set-Location '\(original)'")
        #expect(result == [dir.path, dir.path + "/sub", dir.path])
        let missing = try strings("try { Set-Location '\(dir.path)/nope' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
        #expect(missing == ["PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"])
    }

    @Test func relativePathsUseSessionLocation() throws {
        let dir = try FileSystemTestDirectory()
        defer { dir.remove() }
        try dir.file("rel.txt", "relative")
        let original = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(original) }
        #expect(try strings("Set-Location '\(dir.path)'; Get-Content ./rel.txt; Test-Path rel.txt; Set-Location '\(original)'")
                == ["relative", "True"])
    }
}
