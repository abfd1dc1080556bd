import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// One or more tests per rule of migration-rules.md, each on a small legacy database built with
/// the authoring module (Import-CsGroupChatFixture), exported and imported into the litwareinc pool.
@Suite("Migration rules, one legacy fixture each")
struct MigrationRuleTests {
    static let target = MigrationCmdletTests.target

    /// What one import did: the host's streams and the fixture to query.
    struct Migration {
        let f: DeploymentFixture
        let output: String
        let warnings: String
        let errors: String

        func rows(_ sql: String) throws -> [Row] {
            let queue = try DatabaseQueue(path: try f.home.databaseFile(instance: MigrationRuleTests.target, database: "mgc").path)
            return try queue.read { try Row.fetchAll($0, sql: sql) }
        }

        func strings(_ sql: String) throws -> [String] { try rows(sql).map { $0[0] as String } }

        /// The URIs holding `role` (2 manager, 1 member, 3 presenter, 4 creator) on the node named `node`.
        func holders(_ role: Int, on node: String) throws -> [String] {
            try strings("""
                SELECT p.prinUri FROM tblPrincipalRole r JOIN tblNode n ON n.nodeID = r.prinRoleNodeID
                JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID
                WHERE n.nodeName = '\(node)' AND r.prinRoleTypeID = \(role) ORDER BY p.prinUri
                """)
        }
    }

    static let people = """
        Principals = @(
            @{ Name = 'Engineering'; Type = 'Group' }
            @{ Uri = 'sip:ken@litwareinc.com'; Name = 'Ken'; MemberOf = 'Engineering' }
            @{ Uri = 'sip:pilar@litwareinc.com'; Name = 'Pilar' }
            @{ Uri = 'sip:ann@litwareinc.com'; Name = 'Ann' }
            @{ Uri = 'sip:gone@litwareinc.com'; Name = 'Gone'; Disabled = $true }
            @{ Uri = 'sip:partner@fabrikam.com'; Name = 'Partner'; Type = 'FederatedUser' }
            @{ Uri = 'sip:guest@contoso.com'; Name = 'Guest'; Type = 'ExternalUser' }
            @{ Name = 'Fabrikam Team'; Type = 'FederatedGroup' }
        )
        """

    /// Builds the legacy database from `definition` (the inside of Import-CsGroupChatFixture's
    /// hashtable), runs `legacySQL` on it, exports it and imports it (with -WhatIf when asked).
    func migrate(_ definition: String, legacySQL: [String] = [], before: String = "", whatIf: Bool = false,
                 export: String = "") throws -> Migration {
        let f = DeploymentFixture()
        let setup = try f.outcome("""
            Publish-CsTopology -FileName '\(MigrationCmdletTests.topology.path)' | Out-Null
            Enable-CsTopology | Out-Null
            'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName $_ }
            Import-Module GroupChatAuthoring
            Import-CsGroupChatFixture -Path ./legacy.db -Definition @{
            \(definition)
            } | Out-Null
            \(before)
            """, user: "labadmin")
        #expect(setup.errors.isEmpty, "\(setup.errors)")
        if !legacySQL.isEmpty {
            let legacy = try DatabaseQueue(path: f.root.appendingPathComponent("legacy.db").path)
            try legacy.write { db in for sql in legacySQL { try db.execute(sql: sql) } }
        }
        let exported = try f.outcome("Export-CsPersistentChatData -DBInstance ./legacy.db -FileName ./export.zip \(export) -WarningAction SilentlyContinue",
                                     user: "labadmin")
        #expect(exported.errors.isEmpty, "\(exported.errors)")
        let result = try f.run("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -NoBackup -Verbose\(whatIf ? " -WhatIf" : "")",
                               user: "labadmin")
        // A real import reports its conversions on the verbose stream; -WhatIf prints them.
        return Migration(f: f, output: result.host.output + result.host.text(of: .verbose), warnings: result.host.text(of: .warning), errors: result.host.text(of: .error))
    }

    // MARK: 1-4 names

