import Foundation

/// A column of the legacy contract as the bcp loader converts it, read from the schema SQLite
/// made of LegacyGroupChatSchema's definitions (so the loader holds no schema of its own).
struct LegacyBcpColumn: Sendable {
    enum Kind: Sendable { case integer, text, blob }

    let name: String
    let kind: Kind
    let notNull: Bool
    /// `chatDate`, `…AddedOn`, `…UpdatedOn`: ticks, or a bcp datetime turned into ticks.
    let isTimestamp: Bool
    let isGuid: Bool

    init(name: String, declaredType: String, notNull: Bool) {
        self.name = name
        switch declaredType.uppercased() {
        case "INTEGER": kind = .integer
        case "BLOB": kind = .blob
        default: kind = .text
        }
        self.notNull = notNull
        isTimestamp = LegacyGroupChatSchema.isTimestamp(name)
        isGuid = LegacyGroupChatSchema.isGuid(name)
    }
}

/// Why one field cannot be loaded, and what to do about it.
struct LegacyBcpFieldProblem: Error {
    let what: String
    let fix: String
}
