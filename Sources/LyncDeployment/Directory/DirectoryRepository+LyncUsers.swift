import Foundation
import GRDB

/// Enabling accounts for Lync Server and changing their Lync settings (Enable-CsUser,
/// Set-CsUser). Each function checks everything first, then asks `proceed` (false under -WhatIf
/// or when the user declines) and only then writes, inside the caller's transaction.
extension DirectoryRepository {
    /// Gives an account a SIP address and a registrar pool and lets it sign in. The address is
    /// `settings.sipAddress` or one made by `settings.sipAddressType`; it must be free across the
    /// deployment. Returns nil when `proceed` declined.
    public static func enableForLync(_ identity: String, _ settings: LyncUserEnablement, in db: Database,
                                     proceed: (_ user: DirectoryUser, _ sipAddress: String) throws -> Bool) throws -> DirectoryUser? {
        let user = try requireUser(identity, forms: .lync, in: db)
        if let current = user.sipAddress {
            throw DeploymentError(.invalidOperation, id: "UserAlreadyEnabled",
                                  "The user '\(user.samAccountName)' is already enabled for Lync Server with the SIP address '\(current)'. Change its settings with Set-CsUser, or run Disable-CsUser first to start again.",
                                  target: user.samAccountName)
        }
        let pool = try requireRegistrarPool(settings.registrarPool, in: db)
        let sip = try sipAddress(for: user, settings)
        try requireWellFormed(sip)
        try SipAddressRegistry.requireFree(sip, in: db)
        guard try proceed(user, sip) else { return nil }
        try db.execute(sql: "UPDATE directoryUser SET sipAddress = ?, registrarPool = ?, csEnabled = 1 WHERE samAccountName = ?",
                       arguments: [sip, pool, user.samAccountName])
        return try requireUser(user.samAccountName, in: db)
    }

    /// Changes the Lync settings of an account enabled for Lync Server. Returns nil when
    /// `proceed` declined.
    public static func setLyncUser(_ identity: String, _ changes: LyncUserChanges, in db: Database,
                                   proceed: (DirectoryUser) throws -> Bool) throws -> DirectoryUser? {
        let user = try requireUser(identity, forms: .lync, in: db)
        guard let currentSip = user.sipAddress else {
            throw DeploymentError(.invalidOperation, id: "UserNotEnabledForLync",
                                  "The user '\(user.samAccountName)' is not enabled for Lync Server, so it has no Lync settings to change. Enable it first with Enable-CsUser.",
                                  target: user.samAccountName)
        }
        var sip = currentSip
        if let given = changes.sipAddress {
            sip = try requireSipAddressText(given)
            if let holder = try SipAddressRegistry.holder(of: sip, in: db), holder != .user(samAccountName: user.samAccountName) {
                try SipAddressRegistry.requireFree(sip, in: db)
            }
        }
        let lineUri = try telephoneUri(changes.lineUri, current: user.lineUri, parameter: "LineURI")
        let privateLine = try telephoneUri(changes.privateLine, current: user.privateLine, parameter: "PrivateLine")
        var lineServerUri = user.lineServerUri
        if let given = changes.lineServerUri {
            lineServerUri = given.trimmingWhitespace.isEmpty ? nil : try requireSipAddressText(given, parameter: "LineServerURI")
        }
        if let lineUri, lineUri.caseInsensitiveCompare(user.lineUri ?? "") != .orderedSame {
            try requireFreeLineUri(lineUri, except: user.samAccountName, in: db)
        }
        let voice = changes.enterpriseVoiceEnabled ?? user.enterpriseVoiceEnabled
        let remoteCallControl = changes.remoteCallControlTelephonyEnabled ?? user.remoteCallControlTelephonyEnabled
        let audioVideoDisabled = changes.audioVideoDisabled ?? user.audioVideoDisabled
        if audioVideoDisabled && (voice || remoteCallControl) {
            let which = [voice ? "Enterprise Voice" : nil, remoteCallControl ? "remote call control" : nil].compactMap { $0 }
            throw DeploymentError(.invalidOperation, id: "AudioVideoRequired",
                                  "The user '\(user.samAccountName)' is enabled for \(which.joined(separator: " and ")), which needs audio and video, so AudioVideoDisabled cannot be True. Turn \(voice ? "-EnterpriseVoiceEnabled" : "-RemoteCallControlTelephonyEnabled") off in the same command, or leave audio/video enabled.",
                                  target: user.samAccountName)
        }
        if remoteCallControl && (lineUri == nil || lineServerUri == nil) {
            throw DeploymentError(.invalidOperation, id: "RemoteCallControlNeedsLine",
                                  "Remote call control needs both a line URI and a line server URI, and the user '\(user.samAccountName)' lacks \(lineUri == nil ? "a LineURI" : "a LineServerURI"). Give them with -LineURI tel:+<number> and -LineServerURI sip:<gateway>.",
                                  target: user.samAccountName)
        }
        guard try proceed(user) else { return nil }
        try db.execute(sql: """
            UPDATE directoryUser SET csEnabled = ?, sipAddress = ?, lineUri = ?, lineServerUri = ?, privateLine = ?,
                enterpriseVoiceEnabled = ?, audioVideoDisabled = ?, remoteCallControlTelephonyEnabled = ?
            WHERE samAccountName = ?
            """, arguments: [changes.enabled ?? user.csEnabled, sip, lineUri, lineServerUri, privateLine, voice,
                             audioVideoDisabled, remoteCallControl, user.samAccountName])
        return try requireUser(user.samAccountName, in: db)
    }

