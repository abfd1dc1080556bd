/// The export file (docs/export-format.md): a zip of UTF-8 parts. The Ad* parts and ChatRooms.xml
/// keep the names and shapes other tools read; the rest is ours, versioned by `formatVersion`.
public enum ChatExportFormat {
    /// The version this build writes and the only one it reads.
    public static let formatVersion = 2

    public static let manifest = "Manifest.xml"
    public static let adUsers = "AdUsers.xml"
    public static let adGroups = "AdGroups.xml"
    public static let adAffiliations = "AdAffiliations.xml"
    public static let categories = "Categories.xml"
    public static let chatRooms = "ChatRooms.xml"
    public static let addins = "Addins.xml"
    /// The principals the other parts name, for exports without the User level.
    public static let references = "References.xml"
    /// The messages: the text lines of Messages.txt as one gzip stream, stored in the zip as it is.
    public static let messages = "Messages.txt.gz"

    public static let allParts = [manifest, adUsers, adGroups, adAffiliations, categories, chatRooms, addins, references, messages]

    /// The first line of the message text.
    public static let messagesHeader = "#pcsh-messages 1"

    /// What -Level exports.
    public enum Level: String, CaseIterable, Sendable {
        case all = "All", user = "User", category = "Category", roomDirectory = "RoomDirectory", content = "Content"

        public var includesUsers: Bool { self == .all || self == .user }
        public var includesCategories: Bool { self == .all || self == .category }
        public var includesRooms: Bool { self == .all || self == .roomDirectory }
        public var includesContent: Bool { self == .all || self == .content }

        public init?(caseInsensitive text: String) {
            guard let found = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else { return nil }
            self = found
        }
    }

    /// What kind of database an export came from.
    public enum SourceKind: String, Sendable {
        case groupChat2010 = "GroupChat2010", groupChat2007R2 = "GroupChat2007R2", persistentChat2013 = "PersistentChat2013"

        /// Legacy data goes through the conversions; a Persistent Chat export is restored as it is.
        public var isLegacy: Bool { self != .persistentChat2013 }

        public init?(caseInsensitive text: String) {
            guard let found = [Self.groupChat2010, .groupChat2007R2, .persistentChat2013]
                .first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else { return nil }
            self = found
        }
    }

    // MARK: Limits that keep a hostile file from exhausting memory or disk

    /// The most an XML part may expand to (they are read into memory).
    public static let maxXmlPartBytes: Int64 = 256 << 20
    /// The most any part may expand to.
    public static let maxPartBytes: Int64 = 16 << 30
    /// Expansion beyond this ratio (uncompressed / compressed) for parts over `ratioFloorBytes`
    /// is taken for a decompression bomb. Deflate cannot exceed about 1032:1; text rarely passes 20:1.
    public static let maxCompressionRatio: Int64 = 200
    public static let ratioFloorBytes: Int64 = 32 << 20
    /// Longest line of Messages.txt (a message with 1 MB of escaped content and rtf is far below).
    public static let maxMessageLineBytes = 64 << 20
}