    @Test("1, 2: nested categories flatten with '_' and prefix their rooms; root rooms go to a category named like the root")
    func flattening() throws {
        let m = try migrate("""
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'general' }); Categories = @(@{ Name = 'Backend'; Categories = @(@{ Name = 'Db'; Rooms = @(@{ Name = 'schema' }) }) }) })
            Rooms = @(@{ Name = 'lobby' })
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.strings("SELECT nodeName FROM tblNode WHERE nodeType = 1 AND nodeID <> 1 ORDER BY nodeName") == ["Eng", "Eng_Backend", "Eng_Backend_Db", "Root"])
        #expect(try m.strings("SELECT r.nodeName || '@' || c.nodeName FROM tblNode r JOIN tblNode c ON c.nodeID = r.parentID WHERE r.nodeType = 0 ORDER BY 1")
                == ["Eng_Backend_Db_schema@Eng_Backend_Db", "general@Eng", "lobby@Root"])
        #expect(m.output.contains("[Flatten categories] Root/Eng/Backend: the nested category becomes the category 'Eng_Backend'."))
        #expect(m.output.contains("[Prefix room names] Root/Eng/Backend/Db/schema: the room becomes 'Eng_Backend_Db_schema'"))
    }

    @Test("1: the root's collecting category exists only when a room sits directly under the root")
    func noRootCategoryWithoutRootRooms() throws {
        let m = try migrate("Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'general' }) })")
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.strings("SELECT nodeName FROM tblNode WHERE nodeType = 1 AND nodeID <> 1") == ["Eng"])
    }

    @Test("3: a name over 256 UTF-16 units after prefixing is an error; nothing is written")
    func nameLength() throws {
        let long = String(repeating: "r", count: 250)
        let m = try migrate("Categories = @(@{ Name = 'Eng'; Categories = @(@{ Name = 'Backend'; Rooms = @(@{ Name = '\(long)' }) }) })")
        #expect(m.errors.contains("[Name length] Root/Eng/Backend/\(long)"), "\(m.errors)")
        #expect(m.errors.contains("262 characters"))
        #expect(try m.rows("SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
    }

    @Test("4: two legacy items flattening to one name (case-insensitively) are an error, both named")
    func collisions() throws {
        let m = try migrate("""
            Categories = @(
                @{ Name = 'Eng'; Categories = @(@{ Name = 'Backend'; Rooms = @(@{ Name = 'x' }) }) }
                @{ Name = 'eng_backend' }
            )
            """)
        #expect(m.errors.contains("[Name collisions]"), "\(m.errors)")
        #expect(m.errors.contains("Root/eng_backend") || m.errors.contains("Root/Eng/Backend"))
        #expect(try m.rows("SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
    }

    @Test("4: a room named like a category collides (one name space)")
    func roomCategoryCollision() throws {
        let m = try migrate("Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'Ops' }) }, @{ Name = 'Ops' })")
        #expect(m.errors.contains("[Name collisions]"), "\(m.errors)")
    }

    // MARK: 5-6 roles

    @Test("5: category managers manage every room below; root managers every room, warned once with the count")
    func managers() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(@{ Name = 'Eng'; Managers = 'Ken'; Rooms = @(@{ Name = 'general' }); Categories = @(@{ Name = 'Backend'; Rooms = @(@{ Name = 'build'; Managers = 'Pilar' }) }) })
            Rooms = @(@{ Name = 'lobby' })
            """, legacySQL: ["INSERT INTO tblPrincipalRole VALUES (1, (SELECT prinID FROM tblPrincipal WHERE prinUri = 'sip:ann@litwareinc.com'), 2)"])
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.holders(2, on: "Eng_Backend_build") == ["sip:ann@litwareinc.com", "sip:ken@litwareinc.com", "sip:pilar@litwareinc.com"])
        #expect(try m.holders(2, on: "general") == ["sip:ann@litwareinc.com", "sip:ken@litwareinc.com"])
        #expect(try m.holders(2, on: "lobby") == ["sip:ann@litwareinc.com"])
        let rootWarnings = m.warnings.components(separatedBy: "\n").filter { $0.contains("[Managers] sip:ann@litwareinc.com") }
        #expect(rootWarnings.count == 1, "\(m.warnings)")
        #expect(rootWarnings.first?.contains("3") == true)
    }

    @Test("6: members inherit down the chain unless a node overrides; scope becomes AllowedMembers; creators reach flattened categories")
    func membersScopeCreators() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(@{
                Name = 'Eng'; Members = 'Ken'; Scope = @('Engineering', 'Pilar', 'Ann'); Creators = 'Pilar'
                Rooms = @(@{ Name = 'general'; Members = 'Ann' }, @{ Name = 'private'; OverrideMember = $true; Members = 'Pilar' })
                Categories = @(@{ Name = 'Backend'; Scope = 'Engineering'; Rooms = @(@{ Name = 'build' }) })
            })
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.holders(1, on: "general") == ["sip:ann@litwareinc.com", "sip:ken@litwareinc.com"])
        #expect(try m.holders(1, on: "private") == ["sip:pilar@litwareinc.com"])
        #expect(try m.holders(1, on: "Eng_Backend_build") == ["sip:ken@litwareinc.com"])
        #expect(try m.holders(4, on: "Eng") == ["sip:pilar@litwareinc.com"])
        #expect(try m.holders(4, on: "Eng_Backend") == ["sip:pilar@litwareinc.com"])
        let scope = { (node: String) in try m.rows("""
            SELECT count(*) FROM tblScopePrincipal s JOIN tblNode n ON n.nodeID = s.scopeNodeID WHERE n.nodeName = '\(node)' AND s.scopeIsDenied = 0
            """)[0][0] as Int }
        #expect(try scope("Eng") == 3)
        #expect(try scope("Eng_Backend") == 1)
        #expect(try m.rows("SELECT count(*) FROM tblScopePrincipal WHERE scopeIsDenied <> 0")[0][0] as Int == 0)
    }

    // MARK: 7-9 settings

    @Test("7: room invitations: NULL and 1 inherit, 0 is False, 1 under a category with invitations off warns and is False")
    func invitations() throws {
        let m = try migrate("""
            Categories = @(
                @{ Name = 'On'; Invite = $true; Rooms = @(@{ Name = 'a' }, @{ Name = 'b'; Invite = $false }, @{ Name = 'c'; Invite = $true }) }
                @{ Name = 'Off'; Invite = $false; Rooms = @(@{ Name = 'd'; Invite = $true }, @{ Name = 'e' }) }
            )
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        let invite = try Dictionary(uniqueKeysWithValues: m.rows("SELECT nodeName, invite FROM tblNode WHERE nodeType = 0").map { ($0[0] as String, $0[1] as Int?) })
        let inherit = invite["a"]!
        #expect(invite["c"]! == inherit)
        #expect(invite["e"]! == inherit)
        #expect(invite["b"]! != inherit && invite["d"]! == invite["b"]!)
        let roomWarnings = m.warnings.components(separatedBy: "\n").filter { $0.contains("[Invitations]") }
        #expect(roomWarnings.count == 1 && roomWarnings[0].contains("Root/Off/d"), "\(m.warnings)")
    }

    @Test("8: categories take the effective history and upload settings; a room's own differing value warns, category wins")
    func categorySettings() throws {
        let m = try migrate("""
            Categories = @(@{ Name = 'Eng'; Logged = $false; Rooms = @(@{ Name = 'a'; Logged = $true }, @{ Name = 'b'; FilePost = $false })
                              Categories = @(@{ Name = 'Backend'; Rooms = @(@{ Name = 'c'; Logged = $false }) }) })
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        let logged = try Dictionary(uniqueKeysWithValues: m.rows("SELECT nodeName, logged FROM tblNode WHERE nodeType = 1 AND nodeID <> 1").map { ($0[0] as String, $0[1] as Int) })
        #expect(logged == ["Eng": 0, "Eng_Backend": 0])
        let lines = m.warnings.components(separatedBy: "\n").filter { $0.contains("[Chat history and file upload]") }
        #expect(lines.count == 2, "\(m.warnings)")
        #expect(lines.contains { $0.contains("Root/Eng/a") } && lines.contains { $0.contains("Root/Eng/b") })
        #expect(!m.warnings.contains("Root/Eng/Backend/c"))
    }

    @Test("9: Scoped becomes Closed, Private becomes Secret through inheritance; auditorium presenters stay, normal rooms drop them")
    func privacyAndType() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(
                @{ Name = 'Sec'; Visibility = 'Private'; Rooms = @(@{ Name = 'vault' }) }
                @{ Name = 'Cls'; Rooms = @(@{ Name = 'club'; Visibility = 'Scoped' }, @{ Name = 'stage'; Type = 'Auditorium'; Voiced = 'Ken' }, @{ Name = 'talk'; Voiced = 'Ann' }) }
            )
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        let room = try Dictionary(uniqueKeysWithValues: m.rows("SELECT nodeName, visibility, behavior FROM tblNode WHERE nodeType = 0").map { ($0[0] as String, [$0[1] as Int, $0[2] as Int]) })
        #expect(room["vault"]![0] == RoomPrivacy.secret.visibility)
        #expect(room["club"]![0] == RoomPrivacy.closed.visibility)
        #expect(room["stage"]![1] == 5 && room["talk"]![1] == 4)
        #expect(try m.holders(3, on: "stage") == ["sip:ken@litwareinc.com"])
        #expect(try m.holders(3, on: "talk").isEmpty)
        #expect(m.warnings.contains("[Privacy, type and presenters] Root/Cls/talk: sip:ann@litwareinc.com is a presenter"))
    }

    // MARK: 10-12 principals and rooms

    @Test("10, 11: federated and external principals leave every list, disabled ones leave roles but stay allowed; both warned once; history kept")
    func federatedAndDisabled() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(@{ Name = 'Eng'; Scope = @('Ken', 'Gone', 'Partner', 'Guest'); Managers = @('Gone', 'Fabrikam Team')
                              Rooms = @(@{ Name = 'general'; Members = @('Partner', 'Guest', 'Gone', 'Ken')
                                           Messages = @(@{ Author = 'Partner'; Content = 'hi'; Date = '2011-01-01T00:00:00Z' }, @{ Author = 'Gone'; Content = 'bye'; Date = '2011-01-02T00:00:00Z' }) }) })
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.holders(1, on: "general") == ["sip:ken@litwareinc.com"])
        #expect(try m.holders(2, on: "general").isEmpty)
        #expect(try m.strings("""
            SELECT p.prinUri FROM tblScopePrincipal s JOIN tblPrincipal p ON p.prinID = s.scopePrinID ORDER BY 1
            """) == ["sip:gone@litwareinc.com", "sip:ken@litwareinc.com"])
        for uri in ["sip:partner@fabrikam.com", "sip:guest@contoso.com", "sip:gone@litwareinc.com"] {
            #expect(m.warnings.components(separatedBy: "\n").filter { $0.contains("] \(uri):") }.count == 1, "\(uri): \(m.warnings)")
        }
        #expect(m.warnings.contains("[Federated principals]") && m.warnings.contains("[Disabled principals]"))
        #expect(try m.strings("SELECT p.prinUri FROM tblChat c JOIN tblPrincipal p ON p.prinID = c.userId ORDER BY c.chatId")
                == ["sip:partner@fabrikam.com", "sip:gone@litwareinc.com"])
    }

    @Test("12: disabled rooms and their messages stay behind, reported as conversions")
    func disabledRooms() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'old'; Disabled = $true; Messages = @(@{ Author = 'Ken'; Content = 'x'; Date = '2011-01-01T00:00:00Z' }) }, @{ Name = 'new' }) })
            """, whatIf: true)
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(m.output.contains("What if: [Disabled rooms] Root/Eng/old:"))
        #expect(!m.warnings.contains("Root/Eng/old"))
    }

    // MARK: 13-14 add-ins and messages

    @Test("13: add-ins keep name and URL, used or not; a name over 50 or a URL over 255 characters is an error")
    func addins() throws {
        let ok = try migrate("""
            Addins = @(@{ Name = 'Dash'; Url = 'https://intranet/dash' }, @{ Name = 'Unused'; Url = 'https://intranet/u' })
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'a'; Addin = 'Dash' }) })
            """)
        #expect(ok.errors.isEmpty, "\(ok.errors)")
        #expect(try ok.strings("SELECT siopName || '=' || siopUrl FROM tblSiopWhiteList ORDER BY 1") == ["Dash=https://intranet/dash", "Unused=https://intranet/u"])
        let long = try migrate("""
            Addins = @(@{ Name = '\(String(repeating: "n", count: 51))'; Url = 'https://intranet/x' }, @{ Name = 'Wide'; Url = 'https://intranet/\(String(repeating: "u", count: 250))' })
            """)
        #expect(long.errors.contains("[Add-ins] \(String(repeating: "n", count: 51))"), "\(long.errors)")
        #expect(long.errors.contains("[Add-ins] Wide"))
        #expect(try long.rows("SELECT count(*) FROM tblSiopWhiteList")[0][0] as Int == 0)
    }

    @Test("14: messages keep chatId gaps, date, author, alert, empty content and NULL rtf; file links are counted")
    func messages() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'a'; Messages = @(
                @{ Author = 'Ken'; Content = ''; Date = '2011-01-01T00:00:00Z' }
                @{ Author = 'Ken'; Content = 'see ma-filelink:///a/b.txt'; Date = '2011-01-02T00:00:00Z'; Alert = $true }
                @{ Author = 'Pilar'; Content = 'x'; Date = '2011-01-03T00:00:00Z'; Rtf = 'AAEC/w==' }
            ) }) })
            """, legacySQL: ["UPDATE tblChat SET chatId = chatId * 10"])
        #expect(m.errors.isEmpty, "\(m.errors)")
        let rows = try m.rows("SELECT chatId, isAlert, content, hex(rtf), chatDate FROM tblChat ORDER BY chatId")
        #expect(rows.map { $0[0] as Int } == [10, 20, 30])
        #expect(rows.map { $0[1] as Int } == [0, 1, 0])
        #expect(rows[0][2] as String == "")
        #expect(rows[0][3] as String? == "")  // hex(NULL) is ''; the NULL itself:
        #expect(try m.rows("SELECT count(*) FROM tblChat WHERE rtf IS NULL")[0][0] as Int == 2)
        #expect(rows[2][3] as String == "000102FF")
        #expect(rows[0][4] as Int64 == 634_294_368_000_000_000)
        #expect(m.output.contains("[Messages] file store: 1 message links to posted files"), "\(m.output)")
        #expect(try m.rows("SELECT lastChatID FROM tblLastChatId").map { $0[0] as Int }.contains(30))
    }

    // MARK: 15-17 the target

    @Test("15: items already in the pool are overwritten, each a warning")
    func overwrites() throws {
        let m = try migrate("""
            Addins = @(@{ Name = 'Dash'; Url = 'https://new/dash' })
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'general' }) })
            """, before: """
            $pool = 'atl-pcpool-001.litwareinc.com'
            New-CsPersistentChatCategory -Name Eng -PersistentChatPoolFqdn $pool | Out-Null
            New-CsPersistentChatRoom -Name general -Category "$pool\\Eng" | Out-Null
            New-CsPersistentChatAddin -Name Dash -Url https://old/dash -PersistentChatPoolFqdn $pool | Out-Null
            """)
        #expect(m.errors.isEmpty, "\(m.errors)")
        let lines = m.warnings.components(separatedBy: "\n").filter { $0.contains("[Overwritten items]") }
        #expect(lines.count == 3, "\(m.warnings)")
        #expect(try m.strings("SELECT siopUrl FROM tblSiopWhiteList") == ["https://new/dash"])
        #expect(try m.rows("SELECT count(*) FROM tblNode WHERE nodeName = 'general'")[0][0] as Int == 1)
    }

    @Test("16: a source forest other than the deployment's is an error")
    func forest() throws {
        let m = try migrate("ForestFqdn = 'fabrikam.com'; Categories = @(@{ Name = 'Eng' })")
        #expect(m.errors.contains("[Forest] fabrikam.com"), "\(m.errors)")
        #expect(try m.rows("SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
    }

    @Test("17: running pool services refuse the import; -WhatIf lists the same error")
    func services() throws {
        let m = try migrate("Categories = @(@{ Name = 'Eng' })", before: "Start-CsWindowsService -ComputerName atl-pc-001.litwareinc.com", whatIf: true)
        #expect(m.errors.contains("[Services]"), "\(m.errors)")
    }

    // MARK: Levels, scope, dates and the source

    @Test("-Level Content imports only messages into rooms already in the pool; -Level User only principals")
    func levels() throws {
        let people = try migrate("\(Self.people)\nCategories = @(@{ Name = 'Eng' })", export: "-Level User")
        #expect(people.errors.isEmpty, "\(people.errors)")
        #expect(try people.rows("SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
        #expect(try people.rows("SELECT count(*) FROM tblPrincipal WHERE prinUri = 'sip:ken@litwareinc.com'")[0][0] as Int == 1)

        let content = try migrate("""
            \(Self.people)
            Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'a'; Messages = @(@{ Author = 'Ken'; Content = 'x'; Date = '2011-01-01T00:00:00Z' }) }) })
            """, export: "-Level Content")
        #expect(content.errors.contains("Import the Category level first") || content.errors.contains("not in the pool") || content.errors.contains("neither"),
                "\(content.errors)")
        #expect(try content.rows("SELECT count(*) FROM tblChat")[0][0] as Int == 0)
    }

    @Test("-Scope exports only the named categories and their rooms; -StartDate drops older messages")
    func scopeAndStartDate() throws {
        let m = try migrate("""
            \(Self.people)
            Categories = @(
                @{ Name = 'Eng'; Rooms = @(@{ Name = 'a'; Messages = @(@{ Author = 'Ken'; Content = 'old'; Date = '2010-12-31T23:59:59Z' }, @{ Author = 'Ken'; Content = 'new'; Date = '2011-01-01T00:00:00Z' }) }) }
                @{ Name = 'Finance'; Rooms = @(@{ Name = 'b' }) }
            )
            """, export: "-Scope Eng -StartDate 2011-01-01")
        #expect(m.errors.isEmpty, "\(m.errors)")
        #expect(try m.strings("SELECT nodeName FROM tblNode WHERE nodeID <> 1 ORDER BY 1") == ["a", "Eng"])
        #expect(try m.strings("SELECT content FROM tblChat") == ["new"])
    }

    @Test("-DisableExportedNodes disables the exported rooms in the source after the export")
    func disableExportedNodes() throws {
        let m = try migrate("Categories = @(@{ Name = 'Eng'; Rooms = @(@{ Name = 'a' }) }, @{ Name = 'Fin'; Rooms = @(@{ Name = 'b' }) })",
                            export: "-Scope Eng -DisableExportedNodes")
        #expect(m.errors.isEmpty, "\(m.errors)")
        let legacy = try DatabaseQueue(path: m.f.root.appendingPathComponent("legacy.db").path)
        let disabled = try legacy.read { try Row.fetchAll($0, sql: "SELECT nodeName, disabled FROM tblNode WHERE nodeType = 0 ORDER BY 1") }
        #expect(disabled.map { "\($0[0] as String)=\($0[1] as Int)" } == ["a=1", "b=0"])
        // The export itself still carries the room enabled, so it migrates.
        #expect(try m.strings("SELECT nodeName FROM tblNode WHERE nodeType = 0") == ["a"])
    }

    @Test("-AsBytes pipes the export into Import -ByteInput")
    func bytesOnThePipeline() throws {
        let f = try MigrationCmdletTests().deployed()
        let result = try f.outcome("""
            $bytes = Export-CsPersistentChatData -DBInstance ./sample.db -AsBytes
            $bytes.GetType().FullName
            Import-CsPersistentChatData -DBInstance '\(Self.target)' -ByteInput $bytes -NoBackup -WarningAction SilentlyContinue
            (Get-CsPersistentChatRoom).Count
            """, user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.first == "System.Byte[]")
        #expect(result.output.last == "5")
    }
}

/// Damaged and foreign files are refused before anything is read or written.
@Suite("Damaged legacy databases")
struct DamagedLegacyDatabaseTests {
    @Test("A legacy database that fails SQLite's integrity check is neither exported nor written to")
    func damagedLegacyDatabase() throws {
        let f = DeploymentFixture()
        let setup = try f.outcome("Import-Module GroupChatAuthoring; New-CsGroupChatSample -Path ./sample.db | Out-Null", user: "labadmin")
        #expect(setup.errors.isEmpty, "\(setup.errors)")
        let file = f.root.appendingPathComponent("sample.db")
        var bytes = try Data(contentsOf: file)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        // Garbage over the third page: the header and the schema page stay readable.
        for index in (2 * pageSize + 8)..<(3 * pageSize) { bytes[index] = 0x55 }
        try bytes.write(to: file)
        let export = try f.outcome("Export-CsPersistentChatData -DBInstance ./sample.db -FileName ./export.zip", user: "labadmin")
        #expect(export.errors.contains("is damaged"), "\(export.errors)")
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("export.zip").path))
        let write = try f.outcome("Add-CsGroupChatMessage ./sample.db -Room lobby -Author 'Ken Myer' -Content x", user: "labadmin")
        #expect(write.errors.contains("is damaged"), "\(write.errors)")
        #expect(try Data(contentsOf: file) == bytes)
    }
}
