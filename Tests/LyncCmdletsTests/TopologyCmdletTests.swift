import Foundation
import LyncCmdlets
import LyncDeployment
import Testing

/// Publish-, Get- and Enable-CsTopology, Get-CsPool and Get-CsService.
@Suite("Topology cmdlets")
struct TopologyCmdletTests {
    /// A small topology: a Front End pool, a two-computer Persistent Chat pool and a Group Chat pool.
    static let litware = """
        {
          "ForestFqdn": "litwareinc.com",
          "LocalComputer": "atl-cs-001.litwareinc.com",
          "Sites": [
            { "Name": "Redmond", "SiteId": 1, "Pools": [
              { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
              { "Fqdn": "atl-pcpool-001.litwareinc.com", "Role": "PersistentChat",
                "Computers": ["atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"],
                "HomePool": "atl-cs-001.litwareinc.com", "SqlStore": "atl-sql-001.litwareinc.com\\\\rtc",
                "FileStore": "\\\\\\\\atl-fs-001.litwareinc.com\\\\pchat" },
              { "Fqdn": "atl-gc-001.litwareinc.com", "Role": "GroupChat", "Version": "GroupChat2007R2",
                "SqlStore": "atl-sql-002.litwareinc.com\\\\gc", "FileStore": "\\\\\\\\atl-fs-001.litwareinc.com\\\\gc" }
            ] }
          ]
        }
        """

    /// Scripts/topology of the repository.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology")

    /// A fixture with the litware topology published (and enabled unless told otherwise).
    static func deployed(enable: Bool = true) throws -> DeploymentFixture {
        let f = DeploymentFixture()
        _ = try f.file("litware.json", litware)
        try f.run("Publish-CsTopology -FileName litware.json" + (enable ? "; Enable-CsTopology" : ""))
        return f
    }

    /// The error id, category and message a failing command reports.
    static func failure(_ f: DeploymentFixture, _ command: String, user: String = "labadmin") throws -> [String] {
        try f.strings("try { \(command) -ErrorAction Stop; 'no error' } catch { $_.FullyQualifiedErrorId; \"$($_.CategoryInfo.Category)\"; $_.Exception.Message }",
                      user: user)
    }

    @Test("Publish-CsTopology resolves relative paths and stores the topology")
    func publish() throws {
        let f = try Self.deployed(enable: false)
        let topology = try f.strings("$t = Get-CsTopology; $t.ForestFqdn; $t.Version; $t.Pools.Count; $t.Sites[0].Name; $t.PublishedBy; $null -eq $t.EnabledAt")
        #expect(topology == ["litwareinc.com", "1", "3", "Redmond", "labadmin", "True"])
        #expect(try f.store().setting("ForestFqdn") == "litwareinc.com")
        // -LocalStore reads the same single store.
        #expect(try f.strings("(Get-CsTopology -LocalStore).Version") == ["1"])
    }

    @Test("Publish-CsTopology writes nothing when the file is invalid")
    func publishInvalid() throws {
        let f = try Self.deployed(enable: false)
        _ = try f.file("bad.json", Self.litware.replacingOccurrences(of: "\"Role\": \"FrontEnd\"", with: "\"Role\": \"Edge\""))
        let error = try Self.failure(f, "Publish-CsTopology -FileName bad.json")
        #expect(error[0].hasPrefix("InvalidTopology,"))
        #expect(error[1] == "InvalidData")
        #expect(error[2].contains("bad.json") && error[2].contains("Pool 'atl-cs-001.litwareinc.com': Role 'Edge' is unknown"))
        _ = try f.file("syntax.json", "{ \"ForestFqdn\": ")
        #expect(try Self.failure(f, "Publish-CsTopology -FileName syntax.json")[0].hasPrefix("TopologySyntaxError,"))
        let missing = try Self.failure(f, "Publish-CsTopology -FileName nothere.json")
        #expect(missing[0].hasPrefix("TopologyFileNotFound,") && missing[1] == "ObjectNotFound")
        #expect(try f.strings("(Get-CsTopology).Version") == ["1"])
    }

    @Test("Publish-CsTopology -WhatIf changes nothing")
    func publishWhatIf() throws {
        let f = DeploymentFixture()
        _ = try f.file("litware.json", Self.litware)
        let host = try f.run("Publish-CsTopology -FileName litware.json -WhatIf").host
        #expect(host.output.contains("What if: Performing the operation \"Publish topology\" on target \"litwareinc.com (1 site(s), 3 pool(s))"))
        let error = try Self.failure(f, "Get-CsTopology")
        #expect(error[0].hasPrefix("TopologyNotPublished,") && error[1] == "InvalidOperation")
    }

    @Test("Enable-CsTopology installs services and stores; twice is harmless; before publishing it fails")
    func enable() throws {
        let f = DeploymentFixture()
        #expect(try Self.failure(f, "Enable-CsTopology")[0].hasPrefix("TopologyNotPublished,"))
        _ = try f.file("litware.json", Self.litware)
        try f.run("Publish-CsTopology -FileName litware.json")
        #expect(try f.run("Enable-CsTopology -WhatIf").host.output.contains("What if: Performing the operation \"Enable topology\""))
        #expect(try f.strings("(Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com 3>$null | Measure-Object).Count") == ["0"])
        let verbose = try f.run("Enable-CsTopology -Verbose").host.text(of: .verbose)
        #expect(verbose.contains("Installed service RTCCHAT on atl-pc-002.litwareinc.com."))
        #expect(verbose.contains("Created database file"))
        let database = try f.home.databaseFile(instance: "atl-sql-001.litwareinc.com\\rtc", database: "mgc")
        #expect(FileManager.default.fileExists(atPath: database.path))
        #expect(FileManager.default.fileExists(atPath: try f.home.fileStoreFolder("\\\\atl-fs-001.litwareinc.com\\gc").path))
        let again = try f.run("Enable-CsTopology -Verbose").host.text(of: .verbose)
        #expect(again.isEmpty)
        #expect(try f.strings("$null -ne (Get-CsTopology).EnabledAt") == ["True"])
    }

