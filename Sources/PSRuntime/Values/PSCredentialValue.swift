/// `[pscredential]` (System.Management.Automation.PSCredential): a user name and a SecureString
/// password. The password shows only as its type; `GetNetworkCredential().Password` reveals it,
/// as in PowerShell.
public final class PSCredentialValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.Management.Automation.PSCredential"
    public let userName: String
    public let password: SecureStringValue

    public init(userName: String, password: SecureStringValue) {
        self.userName = userName
        self.password = password
    }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { ["UserName", "Password"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "username": return .string(userName)
        case "password": return .object(password)
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "getnetworkcredential": return .object(NetworkCredentialValue(qualifiedName: userName, password: password.plainText))
        case "tostring": return .string(Self.typeName)
        default: return nil
        }
    }
}

/// `System.Net.NetworkCredential`: the plain-text view of a credential; a `DOMAIN\user` name
/// splits into Domain and UserName.
public final class NetworkCredentialValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.Net.NetworkCredential"
    let userName: String
    let domain: String
    let password: String

    init(qualifiedName: String, password: String) {
        if let slash = qualifiedName.firstIndex(of: "\\") {
            domain = String(qualifiedName[..<slash])
            userName = String(qualifiedName[qualifiedName.index(after: slash)...])
        } else {
            domain = ""
            userName = qualifiedName
        }
        self.password = password
    }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { ["UserName", "Password", "SecurePassword", "Domain"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "username": return .string(userName)
        case "password": return .string(password)
        case "securepassword": return .object(SecureStringValue(password))
        case "domain": return .string(domain)
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(Self.typeName) : nil
    }
}
