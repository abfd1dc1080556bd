import Foundation
import Testing
@testable import LyncDeployment

/// Parsing and validating topology files.
@Suite("Topology document")
struct TopologyDocumentTests {
    let home = DeploymentHome(path: "/srv/pcsh")

    static let valid = """
        {
          "ForestFqdn": "litwareinc.com",
          "LocalComputer": "atl-pc-001.litwareinc.com",
          "Sites": [
            { "Name": "Redmond", "SiteId": 1, "City": "Redmond", "Pools": [
              { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
              { "Fqdn": "atl-pcpool-001.litwareinc.com", "Role": "PersistentChat",
                "Computers": ["atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"],
                "HomePool": "atl-cs-001.litwareinc.com", "SqlStore": "atl-sql-001.litwareinc.com\\\\rtc",
                "FileStore": "\\\\\\\\atl-fs-001.litwareinc.com\\\\pchat" },
              { "Fqdn": "atl-gc-001.litwareinc.com", "Role": "GroupChat",
                "SqlStore": "atl-sql-002.litwareinc.com\\\\gc", "FileStore": "\\\\\\\\atl-fs-001.litwareinc.com\\\\gc" }
            ] }
          ]
        }
        """

    func load(_ text: String) throws -> TopologyDocument {
        try TopologyDocument.load(Data(text.utf8), file: "t.json", home: home)
    }

