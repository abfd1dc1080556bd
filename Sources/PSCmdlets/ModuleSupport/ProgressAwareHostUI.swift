import PSRuntime

/// Wraps the session's host while a progress bar is on screen: any other text first erases the
/// bar, so output never lands after it on the same line. The next Write-Progress draws it again.
final class ProgressAwareHostUI: HostUIWrapper {
    var inner: HostUI
    private unowned let display: ProgressDisplay

    init(inner: HostUI, display: ProgressDisplay) {
        self.inner = inner
        self.display = display
    }

    func writeOutput(_ text: String) {
        display.erase()
        inner.writeOutput(text)
    }

    func writeDiagnostic(_ text: String, stream: HostStream) {
        display.erase()
        inner.writeDiagnostic(text, stream: stream)
    }

    func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        display.erase()
        inner.writeHost(text, newline: newline, foreground: foreground, background: background)
    }

    func readLine(prompt: String) -> String? {
        display.erase()
        return inner.readLine(prompt: prompt)
    }

    func readMaskedLine(prompt: String) -> String? {
        display.erase()
        return inner.readMaskedLine(prompt: prompt)
    }

    var isInteractive: Bool { inner.isInteractive }
    var terminalWidth: Int { inner.terminalWidth }
}
