import Foundation
import GRDB
import LyncCmdlets
import LyncDeployment
import PSCmdlets
import PSRuntime

/// Management endpoint sessions built in-process: the session a worker would start for a Unix
/// login, on the fixture's home, with an exchange folder (`<root>/exchange`) granted to the
/// CsPersistentChatAdministrator role.
extension DeploymentFixture {
    var exchange: URL { root.appendingPathComponent("exchange") }

    /// The endpoint configuration the tests use unless told otherwise.
    var exchangeConfiguration: EndpointConfiguration {
        EndpointConfiguration(roleFolders: ["CsPersistentChatAdministrator": [exchange.path]])
    }

    /// An endpoint session for `login` acting as `user` (the login's own name by default).
    func endpointSession(login: String, user: String? = nil, configuration: EndpointConfiguration? = nil,
                         host: HostUI = RecordingHostUI()) -> ExecutionContext {
        try? FileManager.default.createDirectory(at: exchange, withIntermediateDirectories: true)
        let context = BuiltinCmdlets.makeSession(host: host)
        context.location = exchange.path
        let kind = DeploymentSession.Kind.endpoint(login: login, configuration: configuration ?? exchangeConfiguration)
        LyncCmdlets.install(into: context, deployment: DeploymentSession(home: home, userName: user ?? login, kind: kind))
        return context
    }

    /// Runs script text in an endpoint session; output lines and error text.
    func endpoint(_ script: String, login: String, configuration: EndpointConfiguration? = nil) throws -> (output: [String], errors: String) {
        let host = RecordingHostUI()
        let values = try endpointSession(login: login, configuration: configuration, host: host).evaluate(script)
        return (values.map { LanguagePrimitives.toString($0, context: nil) }, host.text(of: .error))
    }

    /// What must not change when an attack is refused: every file of the home with its content
    /// (the store's journal files aside), and the store's contents apart from the audit log.
    func homeSnapshot() throws -> [String] {
        var lines: [String] = []
        let base = home.root.path
        if let walker = FileManager.default.enumerator(atPath: base) {
            for case let relative as String in walker {
                let path = base + "/" + relative
                if relative.hasPrefix("cms.sqlite") { lines.append(relative); continue }
                let digest = FileManager.default.contents(atPath: path).map(Self.fnv1a) ?? "folder"
                lines.append("\(relative) \(digest)")
            }
        }
        let store = try self.store()
        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('auditEntry', 'setting') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        for table in tables {
            let rows = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") }
            lines.append("\(table): \(rows.map(\.description).sorted().joined(separator: "|"))")
        }
        return lines.filter { !$0.hasPrefix("cms.sqlite-") }.sorted()
    }

    /// FNV-1a over every byte: enough to tell a changed file.
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\(data.count)-\(String(hash, radix: 16))"
    }

    /// Audit entries refused for `user`.
    func deniedCount(_ user: String) throws -> Int {
        try store().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry WHERE user = ? COLLATE NOCASE AND outcome = 'Denied'", arguments: [user]) ?? 0
        }
    }
}

/// A host that runs `action` when the script writes `marker` with Write-Host: lets a test act as
/// another session in the middle of a pipeline.
final class TriggerHost: HostUI {
    let inner = RecordingHostUI()
    let marker: String
    let action: () throws -> Void

    init(marker: String, action: @escaping () throws -> Void) {
        self.marker = marker
        self.action = action
    }

    func writeOutput(_ text: String) { inner.writeOutput(text) }
    func writeDiagnostic(_ text: String, stream: HostStream) { inner.writeDiagnostic(text, stream: stream) }
    func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        if text == marker { try? action() }
        inner.writeHost(text, newline: newline, foreground: foreground, background: background)
    }
    func readLine(prompt: String) -> String? { inner.readLine(prompt: prompt) }
    func readMaskedLine(prompt: String) -> String? { inner.readMaskedLine(prompt: prompt) }
    var isInteractive: Bool { false }
    var terminalWidth: Int { 120 }
}
