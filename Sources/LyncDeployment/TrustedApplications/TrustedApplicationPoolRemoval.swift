/// Everything removing a trusted application pool takes with it, found before anything is
/// deleted: shown under -WhatIf, asked about, and reported after the removal.
public struct TrustedApplicationPoolRemoval: Sendable, Equatable {
    public let pool: TrustedApplicationPool
    /// Application identities (`<pool>/urn:application:<id>`); each goes with its Trusted Service Entry.
    public let applications: [String]
    /// The SIP addresses of the endpoints created for those applications.
    public let endpoints: [String]
    /// The computers of the pool.
    public let computers: [String]

    /// `TrustPool.litwareinc.com with 2 applications, 3 endpoints and 1 computer`, for the
    /// confirmation question.
    public var summary: String {
        let parts = [(applications.count, "application"), (endpoints.count, "endpoint"), (computers.count, "computer")]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        guard let last = parts.last else { return pool.fqdn }
        let list = parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
        return "\(pool.fqdn) with \(list)"
    }
}
