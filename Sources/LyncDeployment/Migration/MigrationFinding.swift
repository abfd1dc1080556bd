/// One thing the import found: a conversion it makes, a warning, or an error that stops it.
/// Every finding names its item (a legacy path, a principal's URI, an add-in's name).
public struct MigrationFinding: Sendable, Equatable {
    public enum Severity: String, Sendable, CaseIterable {
        case conversion = "Conversion", warning = "Warning", error = "Error"
    }

    public var severity: Severity
    public var rule: MigrationRule
    /// The item: `Root/Eng/Backend/build`, `sip:ann@litwareinc.com`, an add-in name…
    public var item: String
    /// What happens to it (or what is wrong), in a sentence.
    public var message: String
    /// The error id (errors only), as PowerShell error records carry.
    public var errorID: String?

    public init(_ severity: Severity, _ rule: MigrationRule, item: String, _ message: String, errorID: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.item = item
        self.message = message
        self.errorID = errorID
    }

    /// `[Rule] item: message`, as -WhatIf, -Verbose and the warning stream show it.
    public var line: String { "[\(rule.title)] \(item): \(message)" }
}

/// The rules of migration-rules.md, in its order; findings are grouped by them in the report.
public enum MigrationRule: Int, Sendable, CaseIterable, Comparable {
    case flattenCategories = 1, prefixRooms, nameLength, nameCollision, managers, membersAndScope, invitations,
         categorySettings, privacyAndType, federatedPrincipals, disabledPrincipals, disabledRooms, addins, messages,
         overwrites, forest, services, sourceData

    public var title: String {
        switch self {
        case .flattenCategories: "Flatten categories"
        case .prefixRooms: "Prefix room names"
        case .nameLength: "Name length"
        case .nameCollision: "Name collisions"
        case .managers: "Managers"
        case .membersAndScope: "Members, scope and creators"
        case .invitations: "Invitations"
        case .categorySettings: "Chat history and file upload"
        case .privacyAndType: "Privacy, type and presenters"
        case .federatedPrincipals: "Federated principals"
        case .disabledPrincipals: "Disabled principals"
        case .disabledRooms: "Disabled rooms"
        case .addins: "Add-ins"
        case .messages: "Messages"
        case .overwrites: "Overwritten items"
        case .forest: "Forest"
        case .services: "Services"
        case .sourceData: "Source data"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Names compare as SQL Server's _CI_ collation and Persistent Chat do: Unicode simple case
/// folding, no normalisation.
enum NameFolding {
    static func fold(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            // Simple folding maps one scalar to one scalar; upper-then-lower gives that mapping
            // (final sigma, Kelvin sign, micro sign…) and leaves multi-scalar foldings (ß) alone.
            let upper = String(scalar).uppercased().unicodeScalars
            let lower = upper.count == 1 ? String(upper).lowercased().unicodeScalars : String(scalar).lowercased().unicodeScalars
            if lower.count == 1, let only = lower.first { out.append(only) } else { out.append(scalar) }
        }
        return String(out)
    }
}
