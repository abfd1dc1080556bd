import Foundation
import Markup

/// The -Report page of Export- and Import-CsPersistentChatData: summary counts (read, written,
/// skipped) for categories, rooms, add-ins, principals and messages, then every finding grouped by
/// rule. Self-contained HTML (styles inline), overwriting an existing file.
public struct MigrationReport {
    public var title: String
    public var subtitle: [String] = []
    public var outcome: String
    public var counts: [(kind: String, counts: MigrationPlan.Counts)] = []
    public var findings: [MigrationFinding] = []

    public init(title: String, outcome: String) {
        self.title = title
        self.outcome = outcome
    }

    public var html: String {
        var page = HtmlReportPage(title: title)
        for line in subtitle { page.paragraph(line, cssClass: "meta") }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let conversions = findings.filter { $0.severity == .conversion }.count
        page.badges([
            ("\(errors) error\(errors == 1 ? "" : "s")", errors > 0 ? "error" : "ok"),
            ("\(warnings) warning\(warnings == 1 ? "" : "s")", warnings > 0 ? "warning" : "ok"),
            ("\(conversions) conversion\(conversions == 1 ? "" : "s")", "info"),
        ])
        page.paragraph(outcome)
        page.heading("Summary")
        page.table(headers: ["Items", "Read", "Written", "Skipped"],
                   rows: counts.map { [$0.kind, String($0.counts.read), String($0.counts.written), String($0.counts.skipped)] },
                   numericColumns: [1, 2, 3])
        for severity in [MigrationFinding.Severity.error, .warning, .conversion] {
            let group = findings.filter { $0.severity == severity }
            page.heading(severity == .error ? "Errors" : severity == .warning ? "Warnings" : "Conversions", id: severity.rawValue.lowercased())
            if group.isEmpty {
                page.paragraph("None.")
                continue
            }
            let byRule = Dictionary(grouping: group, by: \.rule)
            for rule in byRule.keys.sorted() {
                let items = byRule[rule] ?? []
                page.openSection("\(rule.rawValue). \(rule.title) (\(items.count))", open: severity != .conversion || items.count <= 50)
                page.table(headers: severity == .error ? ["Item", "Error", "Id"] : ["Item", "What happens"],
                           rows: items.map { severity == .error ? [$0.item, $0.message, $0.errorID ?? ""] : [$0.item, $0.message] },
                           rowClasses: items.map { _ in severity.rawValue.lowercased() })
                page.closeSection()
            }
        }
        return page.html
    }

    /// Writes the page to `file`, replacing what is there.
    public func write(to file: URL) throws {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: file, options: .atomic)
        } catch {
            throw DeploymentError(.writeError, id: "ReportNotWritten",
                                  "Cannot write the report '\(file.path)': \(error.localizedDescription). Check the folder exists and is writable.",
                                  target: file.path)
        }
    }
}
