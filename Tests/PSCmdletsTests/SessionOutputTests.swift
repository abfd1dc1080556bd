import Foundation
import Testing
import PSRuntime

@Suite struct SessionOutputTests {
    @Test func outStringFormatsLikeTheHost() throws {
        #expect(try outputStrings("[pscustomobject]@{a=1} | Out-String") == ["\na\n-\n1\n\n"])
        #expect(try outputStrings("'x', 'y' | Out-String") == ["x\ny\n"])
        #expect(try outputStrings("Out-String -InputObject 5") == ["5\n"])
    }

    @Test func outStringStreamOutputsLines() throws {
        #expect(try outputStrings("1, 2 | Out-String -Stream") == ["1", "2"])
        #expect(try outputStrings("[pscustomobject]@{a=1} | Out-String -Stream") == ["", "a", "-", "1", ""])
    }

    @Test func outStringWidthCutsTables() throws {
        let text = try outputStrings("[pscustomobject]@{Name='short'; Description='a long description text here'} | Out-String -Width 20")
        #expect(text == ["\nName  Description\n----  -----------\nshort a long descri…\n\n"])
    }

    @Test func outNullDiscards() throws {
        #expect(try runScript("1, 2 | Out-Null").values.isEmpty)
    }

    @Test func outDefaultWritesToTheHost() throws {
        let (values, host) = try runScript("'hello' | Out-Default; [pscustomobject]@{k='v'} | Out-Host")
        #expect(values.isEmpty)
        #expect(host.output.hasPrefix("hello\n\nk\n-\nv\n\n"))
    }

    @Test func outFileWritesAppendsAndRefusesToClobber() throws {
        let path = NSTemporaryDirectory() + "pcsh-outfile-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try runScript("'a', 'b' | Out-File '\(path)'")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\n")
        _ = try runScript("'c' | Out-File -FilePath '\(path)' -Append")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\nc\n")
        _ = try runScript("'x', 'y' | Out-File '\(path)' -NoNewline")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "xy")
        #expect(try outputStrings("try { 'z' | Out-File '\(path)' -NoClobber } catch { $_.FullyQualifiedErrorId }")
            == ["NoClobber,Microsoft.PowerShell.Commands.OutFileCommand"])
        #expect(try outputStrings("try { 'z' | Out-File '/nonexistent-dir-pcsh/f.txt' } catch { $_.FullyQualifiedErrorId }")
            == ["FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand"])
    }

    @Test func outFileWhatIfWritesNothing() throws {
        let path = NSTemporaryDirectory() + "pcsh-outfile-\(UUID().uuidString).txt"
        _ = try runScript("'a' | Out-File '\(path)' -WhatIf")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func outFileEncodings() throws {
        let path = NSTemporaryDirectory() + "pcsh-outfile-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try runScript("'é' | Out-File '\(path)' -Encoding unicode")
        #expect(FileManager.default.contents(atPath: path) == Data([0xFF, 0xFE, 0xE9, 0x00, 0x0A, 0x00]))
        _ = try runScript("'é' | Out-File '\(path)' -Encoding utf8BOM")
        #expect(FileManager.default.contents(atPath: path) == Data([0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x0A]))
        // Appending adds no second byte-order mark; latin1 writes one byte per character.
        _ = try runScript("'é' | Out-File '\(path)' -Encoding unicode; 'x' | Out-File '\(path)' -Encoding unicode -Append")
        #expect(FileManager.default.contents(atPath: path) == Data([0xFF, 0xFE, 0xE9, 0x00, 0x0A, 0x00, 0x78, 0x00, 0x0A, 0x00]))
        _ = try runScript("'é' | Out-File '\(path)' -Encoding latin1")
        #expect(FileManager.default.contents(atPath: path) == Data([0xE9, 0x0A]))
    }
}
