import LyncDeployment
import PSRuntime

/// The connection settings New- and Set-CsTrustedApplicationPool share.
struct PoolConnectionValues {
    var registrar: String?
    var outboundOnly: Bool?
    var requiresReplication: Bool?
    var throttleAsServer: Bool?
    var treatAsAuthenticated: Bool?
    var force = false
}

/// A cmdlet with the pool parameters: media ports and connection settings.
protocol HasPortRanges: Cmdlet {
    var ports: PortRanges { get set }
    var connection: PoolConnectionValues { get set }
}

extension NewCsTrustedApplicationPoolCommand: HasPortRanges {}
extension SetCsTrustedApplicationPoolCommand: HasPortRanges {}

enum TrustedApplicationPoolParameters {
    /// -Registrar, -OutboundOnly, -RequiresReplication, -ThrottleAsServer, -TreatAsAuthenticated
    /// and -Force.
    static func connectionParameters<C: HasPortRanges>(_ type: C.Type) -> [Parameter<C>] {
        [
            Parameter("Registrar", \C.connection.registrar,
                      help: "The registrar of the pool: a Front End pool's FQDN or its service id (Registrar:<FQDN>)."),
            Parameter("OutboundOnly", \C.connection.outboundOnly,
                      help: "True when only the servers open connections to the applications, never the reverse. Default for a new pool: False."),
            Parameter("RequiresReplication", \C.connection.requiresReplication,
                      help: "False when the pool's computers need no copy of the Central Management Store. Default for a new pool: True."),
            Parameter("ThrottleAsServer", \C.connection.throttleAsServer,
                      help: "True (the default for a new pool) throttles the applications' connections as servers; False as clients, which is stricter."),
            Parameter("TreatAsAuthenticated", \C.connection.treatAsAuthenticated,
                      help: "True (the default for a new pool) trusts the applications without authenticating them; False requires authentication."),
            .switchParameter("Force", \C.connection.force, help: "Goes ahead without asking for confirmation."),
        ]
    }

    /// -AudioPortStart/-AudioPortCount, -VideoPortStart/-VideoPortCount and
    /// -AppSharingPortStart/-AppSharingPortCount.
    static func portParameters<C: HasPortRanges>(_ type: C.Type) -> [Parameter<C>] {
        [
            Parameter("AppSharingPortCount", \C.ports.appSharingPortCount,
                      help: "How many ports the application sharing range has (0–65535). Default for a new pool: 0."),
            Parameter("AppSharingPortStart", \C.ports.appSharingPortStart,
                      help: "The first port of the application sharing range (1–65535)."),
            Parameter("AudioPortCount", \C.ports.audioPortCount,
                      help: "How many ports the audio range has (0–65535). Default for a new pool: 0."),
            Parameter("AudioPortStart", \C.ports.audioPortStart, help: "The first port of the audio range (1–65535)."),
            Parameter("VideoPortCount", \C.ports.videoPortCount,
                      help: "How many ports the video range has (0–65535). Default for a new pool: 0."),
            Parameter("VideoPortStart", \C.ports.videoPortStart, help: "The first port of the video range (1–65535)."),
        ]
    }
}