    @Test("Get-CsTopology -AsXml writes one XML string")
    func asXml() throws {
        let f = try Self.deployed()
        let xml = try f.strings("Get-CsTopology -AsXml")
        #expect(xml.count == 1)
        #expect(xml[0].contains("<Pool Fqdn=\"atl-gc-001.litwareinc.com\" Role=\"GroupChat\""))
        #expect(xml[0].contains("Version=\"GroupChat2007R2\""))
        #expect(try f.strings("([xml](Get-CsTopology -AsXml)).Topology.Site.Name") == ["Redmond"])
    }

    @Test("Get-CsPool lists pools, finds one by identity and filters by wildcard")
    func getPool() throws {
        let f = try Self.deployed()
        #expect(try f.strings("(Get-CsPool).Identity") == ["atl-cs-001.litwareinc.com", "atl-pcpool-001.litwareinc.com", "atl-gc-001.litwareinc.com"])
        let chat = try f.strings("$p = Get-CsPool ATL-PCPOOL-001.litwareinc.com; $p.Role; $p.Site; $p.Computers -join ','; $p.Services -join ','; $p.SqlStore; $p.DatabaseName")
        #expect(chat == ["PersistentChat", "Site:Redmond", "atl-pc-001.litwareinc.com,atl-pc-002.litwareinc.com",
                         "PersistentChatServer:atl-pcpool-001.litwareinc.com,PersistentChatStore:atl-sql-001.litwareinc.com\\rtc",
                         "atl-sql-001.litwareinc.com\\rtc", "mgc"])
        #expect(try f.strings("(Get-CsPool -Filter *-gc-*).Fqdn") == ["atl-gc-001.litwareinc.com"])
        let missing = try Self.failure(f, "Get-CsPool -Identity nowhere.litwareinc.com")
        #expect(missing[0].hasPrefix("PoolNotFound,") && missing[1] == "ObjectNotFound")
        #expect(missing[2].contains("Known pools: atl-cs-001.litwareinc.com"))
        let table = try f.formatted("Get-CsPool")
        #expect(table.contains("Identity") && table.contains("Role") && table.contains("Site:Redmond"))
    }

    @Test("Get-CsService by identity, by kind switches and by pool")
    func getService() throws {
        let f = try Self.deployed()
        #expect(try f.strings("(Get-CsService -PersistentChatServer).Identity") == ["PersistentChatServer:atl-pcpool-001.litwareinc.com"])
        #expect(try f.strings("(Get-CsService -Registrar -GroupChatServer).Identity")
                == ["Registrar:atl-cs-001.litwareinc.com", "GroupChatServer:atl-gc-001.litwareinc.com"])
        let server = try f.strings("$s = Get-CsService -Identity persistentchatserver:atl-pcpool-001.litwareinc.com; $s.Registrar; $s.PersistentChatDatabase; $s.FileStore; $s.PSObject.TypeNames[0]")
        #expect(server == ["Registrar:atl-cs-001.litwareinc.com", "PersistentChatStore:atl-sql-001.litwareinc.com\\rtc",
                           "\\\\atl-fs-001.litwareinc.com\\pchat", "Microsoft.Rtc.Management.Xds.DisplayPersistentChatServer"])
        #expect(try f.strings("(Get-CsService -PersistentChatStore).DatabaseName") == ["mgc"])
        #expect(try f.strings("(Get-CsService -PoolFqdn atl-cs-001.litwareinc.com).Count") == ["4"])
        #expect(try f.strings("(Get-CsService -UserServices -ApplicationServer -WebServer).Count") == ["3"])
        #expect(try f.strings("(Get-CsService).Count") == ["7"])
        #expect(try Self.failure(f, "Get-CsService -Identity Registrar:nowhere.litwareinc.com")[0].hasPrefix("ServiceNotFound,"))
        #expect(try Self.failure(f, "Get-CsService -PoolFqdn nowhere.litwareinc.com")[0].hasPrefix("PoolNotFound,"))
    }

    @Test("Every topology and service cmdlet declares its security area, help and examples")
    func declarations() throws {
        let areas = ["Publish-CsTopology": "Topology", "Get-CsTopology": "Topology", "Enable-CsTopology": "Topology",
                     "Get-CsPool": "Topology", "Get-CsService": "Topology", "Get-CsWindowsService": "Services",
                     "Start-CsWindowsService": "Services", "Stop-CsWindowsService": "Services"]
        for (name, area) in areas {
            let declaration = try #require(LyncCmdlets.all.first { $0.name == name }, "\(name) is not registered")
            #expect(declaration.securityArea == area, "\(name)")
            #expect(declaration.moduleName == "Lync" && !declaration.synopsis.isEmpty && declaration.examples.count >= 3, "\(name)")
            #expect(declaration.parameters.allSatisfy { !$0.help.isEmpty }, "\(name)")
        }
        let f = DeploymentFixture()
        let help = try f.strings("Get-Help Stop-CsWindowsService -Full | Out-String").joined()
        #expect(help.contains("[-InputObject <NTService>]") && help.contains("-LeaveClsAgentRunning"))
    }
}
