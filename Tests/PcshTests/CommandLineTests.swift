import Foundation
import PSHost
import Testing

@Suite("Command line")
struct CommandLineTests {
    @Test("pwsh-style options parse case-insensitively and by unique prefix", arguments: [
        (["-Command", "1"], CommandLineOptions.Mode.command("1")),
        (["-c", "1", "+", "2"], .command("1 + 2")),
        (["-COMMAND", "-"], .commandFromStandardInput),
        (["-NoProfile", "-File", "x.ps1", "-Name", "a"], .file(path: "x.ps1", arguments: ["-Name", "a"])),
        (["-nop", "-noni", "-f", "x.ps1"], .file(path: "x.ps1", arguments: [])),
        (["x.ps1", "1", "2"], .file(path: "x.ps1", arguments: ["1", "2"])),
        (["-Version"], .version),
        (["-?"], .help),
        (["-NoLogo"], .interactive),
    ])
    func parses(_ arguments: [String], _ mode: CommandLineOptions.Mode) throws {
        #expect(try CommandLineOptions.parse(arguments).mode == mode)
    }

    @Test func flagsAreRecorded() throws {
        let options = try CommandLineOptions.parse(["-NoProfile", "-NonInteractive", "-NoLogo", "-Command", "exit"])
        #expect(options.noProfile && options.nonInteractive && options.noLogo)
    }

    @Test func userAndRoleAreRecorded() throws {
        let options = try CommandLineOptions.parse(["-user", "kenmyer", "-Role", "CsHelpDesk", "-c", "Get-CsAdminRole"])
        #expect(options.user == "kenmyer")
        #expect(options.role == "CsHelpDesk")
        #expect(options.mode == .command("Get-CsAdminRole"))
        #expect(try CommandLineOptions.parse(["-c", "1"]).user == nil)
    }

    @Test("bad usage is reported", arguments: [["-Bogus"], ["-No"], ["-Command"], ["-File"], ["-User"], ["-Role"]])
    func badUsage(_ arguments: [String]) {
        #expect(throws: UsageError.self) { _ = try CommandLineOptions.parse(arguments) }
    }

    // MARK: The executable

    func pcsh(_ arguments: [String], input: String? = nil) throws -> PcshRunResult {
        guard let executable = PcshProcess.locateExecutable() else {
            Issue.record("pcsh executable not found; run `swift build` first")
            return PcshRunResult(stdout: "", stderr: "", exitCode: -1, timedOut: false)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try PcshProcess.run(executable, arguments: arguments, in: folder, captureFolder: folder, timeout: 30,
                                   standardInput: input)
    }

    @Test func commandRunsAndPrints() throws {
        let r = try pcsh(["-NoProfile", "-Command", "1..3 | ForEach-Object { $_ * 2 }"])
        #expect(r.stdout == "2\n4\n6\n")
        #expect(r.exitCode == 0)
    }

    @Test func commandFromStandardInput() throws {
        let r = try pcsh(["-NoProfile", "-Command", "-"], input: "$x = 20\nif ($x) {\n  $x + 1\n}\n")
        #expect(r.stdout == "21\n")
    }

    @Test("exit codes follow pwsh", arguments: [
        ("exit 5", Int32(5)),
        ("throw 'x'", 1),
        ("Get-Item /definitely/not/here", 1),
        ("Get-Item /definitely/not/here; 'then fine'", 0),
        ("1 +", 1),
    ])
    func exitCodes(_ command: String, _ code: Int32) throws {
        #expect(try pcsh(["-NoProfile", "-Command", command]).exitCode == code)
    }

    @Test func errorsGoToStandardError() throws {
        let r = try pcsh(["-NoProfile", "-Command", "'out'; Write-Error 'bad'; Write-Warning 'careful'"])
        #expect(r.stdout == "out\n")
        #expect(r.stderr.contains("Write-Error: bad"))
        #expect(r.stderr.contains("WARNING: careful"))
    }

    @Test func versionAndHelp() throws {
        #expect(try pcsh(["-Version"]).stdout.hasPrefix("pcsh "))
        #expect(try pcsh(["-Help"]).stdout.contains("-Command"))
        #expect(try pcsh(["-Bogus"]).exitCode == 64)
    }
}
