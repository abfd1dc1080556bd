import Foundation
import PSCmdlets
import PSRuntime

/// The client of an endpoint session on the console (`pcsh -Connect`, automatic for accounts
/// that do not own the deployment, and Enter-PSSession): command lines run in the endpoint; their
/// objects come back and are formatted here with the same views, errors and other streams are
/// shown here, and prompts are answered here.
final class RemoteConsole {
    let shell: Shell
    private(set) var session: RemoteSession?
    /// Where the remote session stands, for the prompt.
    private(set) var location = "/"

    init(shell: Shell) { self.shell = shell }

    init(shell: Shell, session: RemoteSession) {
        self.shell = shell
        self.session = session
        self.location = session.welcome.location
    }

    /// `pcsh -Connect …`: opens the session, runs what the command line asks, closes it.
    func run() -> Int32 {
        defer {
            shell.output.flush()
            shell.host.flush()
        }
        let environment = ProcessInfo.processInfo.environment
        let socket = shell.options.socketPath ?? RemoteSession.defaultSocketPath(environment: environment)
        do {
            let hello = RemoteSessionTable.hello(context: shell.context, role: shell.options.role, claimedUser: shell.options.user)
            session = try RemoteSession.connect(socketPath: socket, hello: hello, id: 1, name: nil)
        } catch let error as RuntimeError {
            shell.host.writeDiagnostic("pcsh: \(error.record.message)\n", stream: .error)
            return 1
        } catch {
            shell.host.writeDiagnostic("pcsh: \(error)\n", stream: .error)
            return 1
        }
        guard let session else { return 1 }
        defer { session.close() }
        location = session.welcome.location
        switch shell.options.mode {
        case .command(let text):
            return exitCode(of: execute(text))
        case .file(let path, let arguments):
            guard let text = TextDecoding.contents(ofFile: shell.context.resolvePath(path)) else {
                shell.host.writeDiagnostic("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n", stream: .error)
                return 64
            }
            return exitCode(of: execute(text, commandLine: arguments))
        case .commandFromStandardInput:
            return exitCode(of: execute(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)))
        default:
            if isatty(STDIN_FILENO) != 1 {
                return exitCode(of: execute(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)))
            }
            if !shell.options.noLogo {
                shell.host.writeOutput("Connected to the management endpoint as \(session.welcome.userName) (login \(session.welcome.login)); roles: \(session.welcome.roles.isEmpty ? "none" : session.welcome.roles.joined(separator: ", ")).\n")
            }
            return InteractiveLoop(shell: shell, remote: self).run()
        }
    }

    /// The prompt while this session is entered.
    var prompt: String { "[\(session?.computerName ?? "endpoint")]: PS \(location)> " }

    /// Runs one command line in the session and shows what comes back.
    func execute(_ text: String, commandLine: [String]? = nil) -> Shell.Outcome {
        guard let session else { return .failed }
        defer { shell.output.flush() }
        do {
            let done = try session.invoke(text, commandLine: commandLine, context: shell.context, sink: sink)
            location = done.location
            shell.context.lastStatus = done.succeeded
            if let code = done.exitCode { return .exited(code) }
            return done.succeeded ? .completed : .failed
        } catch let error as RuntimeError {
            shell.output.flush()
            shell.context.displayError(error.record)
            return .exited(1)
        } catch {
            shell.host.writeDiagnostic("\(error)\n", stream: .error)
            return .exited(1)
        }
    }

    /// Tab completion from the endpoint.
    func complete(line: String, cursor: Int) -> CompletionResult {
        guard let result = session?.complete(line, cursor: cursor) else { return CompletionResult(replacementStart: cursor, items: []) }
        let items = zip(result.matches, result.appendsSpace).map { CompletionItem(text: $0, kind: $1 ? .command : .folder) }
        return CompletionResult(replacementStart: result.replacementIndex, items: items)
    }

    private var sink: RemoteSession.Sink {
        let shell = self.shell
        return RemoteSession.Sink(
            output: { try shell.output.emit($0) },
            error: { error in
                shell.output.flush()
                shell.host.writeDiagnostic(error.rendered + "\n", stream: .error)
            },
            stream: { text in
                shell.output.flush()
                shell.host.writeDiagnostic(text.text, stream: HostStream(named: text.stream))
            },
            host: { text in
                shell.output.flush()
                shell.host.writeHost(text.text, newline: text.newline, foreground: text.foreground, background: text.background)
            },
            progress: { update in shell.context.service((any PSRuntime.ProgressReporting).self)?.report(update, context: shell.context) })
    }

    private func exitCode(of outcome: Shell.Outcome) -> Int32 {
        outcome.exitCode ?? (shell.context.lastStatus ? 0 : 1)
    }
}

extension HostStream {
    /// The stream a remoting frame names; unknown names are shown as information.
    init(named name: String) {
        switch name {
        case "error": self = .error
        case "warning": self = .warning
        case "verbose": self = .verbose
        case "debug": self = .debug
        default: self = .information
        }
    }
}
