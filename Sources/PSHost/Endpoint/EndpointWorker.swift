import Foundation
import Glibc
import LyncCmdlets
import LyncDeployment
import PSCmdlets
import PSLanguage
import PSRuntime
import Synchronization
import SystemPackage

/// `pcsh -EndpointWorker`: one session of the management endpoint, in a process of its own that
/// runs as the deployment's account. It gets its connection from the endpoint over standard input
/// (SCM_RIGHTS), asks the kernel who connected (SO_PEERCRED), maps that login to a directory user
/// and runs the client's commands as that user, behind the role check. Output goes back as
/// CLIXML, host text and prompts as frames.
final class EndpointWorker {
    private let host = RemoteHostUI()
    private let context: ExecutionContext
    private var channel: RemotingChannel!
    /// Requests for the engine thread, from the connection's reader.
    private let requests = RequestQueue()

    init() {
        // Made before a connection arrives, so a client does not wait for it.
        context = BuiltinCmdlets.makeSession(host: host)
    }

    func run() -> Int32 {
        let control = FileDescriptor(rawValue: 0)
        // The endpoint closing the control channel (it stopped) ends an idle worker quietly.
        guard let connection = try? UnixDomainSocket.receiveDescriptor(over: control) else { return 0 }
        try? control.close()
        channel = RemotingChannel(socket: connection)
        defer { channel.close() }
        do {
            try serve(connection)
        } catch {
            Self.log("session ended: \(error)")
        }
        return 0
    }

    // MARK: Session start

    private func serve(_ connection: FileDescriptor) throws {
        let peer = try UnixDomainSocket.peerCredentials(connection)
        // A client that never greets must not hold a worker forever.
        guard channel.waitForInput(milliseconds: 30_000), let (kind, payload) = try channel.receive(), kind == .hello else { return }
        let hello = try RemotingChannel.decode(RemotingMessages.Hello.self, payload)
        guard let login = Self.loginName(of: peer.userId) else {
            return refuse("Your uid \(peer.userId) has no login name on this machine, so the endpoint cannot tell who you are.",
                          id: "EndpointUnknownUid")
        }
        if let claimed = hello.claimedUser {
            return refuse("A management endpoint session cannot choose its user (-User or $PCSH_USER asked for '\(claimed)'): the endpoint knows you as the login '\(login)'. Remove -User and unset PCSH_USER.",
                          id: "EndpointIdentityClaimRefused", login: login)
        }
        let home = DeploymentHome(path: PcshPaths.dataHome(environment: ProcessInfo.processInfo.environment))
        let userName: String
        let configuration: EndpointConfiguration
        do {
            let store = try CentralManagementStore.open(home: home, creation: .never)
            userName = try store.read { try ManagementLoginRepository.authenticate(login: login, in: $0) }
            configuration = try EndpointConfiguration.load(home: home)
        } catch let error as DeploymentError {
            return refuse(error.message, id: error.id, login: login, home: home)
        }
        host.attach(channel, interactive: hello.interactive, width: hello.width)
        context.register(service: RemoteProgressReporter(channel: channel) as any PSRuntime.ProgressReporting)
        let deployment = DeploymentSession(home: home, userName: userName, restrictedRole: hello.role,
                                           kind: .endpoint(login: login, configuration: configuration))
        LyncCmdlets.install(into: context, deployment: deployment)
        if let problem = LyncCmdlets.restrictedRoleProblem(context) {
            return refuse("-Role: \(problem)", id: "EndpointRoleRefused", login: login, home: home)
        }
        context.errorDisplay = { [unowned self] record in self.send(record) }
        let roles = LyncCmdlets.sessionRoleNames(context)
        // An administrator starts in the deployment account's home folder; everyone else in the
        // first folder their roles are granted (relative paths then land there), else at `/`.
        let administrator = hello.role == nil && roles.contains(BuiltinRoles.serverAdmins)
        context.location = administrator ? NSHomeDirectory() : configuration.folders(forRoles: roles).first ?? "/"
        let computer = ProcessInfo.processInfo.hostName
        try channel.send(.welcome, json: RemotingMessages.Welcome(
            userName: userName, login: login, roles: roles, location: context.location, computerName: computer))
        Self.log("session of '\(login)' as '\(userName)'\(hello.role.map { " limited to \($0)" } ?? "") started.")
        startReader()
        runRequests()
    }

    /// Tells the client why it may not have a session; refusals for a known login are audited.
    private func refuse(_ message: String, id: String, login: String? = nil, home: DeploymentHome? = nil) {
        try? channel.send(.refused, json: RemotingMessages.Refused(message: message, errorId: id))
        Self.log("refused\(login.map { " '\($0)'" } ?? ""): \(message)")
        guard let login, let home, let store = try? CentralManagementStore.open(home: home, creation: .never) else { return }
        _ = try? store.write { db in
            try AuditLog.append(user: login, roles: [], command: "Enter-PSSession", parameters: [("Login", login)],
                                whatIf: false, outcome: .denied, detail: message, in: db)
        }
    }

