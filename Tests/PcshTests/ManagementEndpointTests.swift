import Foundation
import Testing

/// The management endpoint through the real executable: a deployment bootstrapped by its
/// account, `pcsh -Endpoint` serving it, and other Unix accounts (made here, as root) whose
/// identity comes from the kernel.
@Suite("Management endpoint", .serialized)
struct ManagementEndpointTests {
    /// A bootstrapped home, a running endpoint and Unix accounts `pcep-op` (holds
    /// CsPersistentChatAdministrator), `pcep-none` (no role) and `pcep-stranger` (not in the directory).
    final class Fixture {
        let folder: URL
        let home: URL
        let socket: URL
        let executable: URL
        let endpoint = Process()
        static let accounts = ["pcep-op", "pcep-none", "pcep-stranger"]

        init() throws {
            executable = try #require(PcshProcess.locateExecutable())
            folder = URL(fileURLWithPath: "/tmp/pcsh-endpoint-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            home = folder.appendingPathComponent("home")
            socket = folder.appendingPathComponent("endpoint.sock")
            for account in Self.accounts { Self.system("/usr/sbin/useradd", ["-M", "-N", "-s", "/bin/sh", account]) }
            let bootstrap = try local(["-Bootstrap", "labadmin"])
            #expect(bootstrap.exitCode == 0, "\(bootstrap.stderr)")
            let setup = try local(["-Command", """
                New-ADUser -Name pcep-op -SamAccountName pcep-op | Out-Null
                New-ADUser -Name pcep-none -SamAccountName pcep-none | Out-Null
                Add-ADGroupMember -Identity CsPersistentChatAdministrator -Members pcep-op
                Set-CsManagementLogin -Identity root -SamAccountName labadmin | Out-Null
                """])
            #expect(setup.exitCode == 0, "\(setup.stderr)")
            endpoint.executableURL = executable
            endpoint.arguments = ["-Endpoint", "-Socket", socket.path]
            var environment = ProcessInfo.processInfo.environment
            environment["PCSH_HOME"] = home.path
            endpoint.environment = environment
            endpoint.standardOutput = FileHandle.nullDevice
            endpoint.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try endpoint.run()
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: socket.path), Date() < deadline { usleep(20_000) }
        }

        deinit {
            kill(endpoint.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while endpoint.isRunning, Date() < deadline { usleep(20_000) }
            if endpoint.isRunning { kill(endpoint.processIdentifier, SIGKILL) }
            endpoint.waitUntilExit()
            for account in Self.accounts { Self.system("/usr/sbin/userdel", [account]) }
            try? FileManager.default.removeItem(at: folder)
        }

        /// pcsh as the deployment's own account (root), directly on the store.
        func local(_ arguments: [String]) throws -> PcshRunResult {
            try PcshProcess.run(executable, arguments: ["-NoProfile"] + arguments, in: folder, captureFolder: folder, timeout: 60,
                                environment: ["PCSH_HOME": home.path])
        }

        /// pcsh as `account`, with the deployment home set as an operator's would be.
        func remote(_ account: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> PcshRunResult {
            var variables = ["PCSH_HOME=\(home.path)", "PCSH_ENDPOINT=\(socket.path)", "HOME=\(folder.path)"]
            variables += extra.map { "\($0.key)=\($0.value)" }
            return try PcshProcess.run(URL(fileURLWithPath: "/usr/sbin/runuser"),
                                       arguments: ["-u", account, "--", "env", "-u", "PCSH_USER"] + variables
                                           + [executable.path, "-NoProfile"] + arguments,
                                       in: folder, captureFolder: folder, timeout: 120, environment: ["PCSH_USER": ""])
        }

        func auditOutcomes(_ user: String) throws -> String {
            try local(["-Command", "(Search-CsAdminAuditLog | Where-Object User -eq '\(user)' | ForEach-Object { $_.Command + ':' + $_.Outcome }) -join ','"]).stdout
        }

        static func system(_ tool: String, _ arguments: [String]) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
        }
    }

