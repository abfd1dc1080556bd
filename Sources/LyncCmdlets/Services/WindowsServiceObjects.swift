import Foundation
import LyncDeployment
import Markup
import PSRuntime

/// The Windows service objects the service cmdlets write and read back from the pipeline, and
/// the choice of the computer they act on.
enum WindowsServiceObjects {
    static let typeName = "Microsoft.Rtc.Management.Deployment.Core.NTService"

    static func object(_ service: WindowsService, includeActivity: Bool = true) -> PSValue {
        DeploymentObjects.object(typeName, [
            ("Status", .string(service.status.rawValue)),
            ("Name", .string(service.name)),
            ("ActivityLevel", .string(includeActivity ? service.activityLevel : "")),
            ("DisplayName", .string(service.displayName)),
            ("RoleName", DeploymentObjects.strings(service.roleNames)),
            ("ComputerName", .string(service.computer)),
        ])
    }

    /// The `(computer, name)` of a piped service object, or nil when it is not one.
    static func identity(of value: PSValue) -> (computer: String, name: String)? {
        guard let object = value.asPSObject,
              let name = object["Name"].map({ LanguagePrimitives.toString($0, context: nil) }),
              let computer = object["ComputerName"].map({ LanguagePrimitives.toString($0, context: nil) }),
              !name.isEmpty, !computer.isEmpty else { return nil }
        return (computer, name)
    }

    /// The computer to act on when -ComputerName is absent: `$env:PCSH_COMPUTER`, else the
    /// topology's LocalComputer, else the first computer of the first pool.
    static func localComputer(_ context: CommandContext, store: CentralManagementStore) throws -> String {
        let override = context.session.getVariable("env:PCSH_COMPUTER").map { LanguagePrimitives.toString($0, context: nil) }
        let computer = try context.domain { try store.read { try TopologyRepository.localComputer(override: override, in: $0) } }
        guard let computer else {
            throw context.terminatingError("There is no local computer: no topology has been published. Run Publish-CsTopology and Enable-CsTopology first, or name a computer with -ComputerName.",
                                           id: "TopologyNotPublished", category: .InvalidOperation)
        }
        return computer
    }
}

/// The HTML file -Report writes: the errors met (possibly none) and the services handled.
struct ServiceReport {
    let command: String
    var errors: [(target: String, message: String)] = []
    var services: [WindowsService] = []

    func write(to path: String, context: CommandContext, home: DeploymentHome) throws {
        let url = try context.lyncFilePath(path, home: home, use: .writes)
        var html = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(command) report</title></head>
            <body>
            <h1>\(command) report</h1>
            <p>Run by \(Self.escape(context.session.deployment?.userName ?? "")) at \(ISO8601DateFormatter().string(from: Date())).</p>
            <h2>Errors</h2>

            """
        if errors.isEmpty {
            html += "<p>No errors.</p>\n"
        } else {
            html += "<table>\n<tr><th>Target</th><th>Error</th></tr>\n"
            for error in errors { html += "<tr><td>\(Self.escape(error.target))</td><td>\(Self.escape(error.message))</td></tr>\n" }
            html += "</table>\n"
        }
        html += "<h2>Services</h2>\n<table>\n<tr><th>Computer</th><th>Name</th><th>Display name</th><th>Status</th></tr>\n"
        for service in services {
            html += "<tr><td>\(Self.escape(service.computer))</td><td>\(Self.escape(service.name))</td>"
                + "<td>\(Self.escape(service.displayName))</td><td>\(service.status.rawValue)</td></tr>\n"
        }
        html += "</table>\n</body></html>\n"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            try context.writeError("Cannot write the report '\(url.path)': \(error.localizedDescription)",
                                   id: "ReportNotWritten", category: .WriteError, target: .string(url.path))
        }
    }

    private static func escape(_ text: String) -> String { Markup.html(text) }
}

/// The -InputObject of Start/Stop-CsWindowsService: any value, shown in help as `NTService`.
/// Values that are not service objects are reported by the cmdlet, naming the input.
struct NTServiceInput: ParameterValue {
    let value: PSValue
    static var parameterTypeName: String { "NTService" }
    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue { value }
    init(coerced: PSValue) { value = coerced }
}
