import Foundation
import LyncCmdlets
import LyncDeployment
import PSCmdlets
import PSRuntime

/// A throw-away deployment home for one test, and sessions on it as any user. The first session
/// (user `labadmin` unless told otherwise) creates the store and so becomes its administrator.
final class DeploymentFixture {
    let root: URL
    let home: DeploymentHome

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-deploy-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        home = DeploymentHome(root: root.appendingPathComponent("home"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A session on this home as `user` (optionally limited to `role`).
    func session(user: String = "labadmin", role: String? = nil, host: RecordingHostUI = RecordingHostUI()) -> ExecutionContext {
        let context = BuiltinCmdlets.makeSession(host: host)
        context.location = root.path
        LyncCmdlets.install(into: context, deployment: DeploymentSession(home: home, userName: user, restrictedRole: role))
        return context
    }

    /// Runs script text as `user`; returns its output values and the host that recorded text,
    /// warnings and errors.
    @discardableResult
    func run(_ script: String, user: String = "labadmin", role: String? = nil) throws -> (values: [PSValue], host: RecordingHostUI) {
        let host = RecordingHostUI()
        let values = try session(user: user, role: role, host: host).evaluate(script)
        return (values, host)
    }

    /// The output of a script as strings.
    func strings(_ script: String, user: String = "labadmin", role: String? = nil) throws -> [String] {
        try run(script, user: user, role: role).values.map { LanguagePrimitives.toString($0, context: nil) }
    }

    /// The text a script's output formats to, as the console would show it.
    func formatted(_ script: String, user: String = "labadmin") throws -> String {
        try strings("(\(script)) | Out-String -Width 200", user: user).joined()
    }

    /// Writes a file into the fixture folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The store, opened directly (for assertions on what a command wrote).
    func store() throws -> CentralManagementStore {
        try CentralManagementStore.open(home: home, creator: "labadmin")
    }
}
