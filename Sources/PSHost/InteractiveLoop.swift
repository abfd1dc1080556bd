import Foundation
import PSCmdlets
import PSLanguage
import PSRuntime
import Synchronization

/// The interactive loop: prompt, read until the parser says the input is complete, run, repeat.
/// On a terminal lines come from libedit (editing, history, completion); otherwise plainly.
final class InteractiveLoop {
    let shell: Shell
    /// Set while command lines go to an endpoint session (`pcsh -Connect`, Enter-PSSession).
    private var remote: RemoteConsole?
    /// True when the loop itself is the remote console (`pcsh -Connect`): `exit` then ends pcsh
    /// instead of leaving an entered session.
    private let remoteOnly: Bool
    /// The session Enter-PSSession opened itself, closed when it is left.
    private var closeOnExit = false

    init(shell: Shell, remote: RemoteConsole? = nil) {
        self.shell = shell
        self.remote = remote
        self.remoteOnly = remote != nil
    }

    func run() -> Int32 {
        if !shell.options.noLogo {
            shell.host.writeOutput("pcsh \(PcshVersion.version)\n")
        }
        // Shell only starts the loop when standard input is a terminal.
        let local = CompletionEngine(context: shell.context)
        let reader: LineReader = EditLineReader(completion: { [unowned self] line, cursor in
            self.remote?.complete(line: line, cursor: cursor) ?? local.complete(line: line, cursor: cursor)
        })
        defer { reader.close() }
        InterruptSignal.install()
        defer { InterruptSignal.uninstall() }

        var buffer = ""
        while true {
            shell.output.flush()
            shell.host.flush()
            let prompt = buffer.isEmpty ? remote?.prompt ?? "PS \(shell.context.location)> " : ">> "
            InterruptSignal.clear()
            let line: String
            switch reader.readLine(prompt: prompt) {
            case .line(let text):
                // Ctrl-C at the prompt ends the read like Enter; the half-typed input is dropped.
                if InterruptSignal.wasRaised {
                    buffer = ""
                    continue
                }
                line = text
            case .endOfInput:
                // A read cut short by Ctrl-C also comes back empty: that one only clears the line.
                if InterruptSignal.wasRaised {
                    buffer = ""
                    shell.host.writeOutput("\n")
                    continue
                }
                shell.host.writeOutput("\n")
                return 0
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            if buffer.trimmingCharacters(in: .whitespaces).isEmpty { buffer = ""; continue }
            let parsed = Parser.parse(buffer)
            // An open block stays open across blank lines (a pasted function keeps its empty lines).
            if parsed.isIncomplete { continue }
            reader.addHistory(buffer)
            let commandLine = buffer
            buffer = ""
            if !parsed.errors.isEmpty {
                shell.reportParseErrors(parsed.errors)
                continue
            }
            PipelineInterrupt.reset()
            InterruptSignal.clear()
            // Errors are shown and the prompt comes back; only `exit` leaves.
            let started = Date()
            let outcome: Shell.Outcome
            if let remote {
                let word = commandLine.trimmingCharacters(in: .whitespaces).lowercased()
                if !remoteOnly && (word == "exit" || word == "exit-pssession") {
                    leaveRemote()
                    continue
                }
                outcome = remote.execute(commandLine)
                if case .exited(let code) = outcome {
                    if remoteOnly { return code }
                    leaveRemote()
                    continue
                }
            } else {
                outcome = shell.execute { try shell.context.runParsed(parsed.ast, output: shell.output) }
                enterRequestedSession()
            }
            shell.context.commandHistory.add(commandLine, succeeded: shell.context.lastStatus && !InterruptSignal.wasRaised,
                                             started: started, ended: Date())
            if InterruptSignal.wasRaised { shell.host.writeOutput("\n") }
            PipelineInterrupt.reset()
            if case .exited(let code) = outcome { return code }
        }
    }
}

extension InteractiveLoop {
    /// Enter-PSSession ran: later command lines go to that session.
    private func enterRequestedSession() {
        let table = RemoteSessionTable.of(shell.context)
        guard let (session, close) = table.pendingEnter else { return }
        table.pendingEnter = nil
        remote = RemoteConsole(shell: shell, session: session)
        closeOnExit = close
    }

    /// `exit` or Exit-PSSession in an entered session: back to the local prompt.
    private func leaveRemote() {
        if closeOnExit, let session = remote?.session { RemoteSessionTable.of(shell.context).remove(session) }
        remote = nil
        closeOnExit = false
    }
}

/// SIGINT while the loop owns the terminal: the handler asks the running pipeline to stop
/// (the engine checks between statements) and notes the interrupt so a read cut short at the
/// prompt clears the line instead of ending the session.
enum InterruptSignal {
    private static let raised = Atomic<Bool>(false)

    static var wasRaised: Bool { raised.load(ordering: .relaxed) }

    static func clear() { raised.store(false, ordering: .relaxed) }

    /// Ctrl-C typed at the prompt (libedit reads it as a key, not as a signal).
    static func raise() { raised.store(true, ordering: .relaxed) }

    static func install() {
        // Without SA_RESTART, so a blocked read at the prompt returns and the loop sees the interrupt.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            InterruptSignal.raised.store(true, ordering: .relaxed)
            PipelineInterrupt.request()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // The test harness (or a parent) may have left SIGINT blocked.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static func uninstall() {
        signal(SIGINT, SIG_DFL)
    }
}
