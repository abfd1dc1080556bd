import Foundation

/// The identity forms of trusted application pools, applications and their GRUUs.
public enum TrustedApplicationNames {
    public static let poolIdentityPrefix = "TrustedApplicationPool:"
    public static let registrarPrefix = "Registrar:"
    public static let applicationUrnPrefix = "urn:application:"

    /// `TrustPool.litwareinc.com` for `TrustedApplicationPool:TrustPool.litwareinc.com` (or the
    /// FQDN itself).
    public static func strippingPoolPrefix(_ identity: String) -> String {
        stripping(poolIdentityPrefix, from: identity.trimmingWhitespace)
    }

    public static func strippingRegistrarPrefix(_ value: String) -> String {
        stripping(registrarPrefix, from: value.trimmingWhitespace)
    }

    /// The application id without the `urn:application:` prefix.
    public static func applicationId(_ text: String) -> String {
        stripping(applicationUrnPrefix, from: text.trimmingWhitespace)
    }

    /// Splits `<pool FQDN>/<application id>` (the id with or without its `urn:application:`
    /// prefix) into the pool and the bare id.
    public static func parseApplicationIdentity(_ identity: String) throws -> (pool: String, applicationId: String) {
        let text = identity.trimmingWhitespace
        guard let slash = text.firstIndex(of: "/") else {
            throw DeploymentError(.invalidArgument, id: "InvalidTrustedApplicationIdentity",
                                  "'\(identity)' is not a trusted application identity. Write it as <pool FQDN>/<application ID>, for example TrustPool.litwareinc.com/tapp1.",
                                  target: identity)
        }
        let pool = strippingPoolPrefix(String(text[..<slash]))
        let id = applicationId(String(text[text.index(after: slash)...]))
        guard !pool.isEmpty, !id.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "InvalidTrustedApplicationIdentity",
                                  "'\(identity)' names no pool or no application. Write it as <pool FQDN>/<application ID>, for example TrustPool.litwareinc.com/tapp1.",
                                  target: identity)
        }
        return (pool, id)
    }

    /// True for a host name or IPv4 address a pool or computer can have: labels of letters,
    /// digits and hyphens separated by dots.
    public static func isValidFqdn(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 255, !text.hasPrefix("."), !text.hasSuffix(".") else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The domain SIP addresses and GRUUs use: the forest when it is a DNS name, else the pool's
    /// DNS domain (`litwareinc.com` for `TrustPool.litwareinc.com`).
    static func sipDomain(forest: String, pool: String) -> String {
        if forest.contains(".") { return forest }
        let labels = pool.split(separator: ".")
        if labels.count > 2 { return labels.dropFirst().joined(separator: ".") }
        return forest
    }

    /// A GRUU for `computer` serving application `applicationId`:
    /// `sip:<computer>@<domain>;gruu;opaque=srvr:<id>:<22 characters>AAA`. The opaque part is
    /// derived from the names, so the same application always gets the same GRUU.
    static func gruu(computer: String, applicationId: String, domain: String) -> String {
        let seed = (computer + "|" + applicationId).lowercased()
        var bytes: [UInt8] = []
        for salt: UInt64 in [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4] {
            var hash = salt
            for byte in seed.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
        }
        let opaque = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        return "sip:\(computer)@\(domain);gruu;opaque=srvr:\(applicationId):\(opaque)AAA"
    }

    private static func stripping(_ prefix: String, from text: String) -> String {
        if text.lowercased().hasPrefix(prefix.lowercased()) { return String(text.dropFirst(prefix.count)).trimmingWhitespace }
        return text
    }
}
