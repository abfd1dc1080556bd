import Foundation
import LyncDeployment
import Testing

/// Get-, Start- and Stop-CsWindowsService.
@Suite("Windows service cmdlets")
struct ServiceCmdletTests {
    func deployed() throws -> DeploymentFixture { try TopologyCmdletTests.deployed() }

    /// `Status` of every service of a computer, as `NAME=Status`.
    func states(_ f: DeploymentFixture, _ computer: String = "atl-cs-001.litwareinc.com") throws -> [String] {
        try f.strings("Get-CsWindowsService -ComputerName \(computer) | ForEach-Object { \"$($_.Name)=$($_.Status)\" }")
    }

    func status(_ f: DeploymentFixture, _ name: String, _ computer: String = "atl-cs-001.litwareinc.com") throws -> String {
        try f.strings("(Get-CsWindowsService -Name \(name) -ComputerName \(computer)).Status").first ?? ""
    }

    @Test("Get-CsWindowsService writes NTService objects of the local computer")
    func getServices() throws {
        let f = try deployed()
        #expect(try f.strings("(Get-CsWindowsService).Name") == ["LYNCBACKUP", "RTCASMCU", "RTCCAA", "RTCCLSAGT", "RTCCPS", "RTCRGS", "RTCSRV", "W3SVC"])
        let one = try f.strings("$s = Get-CsWindowsService RTCSRV; $s.PSObject.TypeNames[0]; $s.DisplayName; $s.Status; $s.ComputerName; $s.RoleName -contains 'Registrar'; $s.ActivityLevel -ne ''")
        #expect(one == ["Microsoft.Rtc.Management.Deployment.Core.NTService", "Lync Server Front-End", "Running",
                        "atl-cs-001.litwareinc.com", "True", "True"])
        #expect(try f.strings("(Get-CsWindowsService -Name RTCSRV -ExcludeActivityLevel).ActivityLevel") == [""])
        #expect(try f.strings("(Get-CsWindowsService -ComputerName atl-gc-001.litwareinc.com).Name") == ["Channel", "Compliance", "Lookup", "Web"])
        #expect(try f.strings("(Get-CsWindowsService -ComputerName atl-pc-002.litwareinc.com).Name") == ["RTCCHAT", "RTCCLSAGT"])
        let table = try f.formatted("Get-CsWindowsService")
        let header = table.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(header.map { $0.split(separator: " ").map(String.init) } == ["Status", "Name", "ActivityLevel"])
        #expect(table.contains("Running RTCRGS"))
    }

    @Test("Unknown services and computers are errors that name what exists")
    func errors() throws {
        let f = try deployed()
        let service = try TopologyCmdletTests.failure(f, "Get-CsWindowsService -Name Spooler")
        #expect(service[0].hasPrefix("ServiceNotFound,") && service[1] == "ObjectNotFound")
        #expect(service[2].contains("The computer has these services: LYNCBACKUP, RTCASMCU"))
        let computer = try TopologyCmdletTests.failure(f, "Get-CsWindowsService -ComputerName nowhere.litwareinc.com")
        #expect(computer[0].hasPrefix("ComputerNotFound,") && computer[2].contains("atl-pc-001.litwareinc.com"))
        #expect(try TopologyCmdletTests.failure(f, "Start-CsWindowsService -Name Spooler")[0].hasPrefix("ServiceNotFound,"))
        #expect(try TopologyCmdletTests.failure(f, "Stop-CsWindowsService -Name RTCRGS -ComputerName x.litwareinc.com")[0]
            .hasPrefix("ComputerNotFound,"))
        let notObject = try TopologyCmdletTests.failure(f, "'RTCRGS' | Stop-CsWindowsService")
        #expect(notObject[0].hasPrefix("InvalidServiceObject,"))
        #expect(try status(f, "RTCRGS") == "Running")
    }

    @Test("Stop and start by name and computer; the same state again is no error")
    func stopStart() throws {
        let f = try deployed()
        try f.run("Stop-CsWindowsService -Name RTCCHAT -ComputerName atl-pc-001.litwareinc.com")
        #expect(try status(f, "RTCCHAT", "atl-pc-001.litwareinc.com") == "Stopped")
        #expect(try status(f, "RTCCHAT", "atl-pc-002.litwareinc.com") == "Running")
        #expect(try f.strings("(Get-CsWindowsService RTCCHAT -ComputerName atl-pc-001.litwareinc.com).ActivityLevel") == [""])
        let again = try f.run("Stop-CsWindowsService RTCCHAT -ComputerName atl-pc-001.litwareinc.com -Verbose").host
        #expect(again.text(of: .verbose).contains("already stopped"))
        #expect(again.text(of: .error).isEmpty)
        try f.run("Start-CsWindowsService RTCCHAT -ComputerName atl-pc-001.litwareinc.com -NoWait")
        #expect(try status(f, "RTCCHAT", "atl-pc-001.litwareinc.com") == "Running")
        try f.run("Start-CsWindowsService RTCCHAT -ComputerName atl-pc-001.litwareinc.com")
        #expect(try status(f, "RTCCHAT", "atl-pc-001.litwareinc.com") == "Running")
    }

    @Test("Stop without a name stops everything, except what -Leave… keeps")
    func stopAll() throws {
        let f = try deployed()
        try f.run("Stop-CsWindowsService -Graceful -LeaveClsAgentRunning -LeaveWebServerRunning")
        let running = try states(f).filter { $0.hasSuffix("=Running") }
        #expect(running == ["RTCCLSAGT=Running", "W3SVC=Running"])
        try f.run("Start-CsWindowsService")
        #expect(try states(f).allSatisfy { $0.hasSuffix("=Running") })
        try f.run("Stop-CsWindowsService -ComputerName atl-gc-001.litwareinc.com")
        #expect(try states(f, "atl-gc-001.litwareinc.com") == ["Channel=Stopped", "Compliance=Stopped", "Lookup=Stopped", "Web=Stopped"])
    }

    @Test("Piped service objects bind to -InputObject")
    func pipeline() throws {
        let f = try deployed()
        try f.run("Stop-CsWindowsService RTCRGS; Stop-CsWindowsService RTCCPS")
        let verbose = try f.run("Get-CsWindowsService | Where-Object {$_.Status -ne \"Running\"} | Start-CsWindowsService -Verbose").host
            .text(of: .verbose)
        #expect(verbose.contains("RTCRGS on atl-cs-001.litwareinc.com is now running"))
        #expect(verbose.contains("RTCCPS on atl-cs-001.litwareinc.com is now running"))
        #expect(try states(f).allSatisfy { $0.hasSuffix("=Running") })
        try f.run("Get-CsWindowsService -ComputerName atl-pc-002.litwareinc.com | Stop-CsWindowsService")
        #expect(try states(f, "atl-pc-002.litwareinc.com") == ["RTCCHAT=Stopped", "RTCCLSAGT=Stopped"])
        #expect(try status(f, "RTCCHAT", "atl-pc-001.litwareinc.com") == "Running")
    }

    @Test("-WhatIf changes nothing")
    func whatIf() throws {
        let f = try deployed()
        let host = try f.run("Stop-CsWindowsService -WhatIf; Get-CsWindowsService RTCSRV | Stop-CsWindowsService -WhatIf").host
        #expect(host.output.contains("What if: Performing the operation \"Stop service\" on target \"RTCSRV on atl-cs-001.litwareinc.com\"."))
        #expect(try states(f).allSatisfy { $0.hasSuffix("=Running") })
        try f.run("Stop-CsWindowsService RTCRGS")
        try f.run("Start-CsWindowsService -WhatIf")
        #expect(try status(f, "RTCRGS") == "Stopped")
    }

    @Test("$env:PCSH_COMPUTER and the first computer decide the local computer")
    func localComputer() throws {
        let f = DeploymentFixture()
        // No LocalComputer in this file: the first computer of the first pool is local.
        _ = try f.file("t.json", TopologyCmdletTests.litware.replacingOccurrences(of: "\"LocalComputer\": \"atl-cs-001.litwareinc.com\",", with: ""))
        try f.run("Publish-CsTopology t.json; Enable-CsTopology")
        #expect(try f.strings("(Get-CsWindowsService RTCSRV).ComputerName") == ["atl-cs-001.litwareinc.com"])
        let error = try TopologyCmdletTests.failure(f, "Get-CsWindowsService RTCSRV -ComputerName atl-pc-001.litwareinc.com")
        #expect(error[2].contains("on computer 'atl-pc-001.litwareinc.com'"))
    }

    @Test("-Report writes an HTML file, with the errors met")
    func report() throws {
        let f = try deployed()
        try f.run("Get-CsWindowsService -Report ./ok.html")
        let ok = try String(contentsOf: f.root.appendingPathComponent("ok.html"), encoding: .utf8)
        #expect(ok.contains("<p>No errors.</p>") && ok.contains("<td>RTCSRV</td>"))
        try f.run("Stop-CsWindowsService -Name Spooler -Report C:\\Logs\\stop.html -Force")
        let failed = try String(contentsOf: f.home.root.appendingPathComponent("drives/c/Logs/stop.html"), encoding: .utf8)
        #expect(failed.contains("Cannot find the service &#39;Spooler&#39;") || failed.contains("Cannot find the service 'Spooler'"))
        // -Force kept the error off the error stream.
        #expect(try TopologyCmdletTests.failure(f, "Stop-CsWindowsService -Name Spooler -Force") == ["no error"])
    }

    @Test("Every documented example runs", arguments: [
        "Get-CsWindowsService",
        "Get-CsWindowsService | Format-List",
        "Get-CsWindowsService -Name \"RTCSrv\"",
        "Get-CsWindowsService -Name \"RTCSrv\" | Select-Object -ExpandProperty RoleName",
        "Get-CsWindowsService -Computer atl-cs-001.litwareinc.com",
        "Get-CsWindowsService -Report C:\\Logs\\Services.html",
        "Get-CsWindowsService | Where-Object {$_.Status -eq \"Running\"}",
        "Get-CsWindowsService | Where-Object {$_.DisplayName -like \"*Application Sharing*\"}",
        "Get-CsWindowsService | Where-Object {$_.RoleName -contains \"ApplicationServer\"}",
        "Start-CsWindowsService",
        "Start-CsWindowsService -Name \"RTCRGS\"",
        "Start-CsWindowsService -Name \"RTCRGS\" -ComputerName atl-cs-001.litwareinc.com",
        "Get-CsWindowsService | Where-Object {$_.Status -ne \"Running\"} | Start-CsWindowsService",
        "Stop-CsWindowsService -Name \"RTCRGS\"",
        "Stop-CsWindowsService -Name \"RTCRGS\" -ComputerName atl-cs-001.litwareinc.com",
        "Get-CsWindowsService | Where-Object {$_.DisplayName -like \"*Call Park*\"} | Stop-CsWindowsService",
        "Stop-CsWindowsService",
        "Start-CsWindowsService -Name LYNCBACKUP",
        "Start-CsWindowsService -name LyncBackup",
        "Stop-CsWindowsService -name LyncBackup",
        "Stop-CsWindowsService -graceful",
        "Get-CsWindowsService -ComputerName atl-cs-001.litwareinc.com | Select-Object RoleName, Status",
        "Stop-CsWindowsService -Graceful -Verbose",
    ])
    func documentedExample(_ example: String) throws {
        let f = try deployed()
        let script = "$Error.Clear(); try { $out = @(\(example) | Out-String) } catch { 'failed: ' + $_ }; "
            + "if ($Error.Count) { 'errors: ' + ($Error -join '; ') } else { 'ok' }"
        let result = try f.strings(script)
        #expect(result == ["ok"], "\(example): \(result)")
    }

    @Test("Documented examples change what they say")
    func documentedEffects() throws {
        let f = try deployed()
        #expect(try f.strings("(Get-CsWindowsService | Where-Object {$_.RoleName -contains \"ApplicationServer\"}).Name") == ["RTCCAA", "RTCCPS", "RTCRGS"])
        #expect(try f.strings("(Get-CsWindowsService | Where-Object {$_.DisplayName -like \"*Application Sharing*\"}).Name") == ["RTCASMCU"])
        try f.run("Get-CsWindowsService | Where-Object {$_.DisplayName -like \"*Call Park*\"} | Stop-CsWindowsService")
        #expect(try status(f, "RTCCPS") == "Stopped")
        try f.run("Stop-CsWindowsService -name LyncBackup")
        #expect(try status(f, "LYNCBACKUP") == "Stopped")
        try f.run("Start-CsWindowsService -Name LYNCBACKUP")
        #expect(try status(f, "LYNCBACKUP") == "Running")
        #expect(try f.strings("Get-CsWindowsService -Name \"RTCSrv\" | Select-Object -ExpandProperty RoleName").contains("UserServices"))
        try f.run("Get-CsWindowsService -Report C:\\Logs\\Services.html")
        #expect(FileManager.default.fileExists(atPath: f.home.root.appendingPathComponent("drives/c/Logs/Services.html").path))
    }

    @Test("The line that runs two commands together is one command with a stray argument: it fails and changes nothing")
    func twoCommandsOnOneLine() throws {
        let f = try deployed()
        let result = try f.strings("try { Stop-CsWindowsService RTCSRV Start-CsWindowsService RTCSRV; 'ran' } catch { $_.FullyQualifiedErrorId }")
        #expect(result.first?.hasPrefix("PositionalParameterNotFound") == true, "\(result)")
        #expect(try status(f, "RTCSRV") == "Running")
    }

    @Test("The doc-examples topology hosts the services the examples name on atl-cs-001")
    func docExamplesTopology() throws {
        let f = DeploymentFixture()
        let path = TopologyCmdletTests.examples.appendingPathComponent("doc-examples.json").path
        try f.run("Publish-CsTopology -FileName '\(path)'; Enable-CsTopology")
        let names = try f.strings("(Get-CsWindowsService).Name")
        for name in ["RTCSRV", "RTCRGS", "RTCCPS", "RTCASMCU", "LYNCBACKUP", "RTCCHAT"] {
            #expect(names.contains(name), "\(name) missing on atl-cs-001")
        }
        #expect(try f.strings("(Get-CsService -Identity Registrar:atl-cs-001.litwareinc.com).PoolFqdn") == ["atl-cs-001.litwareinc.com"])
        #expect(try f.strings("(Get-CsService -Identity PersistentChatServer:atl-cs-001.litwareinc.com).PoolFqdn") == ["atl-cs-001.litwareinc.com"])
    }
}
