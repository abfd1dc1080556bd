import Foundation
import PSRuntime
import SystemPackage

/// The client end of a session in a management endpoint (PowerShell's PSSession): reached over
/// the endpoint's Unix socket, or through `ssh` to another machine's endpoint. Scripts run there;
/// their output comes back as deserialized objects, and their prompts are answered here.
public final class RemoteSession: TypedValue, PSDynamicObject {
    public let id: Int
    public let name: String
    public let computerName: String
    /// `Opened` until removed or the connection ends, then `Closed` / `Broken`.
    public private(set) var state = "Opened"
    public let welcome: RemotingMessages.Welcome
    private let channel: RemotingChannel
    private let sshProcess: Process?

    /// What a running script sends back, as the caller wants it shown or kept.
    public struct Sink {
        public var output: (PSValue) throws -> Void
        public var error: (RemotingMessages.ErrorText) throws -> Void
        public var stream: (RemotingMessages.StreamText) -> Void
        public var host: (RemotingMessages.HostText) -> Void
        public var progress: (ProgressUpdate) -> Void

        public init(output: @escaping (PSValue) throws -> Void, error: @escaping (RemotingMessages.ErrorText) throws -> Void,
                    stream: @escaping (RemotingMessages.StreamText) -> Void, host: @escaping (RemotingMessages.HostText) -> Void,
                    progress: @escaping (ProgressUpdate) -> Void) {
            self.output = output
            self.error = error
            self.stream = stream
            self.host = host
            self.progress = progress
        }
    }

    private init(id: Int, name: String, computerName: String, channel: RemotingChannel, sshProcess: Process?,
                 welcome: RemotingMessages.Welcome) {
        self.id = id
        self.name = name
        self.computerName = computerName
        self.channel = channel
        self.sshProcess = sshProcess
        self.welcome = welcome
    }

