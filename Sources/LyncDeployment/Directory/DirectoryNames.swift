import GRDB

/// Distinguished names. They are derived from the forest (the published topology's) and an
/// object's OU path, so publishing a topology for another forest moves the whole directory.
public enum DirectoryNames {
    /// The container of application contacts (Persistent Chat and trusted application endpoints).
    public static let applicationContactsContainer = "CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration"

    /// `CN=<name>,<ou>,DC=…` for an object named `name` in OU path `ou` (e.g. `OU=Sales`).
    public static func distinguishedName(name: String, ou: String, forest: String) -> String {
        "CN=\(escape(name)),\(ou),\(CentralManagementStore.domainComponents(of: forest))"
    }

    /// The DN of an OU path (`OU=Sales,OU=Tenants` → `OU=Sales,OU=Tenants,DC=…`).
    public static func distinguishedName(ou: String, forest: String) -> String {
        "\(ou),\(CentralManagementStore.domainComponents(of: forest))"
    }

    /// The DN of a contact object: `CN={guid},CN=Application Contacts,…`.
    public static func contactDistinguishedName(objectGuid: String, forest: String) -> String {
        "CN={\(objectGuid)},\(applicationContactsContainer),\(CentralManagementStore.domainComponents(of: forest))"
    }

    /// The OU part of a DN (what follows the first RDN, without the DC= components), or nil when
    /// the DN does not end in this forest's domain components.
    public static func ouPath(ofDistinguishedName dn: String, forest: String) -> String? {
        let normalized = normalize(dn)
        let suffix = "," + normalize(CentralManagementStore.domainComponents(of: forest))
        guard normalized.lowercased().hasSuffix(suffix.lowercased()) else { return nil }
        return String(normalized.dropLast(suffix.count))
    }

    /// True when OU path `ou` is `base` or lies below it (case-insensitive).
    public static func isWithin(_ ou: String, _ base: String) -> Bool {
        ou.caseInsensitiveCompare(base) == .orderedSame || ou.lowercased().hasSuffix("," + base.lowercased())
    }

    /// A DN with the spaces after commas removed (`CN=a, DC=b` → `CN=a,DC=b`), for comparison.
    public static func normalize(_ dn: String) -> String {
        relativeNames(dn).joined(separator: ",")
    }

    /// The relative names of a DN (`CN=a`, `OU=b`, `DC=c`), split at unescaped commas and trimmed.
    static func relativeNames(_ dn: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in dn {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { current.append(ch); escaped = true; continue }
            if ch == "," { parts.append(current.trimmingWhitespace); current = ""; continue }
            current.append(ch)
        }
        parts.append(current.trimmingWhitespace)
        return parts
    }

    /// Escapes the characters a DN value cannot hold as they are.
    static func escape(_ value: String) -> String {
        var out = ""
        for ch in value {
            if ",+\"\\<>;=".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