    /// The message of the error loading `text` throws (empty when it loads).
    func problem(_ text: String) -> String {
        do {
            _ = try load(text)
            return ""
        } catch let error as DeploymentError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// `valid` with one replacement applied.
    func variant(_ old: String, _ new: String) -> String {
        #expect(Self.valid.contains(old), "test fixture lacks \(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test("A valid file decodes with defaults filled in by the accessors")
    func parsesValidFile() throws {
        let document = try load(Self.valid)
        #expect(document.forestFqdn == "litwareinc.com")
        #expect(document.sites.count == 1 && document.sites[0].pools.count == 3)
        let chat = try #require(document.pool("ATL-PCPOOL-001.litwareinc.com")?.pool)
        #expect(chat.roles == [.persistentChat])
        #expect(chat.effectiveDatabaseName == "mgc")
        #expect(chat.computerFqdns == ["atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"])
        #expect(chat.sqlStore == "atl-sql-001.litwareinc.com\\rtc")
        let groupChat = try #require(document.pool("atl-gc-001.litwareinc.com")?.pool)
        #expect(groupChat.effectiveDatabaseName == "GroupChat")
        #expect(groupChat.effectiveVersion == "GroupChat2010")
        #expect(document.pool("atl-cs-001.litwareinc.com")?.pool.computerFqdns == ["atl-cs-001.litwareinc.com"])
        #expect(document.pool(ofComputer: "atl-pc-002.litwareinc.com")?.pool.fqdn == "atl-pcpool-001.litwareinc.com")
    }

    /// Scripts/topology of the repository.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology")

    @Test("The example topologies in Scripts/topology are valid")
    func exampleFilesLoad() throws {
        let folder = Self.examples
        for name in ["litwareinc.json", "doc-examples.json"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let document = try TopologyDocument.load(data, file: name, home: home)
            #expect(!document.sites.isEmpty)
        }
        let docs = try TopologyDocument.load(Data(contentsOf: folder.appendingPathComponent("doc-examples.json")),
                                             file: "doc-examples.json", home: home)
        for pool in ["atl-cs-001.litwareinc.com", "pool0.litwareinc.com", "redmond.litwareinc.com", "registrar1.contoso.net"] {
            #expect(docs.pool(pool)?.pool.has(.frontEnd) == true, "\(pool) should be a Front End pool")
        }
        for pool in ["atl-pcpool-001.litwareinc.com", "atl-persistentchat-001.litwareinc.com", "atl-gc-001.litwareinc.com",
                     "client.contoso.com", "pcpool.contoso.com", "lyncpc.dci.discovery.com", "atl-cs-001.litwareinc.com",
                     "client.contoso1b118d91-b4c4-4b2f-b842-b451417ec2c6.com"] {
            #expect(docs.pool(pool)?.pool.has(.persistentChat) == true, "\(pool) should be a Persistent Chat pool")
        }
        #expect(Set(docs.sites.map(\.name)) == ["Redmond", "co1", "Site01"])
    }

    @Test("JSON syntax errors name the file and the line")
    func syntaxError() {
        let message = problem("{\n  \"ForestFqdn\": \"litwareinc.com\",\n  \"Sites\": [ }\n}")
        #expect(message.contains("'t.json' is not valid JSON"))
        #expect(message.lowercased().contains("line 3"))
    }

    @Test("Unknown and misspelt properties are refused")
    func unknownProperties() {
        #expect(problem(variant("\"City\"", "\"Town\"")).contains("Sites[0]: unknown property 'Town'"))
        #expect(problem(variant("\"HomePool\"", "\"homepool\"")).contains("property 'homepool' must be spelt 'HomePool'"))
    }

    @Test("Wrong types and missing properties name the item")
    func typeErrors() {
        #expect(problem(variant("\"SiteId\": 1", "\"SiteId\": \"one\"")).contains("Sites[0].SiteId: expected a whole number"))
        #expect(problem(variant("\"Fqdn\": \"atl-cs-001.litwareinc.com\", ", "")).contains("the property 'Fqdn' is required"))
    }

    @Test("Each rule has its own message", arguments: [
        ("\"Role\": \"FrontEnd\"", "\"Role\": \"Edge\"", "Role 'Edge' is unknown"),
        ("\"HomePool\": \"atl-cs-001.litwareinc.com\", ", "", "HomePool is missing"),
        ("\"HomePool\": \"atl-cs-001.litwareinc.com\"", "\"HomePool\": \"atl-gc-001.litwareinc.com\"", "is not a FrontEnd pool of this file"),
        ("atl-sql-001.litwareinc.com\\\\rtc", "a\\\\b\\\\c", "is not a SQL instance name"),
        ("\"FileStore\": \"\\\\\\\\atl-fs-001.litwareinc.com\\\\gc\"", "\"FileStore\": \"relative\"", "is not a file share"),
        ("\"atl-pc-002.litwareinc.com\"", "\"atl-cs-001.litwareinc.com\"", "'atl-cs-001.litwareinc.com' is already used by pool 'atl-cs-001.litwareinc.com'"),
        ("\"atl-pc-002.litwareinc.com\"", "\"atl-pc-001.litwareinc.com\"", "is listed twice"),
        ("\"Role\": \"GroupChat\",", "\"Role\": \"GroupChat\", \"Version\": \"GroupChat2013\",", "Version 'GroupChat2013' is unknown"),
        ("\"Role\": \"FrontEnd\"", "\"Role\": \"FrontEnd\", \"SqlStore\": \"x.y\\\\z\"", "SqlStore applies only to PersistentChat and GroupChat pools"),
        ("\"LocalComputer\": \"atl-pc-001.litwareinc.com\"", "\"LocalComputer\": \"nowhere.litwareinc.com\"", "LocalComputer 'nowhere.litwareinc.com' is not a computer"),
        ("\"ForestFqdn\": \"litwareinc.com\"", "\"ForestFqdn\": \"litware inc\"", "ForestFqdn 'litware inc' is not a DNS domain name"),
        ("atl-sql-002.litwareinc.com\\\\gc", "atl-sql-001.litwareinc.com\\\\rtc", "every chat pool needs its own SQL instance"),
        ("\"Fqdn\": \"atl-cs-001.litwareinc.com\", \"Role\": \"FrontEnd\"", "\"Fqdn\": \"atl-cs-001.litwareinc.com\", \"Role\": \"FrontEnd\", \"Computers\": []", "Computers is empty"),
        ("\"Role\": \"GroupChat\",", "\"Role\": \"GroupChat\", \"CollocatedRoles\": [\"FrontEnd\"],", "CollocatedRoles cannot add 'FrontEnd' to a GroupChat pool"),
    ])
    func ruleViolations(_ change: (String, String, String)) {
        let message = problem(variant(change.0, change.1))
        #expect(message.contains("'t.json' has"), "\(message)")
        #expect(message.contains(change.2), "\(message)")
    }

    @Test("Duplicate site ids and names are refused")
    func duplicateSites() {
        let second = "{ \"Name\": \"Redmond\", \"SiteId\": 1 }"
        let text = Self.valid.replacingOccurrences(of: "] }\n  ]", with: "] }, \(second)\n  ]")
        let message = problem(text)
        #expect(message.contains("SiteId 1 is already used by site 'Redmond'"), "\(message)")
        #expect(message.contains("another site has the same name"), "\(message)")
        #expect(message.contains("2 errors"), "\(message)")
    }

    @Test("A PersistentChat pool may also be a Front End and be its own home pool")
    func collocatedRoles() throws {
        let text = variant("\"HomePool\": \"atl-cs-001.litwareinc.com\"",
                           "\"HomePool\": \"atl-pcpool-001.litwareinc.com\", \"CollocatedRoles\": [\"FrontEnd\"]")
        let document = try load(text)
        #expect(document.pool("atl-pcpool-001.litwareinc.com")?.pool.roles == [.persistentChat, .frontEnd])
    }

    @Test("The XML rendering fills in defaults and escapes values")
    func xml() throws {
        var document = try load(Self.valid)
        document.sites[0].description = "R&D <main>"
        let xml = document.xml(version: 4)
        #expect(xml.contains("<Topology ForestFqdn=\"litwareinc.com\" LocalComputer=\"atl-pc-001.litwareinc.com\" Version=\"4\">"))
        #expect(xml.contains("Description=\"R&amp;D &lt;main&gt;\""))
        #expect(xml.contains("DatabaseName=\"mgc\""))
        #expect(xml.contains("Version=\"GroupChat2010\""))
        #expect(xml.contains("<Service Identity=\"PersistentChatStore:atl-sql-001.litwareinc.com\\rtc\" />"))
        #expect(xml.contains("<Computer Fqdn=\"atl-pc-002.litwareinc.com\" />"))
    }
}
