import LyncDeployment
import PSRuntime

/// The six media port parameters New- and Set-CsTrustedApplicationPool share.
struct PortRangeValues {
    var audioPortStart: Int?
    var audioPortCount: Int?
    var videoPortStart: Int?
    var videoPortCount: Int?
    var appSharingPortStart: Int?
    var appSharingPortCount: Int?

    var ranges: PortRanges {
        var ranges = PortRanges()
        ranges.audioPortStart = audioPortStart
        ranges.audioPortCount = audioPortCount
        ranges.videoPortStart = videoPortStart
        ranges.videoPortCount = videoPortCount
        ranges.appSharingPortStart = appSharingPortStart
        ranges.appSharingPortCount = appSharingPortCount
        return ranges
    }
}

/// A cmdlet with media port parameters.
protocol HasPortRanges: Cmdlet {
    var ports: PortRangeValues { get set }
}

extension NewCsTrustedApplicationPoolCommand: HasPortRanges {}
extension SetCsTrustedApplicationPoolCommand: HasPortRanges {}

enum TrustedApplicationPoolParameters {
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