    // MARK: Checks

    /// The stored FQDN of a registrar pool: a Front End (or Registrar) pool of the published topology.
    static func requireRegistrarPool(_ value: String?, in db: Database) throws -> String {
        guard let name = value?.trimmingWhitespace, !name.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "RegistrarPoolRequired",
                                  "Enabling a user needs the Registrar pool the user will be homed on. Add -RegistrarPool <Front End pool FQDN> (Get-CsPool lists the pools).")
        }
        let fqdn = name.lowercased().hasPrefix("registrar:") ? String(name.dropFirst(10)) : name
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pool)") ?? false else {
            throw DeploymentError(.invalidOperation, id: "TopologyNotPublished",
                                  "No topology has been published, so there is no Registrar pool '\(fqdn)'. Publish one with Publish-CsTopology first.",
                                  target: name)
        }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT fqdn, role, (\(TopologyRepository.hasRoleSQL) OR role = 'Registrar' COLLATE NOCASE) AS fits FROM pool WHERE fqdn = ?
            """, arguments: [PoolRole.frontEnd.rawValue, PoolRole.frontEnd.rawValue, fqdn]) else {
            throw DeploymentError(.objectNotFound, id: "RegistrarPoolNotFound",
                                  "The pool '\(fqdn)' is not in the published topology. Name one of its Front End pools (Get-CsPool lists them).",
                                  target: name)
        }
        guard row["fits"] as Bool else {
            throw DeploymentError(.invalidArgument, id: "PoolIsNotRegistrar",
                                  "The pool '\(row["fqdn"] as String)' is a \(row["role"] as String) pool and has no Registrar service, so users cannot be homed on it. Name a Front End pool.",
                                  target: name)
        }
        return row["fqdn"]
    }

    /// The address Enable-CsUser gives `user`: the one given, or one made by the address type.
    static func sipAddress(for user: DirectoryUser, _ settings: LyncUserEnablement) throws -> String {
        if let given = settings.sipAddress?.trimmingWhitespace, !given.isEmpty {
            if let type = settings.sipAddressType, type != .none {
                throw DeploymentError(.invalidArgument, id: "SipAddressConflict",
                                      "Give either -SipAddress or -SipAddressType \(type.rawValue), not both: the first sets the address, the second makes one.",
                                      target: given)
            }
            return try requireSipAddressText(given)
        }
        guard let type = settings.sipAddressType, type != .none else {
            throw DeploymentError(.invalidArgument, id: "SipAddressRequired",
                                  "Enabling the user '\(user.samAccountName)' needs a SIP address. Give one with -SipAddress sip:<name>@<domain>, or have one made with -SipAddressType (FirstLastName, EmailAddress, UserPrincipalName or SamAccountName).",
                                  target: user.samAccountName)
        }
        func domain() throws -> String {
            guard let domain = settings.sipDomain?.trimmingWhitespace, !domain.isEmpty else {
                throw DeploymentError(.invalidArgument, id: "SipDomainRequired",
                                      "-SipAddressType \(type.rawValue) makes the address from the account and a SIP domain; add -SipDomain (for example -SipDomain litwareinc.com).",
                                      target: user.samAccountName)
            }
            guard TrustedApplicationNames.isValidFqdn(domain) else {
                throw DeploymentError(.invalidArgument, id: "InvalidSipDomain",
                                      "'\(domain)' is not a SIP domain; give a DNS domain such as litwareinc.com.", target: domain)
            }
            return domain
        }
        func missing(_ what: String, _ hint: String) -> DeploymentError {
            DeploymentError(.invalidData, id: "SipAddressSourceMissing",
                            "The user '\(user.samAccountName)' has no \(what), so -SipAddressType \(type.rawValue) cannot make a SIP address. \(hint)",
                            target: user.samAccountName)
        }
        switch type {
        case .samAccountName:
            return "sip:\(user.samAccountName)@\(try domain())"
        case .firstLastName:
            let given = (user.givenName ?? "").filter { !$0.isWhitespace }
            let surname = (user.surname ?? "").filter { !$0.isWhitespace }
            guard !given.isEmpty, !surname.isEmpty else {
                throw missing("first and last name", "Set GivenName and Surname on the account, or use another address type.")
            }
            return "sip:\(given).\(surname)@\(try domain())"
        case .userPrincipalName:
            guard let upn = user.userPrincipalName, !upn.isEmpty else { throw missing("user principal name", "Use another address type.") }
            return "sip:" + upn
        case .emailAddress:
            guard let mail = user.mail, !mail.isEmpty else {
                throw missing("e-mail address", "Give the account one (New-ADUser -EmailAddress), or use another address type.")
            }
            return "sip:" + mail
        case .none:
            preconditionFailure("handled above")
        }
    }

    /// A SIP address as given: it must start with `sip:` and be well formed. Returns it with the
    /// scheme in lower case.
    static func requireSipAddressText(_ text: String, parameter: String = "SipAddress") throws -> String {
        let trimmed = text.trimmingWhitespace
        guard trimmed.lowercased().hasPrefix("sip:") else {
            throw DeploymentError(.invalidArgument, id: "InvalidSipAddress",
                                  "'\(trimmed)' is not a SIP address: -\(parameter) must start with sip:, as in sip:kenmyer@litwareinc.com.",
                                  target: trimmed)
        }
        let address = SipAddressRegistry.normalize(trimmed)
        try requireWellFormed(address)
        return address
    }

    /// A `tel:` URI setting after a change: `given` nil keeps `current`, empty clears it.
    static func telephoneUri(_ given: String?, current: String?, parameter: String) throws -> String? {
        guard let given else { return current }
        let value = given.trimmingWhitespace
        if value.isEmpty { return nil }
        do {
            try TrustedApplicationRepository.requireLineUri(value)
        } catch let error as DeploymentError {
            throw DeploymentError(error.kind, id: error.id, "-\(parameter): \(error.message)", target: error.target)
        }
        return value
    }

    /// A line URI belongs to one user or endpoint (`tel:+1425…;ext=1` and `tel:+1425…` differ).
    static func requireFreeLineUri(_ uri: String, except samAccountName: String, in db: Database) throws {
        if let holder = try String.fetchOne(db, sql: "SELECT samAccountName FROM directoryUser WHERE lineUri = ? AND samAccountName <> ?",
                                            arguments: [uri, samAccountName]) {
            throw DeploymentError(.resourceExists, id: "LineUriInUse",
                                  "The line URI '\(uri)' is already assigned to the user '\(holder)'. Each number belongs to one user; clear it there first (Set-CsUser -LineURI $null) or choose another.",
                                  target: uri)
        }
        if let holder = try String.fetchOne(db, sql: "SELECT sipAddress FROM contact WHERE lineUri = ? COLLATE NOCASE", arguments: [uri]) {
            throw DeploymentError(.resourceExists, id: "LineUriInUse",
                                  "The line URI '\(uri)' is already assigned to the endpoint '\(holder)'. Choose another number, or change the endpoint first.",
                                  target: uri)
        }
    }
}