    // MARK: Requests

    /// Reads frames while commands run: stop and answers act at once, the rest queue up.
    private func startReader() {
        let channel: RemotingChannel = channel, host = host, requests = requests
        let thread = Thread {
            while true {
                guard let frame = try? channel.receive() else {
                    // The client is gone: stop what runs, and end.
                    PipelineInterrupt.request()
                    if host.isWaitingForAnswer { host.deliver(answer: nil) }
                    requests.put((.bye, []))
                    return
                }
                switch frame.kind {
                case .stop:
                    PipelineInterrupt.request()
                    if host.isWaitingForAnswer { host.deliver(answer: nil) }
                case .answer:
                    host.deliver(answer: (try? RemotingChannel.decode(RemotingMessages.Answer.self, frame.payload))?.text)
                default:
                    requests.put(frame)
                }
            }
        }
        thread.start()
    }

    private func runRequests() {
        while true {
            let (kind, payload) = requests.take()
            switch kind {
            case .invoke:
                guard let request = try? RemotingChannel.decode(RemotingMessages.Invoke.self, payload) else { return }
                if case .exited = run(request) { return }
            case .complete:
                guard let request = try? RemotingChannel.decode(RemotingMessages.Complete.self, payload) else { return }
                try? channel.send(.completions, json: complete(request))
            default:
                return
            }
        }
    }

    private enum Ending { case finished, exited }

    private func run(_ request: RemotingMessages.Invoke) -> Ending {
        PipelineInterrupt.reset()
        var arguments: [PSValue] = []
        if let text = request.arguments {
            // One list: the client's arguments.
            arguments = (try? RemoteObjectCodec.deserialize(text))?.first.flatMap { $0.enumerated } ?? []
        }
        let parsed = Parser.parse(request.script)
        var succeeded = true
        var exitCode: Int32?
        if !parsed.errors.isEmpty {
            for error in parsed.errors.prefix(Shell.shownParseErrors) {
                let record = ErrorRecord(error.message, id: error.id, category: .ParserError,
                                         exceptionType: "System.Management.Automation.ParseException")
                record.invocationInfo.extent = error.extent
                send(record)
            }
            succeeded = false
        } else {
            let output = RemoteOutputPipe(channel: channel, context: context)
            do {
                if let commandLine = request.commandLineArguments {
                    try context.runScriptBlockAsCommand(ScriptBlock(ast: parsed.ast), scriptPath: nil, arguments: commandLine, output: output)
                } else {
                    try context.invokeScriptBlock(ScriptBlock(ast: parsed.ast), dollarUnder: nil, arguments: arguments, newScope: false) {
                        try output.emit($0)
                    }
                }
                succeeded = context.lastStatus
            } catch ControlFlow.exit(let code) {
                exitCode = code
            } catch let error as RuntimeError where error.record.errorId == "PipelineStopped" {
                // Ctrl-C: the prompt simply comes back, as on the local console.
                succeeded = false
            } catch let error as RuntimeError {
                context.recordErrorOnce(error.record)
                send(error.record)
                succeeded = false
            } catch is ControlFlow {
                // `break`, `continue` or `return` at the top of the script: it simply ended.
            } catch {
                succeeded = false
            }
        }
        PipelineInterrupt.reset()
        try? channel.send(.done, json: RemotingMessages.Done(succeeded: succeeded, exitCode: exitCode, location: context.location))
        return exitCode == nil ? .finished : .exited
    }

    private func complete(_ request: RemotingMessages.Complete) -> RemotingMessages.Completions {
        let result = CompletionEngine(context: context).complete(line: request.input, cursor: request.cursor)
        // Names of files and folders would show what lies beyond the session's folders: only
        // commands, parameters, values, variables, members and types are offered.
        let items = result.items.filter { $0.kind != .file && $0.kind != .folder }
        return RemotingMessages.Completions(replacementIndex: result.replacementStart, replacementLength: 0,
                                            matches: items.map(\.text), appendsSpace: items.map(\.appendsSpace))
    }

    /// An error record, as the client rebuilds and shows it.
    private func send(_ record: ErrorRecord) {
        let message = RemotingMessages.ErrorText(
            message: record.message, errorId: record.errorId, category: record.category.rawValue,
            exceptionType: record.exception.typeName,
            targetText: record.targetObject.map { LanguagePrimitives.toString($0, context: context) },
            commandName: record.invocationInfo.commandName, rendered: ErrorView.render(record, context: context))
        try? channel.send(.error, json: message)
    }

    // MARK: Helpers

    static func loginName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    static func log(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data("pcsh worker \(getpid()): \(line)\n".utf8))
    }
}