    static var canRun: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    @Test("The home and its store are private to the deployment's account")
    func bootstrapMakesAPrivateHome() throws {
        let f = try Fixture()
        let home = try FileManager.default.attributesOfItem(atPath: f.home.path)
        let store = try FileManager.default.attributesOfItem(atPath: f.home.appendingPathComponent("cms.sqlite").path)
        #expect((home[.posixPermissions] as? Int) == 0o700)
        #expect((store[.posixPermissions] as? Int) == 0o600)
        let again = try f.local(["-Bootstrap", "someone"])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("already holds a Central Management Store"))
    }

    @Test("An operator is the directory user the kernel names, with that user's roles, and cannot claim another")
    func identityComesFromTheKernel() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        let roles = try f.remote("pcep-op", ["-Command", "(Get-CsAdminRoleAssignment -Identity pcep-op) -join ','"])
        #expect(roles.exitCode == 0, "\(roles.stderr)")
        #expect(roles.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "CsPersistentChatAdministrator")
        let claimed = try f.remote("pcep-none", ["-Command", "Get-CsAdminRole"], environment: ["PCSH_USER": "pcep-op"])
        #expect(claimed.exitCode == 1)
        #expect(claimed.stderr.contains("cannot choose its user"))
        let flag = try f.remote("pcep-none", ["-User", "labadmin", "-Command", "Get-CsAdminRole"])
        #expect(flag.stderr.contains("cannot choose its user"))
        let stranger = try f.remote("pcep-stranger", ["-Command", "Get-CsAdminRole"])
        #expect(stranger.exitCode == 1)
        #expect(stranger.stderr.contains("no directory user has the SamAccountName 'pcep-stranger'"))
        #expect(try f.auditOutcomes("pcep-stranger").contains("Enter-PSSession:Denied"))
        // A mapping makes the stranger act as the operator.
        _ = try f.local(["-Command", "Set-CsManagementLogin -Identity pcep-stranger -SamAccountName pcep-op | Out-Null"])
        let mapped = try f.remote("pcep-stranger", ["-Command", "(Get-CsAdminRoleAssignment -Identity pcep-op) -join ','"])
        #expect(mapped.stdout.contains("CsPersistentChatAdministrator"), "\(mapped.stderr)")
    }

    @Test("A user without a role changes nothing, by cmdlet, by file cmdlet on the store, or by a native program; each refusal is audited")
    func refusalsChangeNothing() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        let store = f.home.appendingPathComponent("cms.sqlite").path
        let attempt = try f.remote("pcep-none", ["-Command", """
            Remove-CsAdminRole -Identity CsHelpDesk -Confirm:$false
            Remove-Item -LiteralPath '\(store)'
            '\(store)' | Remove-Item
            sqlite3 '\(store)' 'DELETE FROM adminRole'
            New-ADUser -Name intruder
            'still here'
            """])
        #expect(attempt.stdout.contains("still here"))
        #expect(attempt.stderr.contains("RoleBasedAccessDenied") || attempt.stderr.contains("Access denied"), "\(attempt.stderr)")
        #expect(FileManager.default.fileExists(atPath: store))
        let users = try f.local(["-Command", "@(Get-ADUser -Filter * | Where-Object Name -eq intruder).Count; @(Get-CsAdminRole CsHelpDesk).Count"])
        #expect(users.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["0", "1"])
        let audit = try f.auditOutcomes("pcep-none")
        for command in ["Remove-CsAdminRole:Denied", "sqlite3:Denied", "New-ADUser:Denied"] { #expect(audit.contains(command), "\(audit)") }
    }

    @Test("Red team through the endpoint: each way around the role check is refused, changes nothing and is audited")
    func redTeamThroughTheEndpoint() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        let home = f.home.path
        let parent = f.home.deletingLastPathComponent().path
        let wildcard = home.dropLast() + "?"
        // Each line is one attack; `try/catch` keeps the next one running and prints its refusal id.
        let attacks = [
            "Remove-Item -LiteralPath '\(home)/cms.sqlite'",
            "'\(home)/cms.sqlite' | Remove-Item",
            "Get-Item '\(wildcard)/cms.sqlite' | Remove-Item",
            "Remove-Item '\(home)/cms`.sqlite'",
            "Remove-Item 'FileSystem::\(home)/cms.sqlite'",
            "Set-Content -Path '\(home)/profile.ps1' -Value 'evil'",
            "New-Item -Path '\(home)' -Name planted.ps1 -Value 'evil'",
            "New-Item -ItemType SymbolicLink -Path /tmp/pcep-link-\(UUID().uuidString.prefix(6)) -Value '\(home)/cms.sqlite'",
            "New-Item -ItemType HardLink -Path /tmp/pcep-hard-\(UUID().uuidString.prefix(6)) -Value '\(home)/cms.sqlite'",
            "Rename-Item -Path '\(parent)' -NewName moved",
            "Move-Item -Path '\(home)' -Destination /tmp/stolen-home",
            "Get-Content '\(home)/cms.sqlite' -TotalCount 1",
            "Copy-Item '\(home)/cms.sqlite' /tmp/pcep-copy.sqlite",
            "Export-CsPersistentChatData -DBInstance x -FileName '\(home)/export.zip'",
            "Get-CsWindowsService -Report 'C:\\..\\..\\cms.sqlite'",
            "Start-Transcript",
            "sqlite3 '\(home)/cms.sqlite' 'DELETE FROM adminRole'",
            "cp '\(home)/cms.sqlite' /tmp/pcep-cp.sqlite",
            "Invoke-Expression 'Remove-CsAdminRole CsHelpDesk -Confirm:$false'",
            "[System.IO.File]::Delete('\(home)/cms.sqlite')",
            "'x' > '\(home)/cms.sqlite'",
        ]
        let before = try FileManager.default.contentsOfDirectory(atPath: home).sorted()
        let script = "$ErrorActionPreference = 'Stop'\n" + attacks.map {
            "try { \($0); 'ALLOWED: \($0.replacingOccurrences(of: "'", with: "''"))' } catch { 'refused: ' + $_.FullyQualifiedErrorId }"
        }.joined(separator: "\n")
        let run = try f.remote("pcep-none", ["-Command", script])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.hasPrefix("ALLOWED") }, "\(lines)")
        let refusals = lines.filter { $0.hasPrefix("refused") }
        #expect(refusals.count == attacks.count, "\(run.stdout)\n\(run.stderr)")
        // Refused by the role check (or, for .NET file methods, by the constrained language such
        // a session runs in), not failed for some other reason.
        #expect(refusals.allSatisfy { $0.contains("RoleBasedAccessDenied") || $0.contains("NotSupportedInConstrainedLanguage") },
                "\(refusals)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).sorted() == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pcep-copy.sqlite") && !FileManager.default.fileExists(atPath: "/tmp/pcep-cp.sqlite"))
        let check = try f.local(["-Command", "@(Get-CsAdminRole CsHelpDesk).Count; @(Search-CsAdminAuditLog | Where-Object { $_.User -eq 'pcep-none' -and $_.Outcome -eq 'Denied' }).Count"])
        let numbers = check.stdout.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(numbers.first == 1)
        #expect((numbers.last ?? 0) >= refusals.count, "\(check.stdout)")
    }

    @Test("Eight sessions making 200 changes each lose no write and show no lock error")
    func concurrentSessionsLoseNothing() throws {
        try #require(Self.canRun, "needs root")
        let f = try Fixture()
        let box = ConcurrentSlots<PcshRunResult>(count: 8)
        let folder = f.folder, executable = f.executable, socket = f.socket
        DispatchQueue.concurrentPerform(iterations: 8) { session in
            let capture = folder.appendingPathComponent("s\(session)")
            try? FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
            let script = "1..200 | ForEach-Object { New-ADUser -Name \"load-\(session)-$_\" -SamAccountName \"ld\(session)x$_\" | Out-Null }; 'done'"
            box.set(session, try? PcshProcess.run(executable, arguments: ["-NoProfile", "-Connect", "-Socket", socket.path, "-Command", script],
                                                  in: folder, captureFolder: capture, timeout: 300,
                                                  environment: ["PCSH_USER": ""]))
        }
        for (index, result) in box.values.enumerated() {
            let run = try #require(result)
            #expect(run.exitCode == 0, "session \(index): \(run.stderr)")
            #expect(run.stdout.contains("done"))
            #expect(!run.stderr.localizedCaseInsensitiveContains("locked") && !run.stderr.localizedCaseInsensitiveContains("busy"), "\(run.stderr)")
        }
        let count = try f.local(["-Command", "@(Get-ADUser -Filter * | Where-Object Name -like 'load-*').Count"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1600")
    }

    @Test("Invoke-Command -HostName goes through ssh to the endpoint there, which names the ssh user")
    func sshTransportReachesTheEndpoint() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        // A stand-in for ssh that runs the remote command on this machine, as sshd would after
        // authenticating the user: options, `--` and the host name are dropped.
        let fakeSSH = f.folder.appendingPathComponent("fake-ssh")
        try Data("""
            #!/bin/sh
            while [ "$1" != "--" ]; do shift; done
            shift 2
            PATH="\(f.executable.deletingLastPathComponent().path):$PATH" exec "$@"
            """.utf8).write(to: fakeSSH)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fakeSSH.path)
        let run = try f.remote("pcep-op", ["-Command", """
            $r = Invoke-Command -HostName mgmt01.litwareinc.com -ScriptBlock { param($who) "$who " + ((Get-CsAdminRoleAssignment -Identity $who) -join ',') } -ArgumentList pcep-op
            $r; $r.PSComputerName
            """], environment: ["PCSH_SSH": fakeSSH.path, "PCSH_HOME": f.folder.appendingPathComponent("op-own").path])
        #expect(run.stdout.contains("pcep-op CsPersistentChatAdministrator"), "\(run.stdout)\n\(run.stderr)")
    }

    @Test("An operator holding only CsPersistentChatAdministrator runs the Persistent Chat steps of the migration through the endpoint, with its files in the granted exchange folder, and is stopped at the trusted application")
    func operatorMigratesThroughTheEndpoint() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let exchange = f.folder.appendingPathComponent("exchange")
        try FileManager.default.createDirectory(at: exchange, withIntermediateDirectories: true)
        try Data(#"{ "RoleFolders": { "CsPersistentChatAdministrator": ["\#(exchange.path)"] } }"#.utf8)
            .write(to: f.home.appendingPathComponent("endpoint.json"))
        // The administrator's part, on the console: the demo deployment, the services stopped,
        // the Lookup account removed, and the operator's login mapped to its directory user.
        let setup = try f.local(["-Command", """
            & '\(sourceRoot.path)/Scripts/New-DemoDeployment.ps1' 6>$null | Out-Null
            foreach ($computer in (Get-CsPool | Where-Object Role -in 'GroupChat', 'PersistentChat').Computers) {
                Get-CsWindowsService -ComputerName $computer | Where-Object Status -eq 'Running' | ForEach-Object {
                    Stop-CsWindowsService -Name $_.Name -ComputerName $computer
                }
            }
            Remove-ADUser -Identity ocschat -Confirm:$false
            Set-CsManagementLogin -Identity pcep-op -SamAccountName patchat | Out-Null
            """])
        #expect(setup.exitCode == 0, "\(setup.stderr)")
        let run = try f.remote("pcep-op", ["-File", sourceRoot.appendingPathComponent("Scripts/Decommission-GroupChat.ps1").path,
                                           "-WorkFolder", exchange.path])
        let output = run.stdout + run.stderr
        for step in ["2. Exporting the legacy data", "4. Importing", "5. Replacing the Lookup account with a Persistent Chat endpoint"] {
            #expect(output.contains(step), "\(output)")
        }
        #expect(output.contains("may not run Remove-CsTrustedApplication"), "\(output)")
        #expect(FileManager.default.fileExists(atPath: exchange.appendingPathComponent("GroupChat.zip").path))
        #expect(FileManager.default.fileExists(atPath: exchange.appendingPathComponent("import.html").path))
        let check = try f.local(["-Command", """
            (Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com).Count
            (Get-CsPersistentChatEndpoint).SipAddress
            @(Search-CsAdminAuditLog | Where-Object { $_.User -eq 'patchat' -and $_.Command -eq 'Import-CsPersistentChatData' -and $_.Outcome -eq 'Succeeded' }).Count -ge 1
            """])
        #expect(check.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["6", "sip:ocschat@litwareinc.com", "True"],
                "\(check.stdout)\(check.stderr)")
    }

    @Test("With no endpoint listening, another account gets a clear message")
    func noEndpointIsAClearError() throws {
        try #require(Self.canRun, "needs root to create Unix accounts")
        let f = try Fixture()
        let run = try f.remote("pcep-op", ["-Command", "Get-CsAdminRole"], environment: ["PCSH_ENDPOINT": f.folder.appendingPathComponent("none.sock").path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("No management endpoint is running there"))
    }
}