    /// The endpoint socket on this machine: `$PCSH_ENDPOINT`, else /run/pcsh/endpoint.sock.
    public static func defaultSocketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["PCSH_ENDPOINT"], !path.isEmpty { return path }
        return "/run/pcsh/endpoint.sock"
    }

    /// Connects to the endpoint listening at `socketPath`.
    public static func connect(socketPath: String, hello: RemotingMessages.Hello, id: Int, name: String?) throws -> RemoteSession {
        let socket: FileDescriptor
        do {
            socket = try UnixDomainSocket.connect(path: socketPath)
        } catch let failure as UnixDomainSocket.Failure {
            let hint = [Errno.noSuchFileOrDirectory, .connectionRefused].contains(failure.code)
                ? "No management endpoint is running there; ask the deployment's administrator to start it ('pcsh -Endpoint', or 'systemctl start pcsh-endpoint')."
                : "Check the path ($PCSH_ENDPOINT) and that you may connect to it."
            throw RuntimeError("Cannot connect to the management endpoint at '\(socketPath)': \(failure.code.description). \(hint)",
                               id: "EndpointUnavailable", category: .ResourceUnavailable,
                               exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
        }
        let channel = RemotingChannel(socket: socket)
        return try handshake(channel, hello: hello, id: id, name: name, computerName: "localhost", sshProcess: nil)
    }

    /// Runs `ssh [-l user] host pcsh -EndpointRelay` and talks to that machine's endpoint through
    /// it: SSH authenticates the user, and there the kernel names them to the endpoint.
    public static func connectOverSSH(hostName: String, userName: String?, hello: RemotingMessages.Hello, id: Int, name: String?) throws -> RemoteSession {
        guard !hostName.hasPrefix("-"), userName?.hasPrefix("-") != true else {
            throw RuntimeError("'\(hostName)' is not a host name.", id: "InvalidHostName", category: .InvalidArgument)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let ssh = ProcessInfo.processInfo.environment["PCSH_SSH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ssh"
        process.arguments = [ssh, "-T", "-o", "BatchMode=no"] + (userName.map { ["-l", $0] } ?? []) + ["--", hostName, "pcsh", "-EndpointRelay"]
        let toSSH = Pipe(), fromSSH = Pipe()
        process.standardInput = toSSH
        process.standardOutput = fromSSH
        do {
            try process.run()
        } catch {
            throw RuntimeError("Cannot start ssh to reach '\(hostName)': \(error).", id: "SshUnavailable", category: .ResourceUnavailable,
                               exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
        }
        let channel = RemotingChannel(input: FileDescriptor(rawValue: fromSSH.fileHandleForReading.fileDescriptor),
                                      output: FileDescriptor(rawValue: toSSH.fileHandleForWriting.fileDescriptor))
        return try handshake(channel, hello: hello, id: id, name: name, computerName: hostName, sshProcess: process)
    }

    private static func handshake(_ channel: RemotingChannel, hello: RemotingMessages.Hello, id: Int, name: String?, computerName: String,
                                  sshProcess: Process?) throws -> RemoteSession {
        do {
            try channel.send(.hello, json: hello)
            guard let (kind, payload) = try channel.receive() else {
                throw RuntimeError("The management endpoint closed the connection before the session started.",
                                   id: "EndpointClosed", category: .ResourceUnavailable,
                                   exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
            }
            switch kind {
            case .welcome:
                let welcome = try RemotingChannel.decode(RemotingMessages.Welcome.self, payload)
                return RemoteSession(id: id, name: name ?? "Runspace\(id)", computerName: computerName, channel: channel,
                                     sshProcess: sshProcess, welcome: welcome)
            case .refused:
                let refused = try RemotingChannel.decode(RemotingMessages.Refused.self, payload)
                throw RuntimeError(refused.message, id: refused.errorId, category: .PermissionDenied,
                                   exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
            default:
                throw RemotingChannel.ProtocolError(description: "the endpoint answered the greeting with \(kind)")
            }
        } catch {
            channel.close()
            sshProcess?.terminate()
            if let runtime = error as? RuntimeError { throw runtime }
            throw RuntimeError("The management endpoint could not start a session: \(error).", id: "EndpointProtocolError",
                               category: .ProtocolError,
                               exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
        }
    }

    /// Runs `script` in the session with `arguments` as `$args`, passing what comes back to `sink`
    /// and answering prompts through `context`'s host. Ctrl-C here stops the remote pipeline.
    public func invoke(_ script: String, arguments: [PSValue] = [], commandLine: [String]? = nil, context: ExecutionContext,
                       sink: Sink) throws -> RemotingMessages.Done {
        guard state == "Opened" else {
            throw RuntimeError("The session \(name) is \(state); create a new one with New-PSSession.", id: "SessionNotOpen",
                               category: .InvalidOperation)
        }
        var argumentText: String?
        if !arguments.isEmpty {
            argumentText = RemoteObjectCodec.serialize(.object(PSArray(arguments)), context: context)
        }
        do {
            try channel.send(.invoke, json: RemotingMessages.Invoke(script: script, arguments: argumentText, commandLineArguments: commandLine))
            var stopSent = false
            while true {
                // Ctrl-C while waiting: ask the endpoint to stop, then keep reading until it says done.
                while !channel.waitForInput(milliseconds: 50) {
                    if !stopSent, (try? PipelineInterrupt.throwIfRequested()) == nil {
                        stopSent = true
                        try channel.send(.stop, [])
                    }
                }
                guard let (kind, payload) = try channel.receive() else { break }
                switch kind {
                case .output:
                    for value in try RemoteObjectCodec.deserialize(String(decoding: payload, as: UTF8.self)) { try sink.output(value) }
                case .error: try sink.error(try RemotingChannel.decode(RemotingMessages.ErrorText.self, payload))
                case .stream: sink.stream(try RemotingChannel.decode(RemotingMessages.StreamText.self, payload))
                case .host: sink.host(try RemotingChannel.decode(RemotingMessages.HostText.self, payload))
                case .progress: sink.progress(try RemotingChannel.decode(ProgressUpdate.self, payload))
                case .prompt:
                    let prompt = try RemotingChannel.decode(RemotingMessages.Prompt.self, payload)
                    let answer = prompt.masked ? context.host.readMaskedLine(prompt: prompt.prompt) : context.host.readLine(prompt: prompt.prompt)
                    try channel.send(.answer, json: RemotingMessages.Answer(text: answer))
                case .done: return try RemotingChannel.decode(RemotingMessages.Done.self, payload)
                default: throw RemotingChannel.ProtocolError(description: "unexpected \(kind) frame during a command")
                }
            }
        } catch let error as RuntimeError {
            throw error
        } catch {
            markBroken()
            throw RuntimeError("The connection to the management endpoint broke: \(error).", id: "EndpointConnectionBroken",
                               category: .ResourceUnavailable,
                               exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
        }
        markBroken()
        throw RuntimeError("The management endpoint closed the session (it may have been stopped, or the user was refused).",
                           id: "EndpointConnectionBroken", category: .ResourceUnavailable,
                           exceptionType: "System.Management.Automation.Remoting.PSRemotingTransportException")
    }

    // MARK: As a PSSession object

    public static let typeName = "System.Management.Automation.Runspaces.PSSession"
    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { "[PSSession]\(name)" }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { psToString() }
    public var dynamicPropertyNames: [String] {
        ["Id", "Name", "Transport", "ComputerName", "ComputerType", "State", "ConfigurationName", "Availability", "UserName"]
    }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "id": return .int(Int32(id))
        case "name": return .string(self.name)
        case "transport": return .string(sshProcess == nil ? "UnixSocket" : "SSH")
        case "computername": return .string(computerName)
        case "computertype": return .string("RemoteMachine")
        case "state": return .string(state)
        case "configurationname": return .string("pcsh.endpoint")
        case "availability": return .string(state == "Opened" ? "Available" : "None")
        case "username": return .string(welcome.userName)
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.lowercased() == "tostring" ? .string(psToString()) : nil
    }

    /// Tab completion, computed by the endpoint (which knows what this session may run).
    public func complete(_ input: String, cursor: Int) -> RemotingMessages.Completions? {
        guard state == "Opened", (try? channel.send(.complete, json: RemotingMessages.Complete(input: input, cursor: cursor))) != nil,
              let (kind, payload) = try? channel.receive(), kind == .completions else { return nil }
        return try? RemotingChannel.decode(RemotingMessages.Completions.self, payload)
    }

    /// Ends the session.
    public func close() {
        guard state == "Opened" else { return }
        try? channel.send(.bye, [])
        channel.close()
        sshProcess?.waitUntilExit()
        state = "Closed"
    }

    private func markBroken() {
        channel.close()
        sshProcess?.terminate()
        state = "Broken"
    }
}
