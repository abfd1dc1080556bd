import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `System.Net.IPAddress` (`[ipaddress]`): an IPv4 or IPv6 address, parsed and printed the way
/// .NET does (inet_pton / inet_ntop, which follow the same RFC 5952 text forms).
public final class IPAddressValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.Net.IPAddress"
    public let bytes: [UInt8]
    public let scopeId: UInt32

    public init(bytes: [UInt8], scopeId: UInt32 = 0) {
        self.bytes = bytes
        self.scopeId = scopeId
    }

    public var isIPv6: Bool { bytes.count == 16 }

    /// Parses an address as `IPAddress.Parse` accepts it; nil when it is not one. Besides
    /// dotted quads, .NET takes the short IPv4 forms (`10.1`, a bare number) and `[v6]` / `v6%scope`.
    public static func parse(_ raw: String) -> IPAddressValue? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { text = String(text[text.index(after: text.startIndex)..<close]) }
        if text.contains(":") {
            var scope: UInt32 = 0
            if let percent = text.firstIndex(of: "%") {
                guard let s = UInt32(text[text.index(after: percent)...]) else { return nil }
                scope = s
                text = String(text[..<percent])
            }
            var addr = in6_addr()
            guard inet_pton(AF_INET6, text, &addr) == 1 else { return nil }
            let b = withUnsafeBytes(of: &addr) { Array($0) }
            return IPAddressValue(bytes: b, scopeId: scope)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for p in parts {
            guard !p.isEmpty, p.allSatisfy(\.isNumber), let n = UInt64(p) else { return nil }
            numbers.append(n)
        }
        // The last part fills the remaining bytes (`10.1` is 10.0.0.1).
        var value: UInt64 = 0
        for (i, n) in numbers.enumerated() {
            let isLast = i == numbers.count - 1
            let width = isLast ? UInt64(4 - i) * 8 : 8
            guard n < (1 << width) else { return nil }
            value = isLast ? (value << width) | n : (value << 8) | n
        }
        return IPAddressValue(bytes: (0..<4).map { UInt8((value >> (24 - 8 * UInt64($0))) & 0xFF) })
    }

    public var text: String {
        if !isIPv6 { return bytes.map(String.init).joined(separator: ".") }
        var addr = in6_addr()
        withUnsafeMutableBytes(of: &addr) { for i in 0..<16 { $0[i] = bytes[i] } }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
        let base = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return scopeId == 0 ? base : "\(base)%\(scopeId)"
    }

    var isLoopback: Bool { isIPv6 ? bytes == Array(repeating: 0, count: 15) + [1] : bytes[0] == 127 }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { text }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { text }
    public var dynamicPropertyNames: [String] {
        ["AddressFamily", "ScopeId", "IsIPv6Multicast", "IsIPv6LinkLocal", "IsIPv6SiteLocal", "IsIPv6Teredo",
         "IsIPv6UniqueLocal", "IsIPv4MappedToIPv6", "IPAddressToString"] + (isIPv6 ? [] : ["Address"])
    }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "addressfamily":
            return EnumTypes.member(isIPv6 ? "InterNetworkV6" : "InterNetwork", of: PSTypeInfo(fullName: "System.Net.Sockets.AddressFamily")).map { .object($0) }
        case "scopeid":
            guard isIPv6 else {
                throw RuntimeError("The attempted operation is not supported for the type of object referenced.",
                                   id: "SocketException", category: .NotSpecified, exceptionType: "System.Net.Sockets.SocketException")
            }
            return .long(Int64(scopeId))
        case "address" where !isIPv6:
            // .NET stores the IPv4 address in network order inside a little-endian long.
            return .long(bytes.enumerated().reduce(Int64(0)) { $0 | Int64($1.element) << (8 * Int64($1.offset)) })
        case "ipaddresstostring": return .string(text)
        case "isipv6multicast": return .bool(isIPv6 && bytes[0] == 0xFF)
        case "isipv6linklocal": return .bool(isIPv6 && bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80)
        case "isipv6sitelocal": return .bool(isIPv6 && bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0)
        case "isipv6teredo": return .bool(isIPv6 && bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
        case "isipv6uniquelocal": return .bool(isIPv6 && bytes[0] & 0xFE == 0xFC)
        case "isipv4mappedtoipv6": return .bool(isIPv4Mapped)
        default: return nil
        }
    }

    private var isIPv4Mapped: Bool { isIPv6 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "tostring": return .string(text)
        case "getaddressbytes": return .object(PSArray(bytes.map { .byte($0) }, elementTypeName: "System.Byte"))
        case "equals":
            guard let other = arguments.first.flatMap(Self.from) else { return .bool(false) }
            return .bool(other.bytes == bytes && other.scopeId == scopeId)
        case "gethashcode": return .int(Int32(truncatingIfNeeded: bytes.hashValue))
        case "maptoipv6":
            return .object(isIPv6 ? self : IPAddressValue(bytes: Array(repeating: 0, count: 10) + [0xFF, 0xFF] + bytes))
        case "maptoipv4":
            return .object(isIPv6 ? IPAddressValue(bytes: Array(bytes[12...])) : self)
        default: return nil
        }
    }

    static func from(_ value: PSValue) -> IPAddressValue? {
        if case .object(let o) = value.baseValue { return o as? IPAddressValue }
        return nil
    }
}
