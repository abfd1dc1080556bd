/// Which cmdlets each built-in role may run, derived from the cmdlets' own declarations: every
/// role may run the read-only (Get-/Search-) cmdlets; a role may run the other cmdlets of the
/// areas it is granted (`BuiltinRoles`). CsAdministrator holds every area.
public struct RoleCatalog: Sendable {
    /// A role-checked cmdlet as its declaration describes it.
    public struct ManagedCommand: Sendable, Equatable {
        public let name: String
        public let areas: [SecurityArea]

        /// `areaList` is the declaration's security area: one area, or several joined by commas
        /// (a cmdlet two roles share, such as granting Persistent Chat policies).
        public init(name: String, areaList: String) {
            self.name = name
            self.areas = areaList.split(separator: ",").compactMap {
                let text = String($0).trimmingWhitespace
                return SecurityArea.allCases.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }
            }
        }

        /// Get- and Search- cmdlets only read.
        public var isReadOnly: Bool {
            let verb = name.split(separator: "-").first.map(String.init) ?? ""
            return RoleCatalog.readOnlyVerbs.contains { $0.caseInsensitiveCompare(verb) == .orderedSame }
        }
    }

    static let readOnlyVerbs = ["Get", "Search"]

    public let commands: [ManagedCommand]

    public init(commands: [ManagedCommand]) {
        self.commands = commands.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    public func command(named name: String) -> ManagedCommand? {
        commands.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The cmdlets a built-in role may run, sorted by name.
    public func cmdlets(of role: BuiltinRoles.Role) -> [String] {
        commands.filter { $0.isReadOnly || !role.areas.isDisjoint(with: $0.areas) }.map(\.name)
    }
}
