import Foundation
import PSRuntime
import Synchronization

/// The host of a session that runs in the management endpoint: everything it would show goes to
/// the client as frames, and a prompt waits for the client's answer (which the connection's
/// reader hands over through `deliver(answer:)`).
public final class RemoteHostUI: HostUI, @unchecked Sendable {
    /// Set once a client is attached (a worker makes its session before a connection arrives).
    private var channel: RemotingChannel?
    public private(set) var isInteractive = false
    public private(set) var terminalWidth = 120
    private let answers = Mutex<[String?]>([])
    private let answerArrived = DispatchSemaphore(value: 0)
    private let waiting = Atomic<Bool>(false)

    public init() {}

    /// Sends everything from now on to `channel`'s client.
    public func attach(_ channel: RemotingChannel, interactive: Bool, width: Int) {
        self.channel = channel
        self.isInteractive = interactive
        self.terminalWidth = max(20, min(width, 1000))
    }

    /// True while a prompt waits for the client.
    public var isWaitingForAnswer: Bool { waiting.load(ordering: .relaxed) }

    public func writeOutput(_ text: String) {
        try? channel?.send(.host, json: RemotingMessages.HostText(text: text, newline: false))
    }

    public func writeDiagnostic(_ text: String, stream: HostStream) {
        try? channel?.send(.stream, json: RemotingMessages.StreamText(stream: "\(stream)", text: text))
    }

    public func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        try? channel?.send(.host, json: RemotingMessages.HostText(text: text, newline: newline, foreground: foreground, background: background))
    }

    public func readLine(prompt: String) -> String? { ask(prompt, masked: false) }

    public func readMaskedLine(prompt: String) -> String? { ask(prompt, masked: true) }

    /// The client's answer to the open prompt (nil: none, the user pressed Ctrl-C or left).
    public func deliver(answer: String?) {
        answers.withLock { $0.append(answer) }
        answerArrived.signal()
    }

    private func ask(_ prompt: String, masked: Bool) -> String? {
        guard isInteractive, (try? channel?.send(.prompt, json: RemotingMessages.Prompt(prompt: prompt, masked: masked))) != nil else {
            return nil
        }
        answerArrived.wait()
        return answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
