import GRDB

/// A Persistent Chat endpoint: a contact object (row of `contact`, kind `PersistentChat`) that
/// gives a Persistent Chat pool a SIP address legacy clients can reach.
public struct PersistentChatEndpoint: Sendable, Equatable {
    public var objectGuid: String
    public var sipAddress: String
    public var displayName: String?
    /// The FQDN of the Persistent Chat pool the endpoint routes to.
    public var pool: String
    public var enabled: Bool
    public var whenCreated: Double

    /// `CN={guid},CN=Application Contacts,…`: the endpoint's Identity.
    public func distinguishedName(forest: String) -> String {
        DirectoryNames.contactDistinguishedName(objectGuid: objectGuid, forest: forest)
    }

    init(row: Row) {
        objectGuid = row["objectGuid"]
        sipAddress = row["sipAddress"]
        displayName = row["displayName"]
        pool = row["pool"]
        enabled = row["enabled"]
        whenCreated = row["whenCreated"]
    }
}
