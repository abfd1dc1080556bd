/// How Enable-CsUser makes a SIP address when none is given (Lync's `AddressType`).
public enum SipAddressType: String, CaseIterable, Sendable {
    /// `sip:<GivenName>.<Surname>@<SipDomain>`.
    case firstLastName = "FirstLastName"
    /// `sip:` + the account's e-mail address.
    case emailAddress = "EmailAddress"
    /// `sip:` + the account's user principal name.
    case userPrincipalName = "UserPrincipalName"
    /// `sip:<SamAccountName>@<SipDomain>`.
    case samAccountName = "SamAccountName"
    /// No address is made: -SipAddress must be given.
    case none = "None"
}

/// What Enable-CsUser is given.
public struct LyncUserEnablement: Sendable {
    public var registrarPool: String?
    public var sipAddress: String?
    public var sipAddressType: SipAddressType?
    public var sipDomain: String?

    public init(registrarPool: String? = nil, sipAddress: String? = nil, sipAddressType: SipAddressType? = nil,
                sipDomain: String? = nil) {
        self.registrarPool = registrarPool
        self.sipAddress = sipAddress
        self.sipAddressType = sipAddressType
        self.sipDomain = sipDomain
    }
}

/// What Set-CsUser changes; nil leaves a setting as it is. For the URIs an empty string clears
/// the value.
public struct LyncUserChanges: Sendable {
    public var enabled: Bool?
    public var sipAddress: String?
    public var enterpriseVoiceEnabled: Bool?
    public var lineUri: String?
    public var lineServerUri: String?
    public var privateLine: String?
    public var audioVideoDisabled: Bool?
    public var remoteCallControlTelephonyEnabled: Bool?

    public init() {}

    /// True when nothing would change.
    public var isEmpty: Bool {
        enabled == nil && sipAddress == nil && enterpriseVoiceEnabled == nil && lineUri == nil && lineServerUri == nil
            && privateLine == nil && audioVideoDisabled == nil && remoteCallControlTelephonyEnabled == nil
    }
}
