import PSLanguage

// SKELETON — being implemented by the lead.
/// Runs one command of a pipeline.
final class CommandProcessor {
    func emit(_ value: PSValue) throws {}
    func writeError(_ record: ErrorRecord) throws {}
    func writeWarning(_ message: String) throws {}
    func writeVerbose(_ message: String) throws {}
    func writeDebug(_ message: String) throws {}
    func writeInformation(_ value: PSValue, tags: [String], fromHost: Bool) throws {}
    func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) throws {}
    func stopUpstreamSignal() -> ControlFlow { .stopUpstream(token: ObjectIdentifier(self)) }
    func shouldProcess(target: String, action: String) throws -> Bool { true }
}
