import GRDB

/// Who holds a SIP address: a SIP address belongs to at most one user or contact in the
/// deployment, so creating an object with an address first asks who has it.
public enum SipAddressRegistry {
    public enum Holder: Equatable, Sendable {
        case user(samAccountName: String)
        case contact(kind: String, sipAddress: String, displayName: String?)

        /// Words for an error message: `the user 'ocschat'`.
        public var description: String {
            switch self {
            case .user(let name): "the user '\(name)'"
            case .contact(let kind, let sip, let displayName):
                (kind == "PersistentChat" ? "the Persistent Chat endpoint" : "the trusted application endpoint")
                    + " '\(displayName ?? sip)'"
            }
        }
    }

    /// `sip:` + the address, lower-cased scheme; the address itself keeps its case.
    public static func normalize(_ address: String) -> String {
        let trimmed = address.trimmingWhitespace
        if trimmed.lowercased().hasPrefix("sip:") { return "sip:" + trimmed.dropFirst(4) }
        return "sip:" + trimmed
    }

    /// Checks the form the docs require: the `sip:` prefix, a user part and a domain with a dot.
    public static func isWellFormed(_ address: String) -> Bool {
        guard address.lowercased().hasPrefix("sip:") else { return false }
        let rest = address.dropFirst(4)
        let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !rest.contains { $0 == " " || $0 == "\t" }
    }

    /// The object holding `address` (compared case-insensitively), if any.
    public static func holder(of address: String, in db: Database) throws -> Holder? {
        if let user = try String.fetchOne(db, sql: "SELECT samAccountName FROM directoryUser WHERE sipAddress = ?",
                                          arguments: [address]) {
            return .user(samAccountName: user)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT kind, sipAddress, displayName FROM contact WHERE sipAddress = ?",
                                      arguments: [address]) {
            return .contact(kind: row["kind"], sipAddress: row["sipAddress"], displayName: row["displayName"])
        }
        return nil
    }

    /// Throws `SipAddressInUse` naming the holder when `address` is taken.
    public static func requireFree(_ address: String, in db: Database) throws {
        if let holder = try holder(of: address, in: db) {
            throw DeploymentError(.resourceExists, id: "SipAddressInUse",
                                  "The SIP address '\(address)' is already used by \(holder.description). Remove it from that object (or delete the object) first.",
                                  target: address)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
