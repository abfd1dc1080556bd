import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `[Environment]::OSVersion` (System.OperatingSystem): on Linux .NET reports the platform Unix
/// and the kernel release's numbers as the version (`Unix 6.1.0.18`).
public final class OperatingSystemValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.OperatingSystem"
    let version: VersionValue

    init() {
        var info = utsname()
        uname(&info)
        let release = withUnsafeBytes(of: &info.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let numbers = release.split { !$0.isNumber }.prefix(4).compactMap { Int($0) }
        version = VersionValue(major: numbers.first ?? 0, minor: numbers.count > 1 ? numbers[1] : 0,
                               build: numbers.count > 2 ? numbers[2] : -1, revision: numbers.count > 3 ? numbers[3] : -1)
    }

    var versionString: String { "Unix \(version.psToString())" }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { versionString }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { versionString }
    public var dynamicPropertyNames: [String] { ["Platform", "ServicePack", "Version", "VersionString"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "platform": return .string("Unix")
        case "servicepack": return .string("")
        case "version": return .object(version)
        case "versionstring": return .string(versionString)
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(versionString) : nil
    }
}
