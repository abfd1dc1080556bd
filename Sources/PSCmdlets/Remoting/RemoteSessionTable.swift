import Foundation
import PSRuntime

/// The PSSessions of one local session (Get-PSSession lists them) and the one Enter-PSSession
/// asked the interactive loop to enter.
public final class RemoteSessionTable {
    public private(set) var sessions: [RemoteSession] = []
    private var nextId = 1
    /// Set by Enter-PSSession; the interactive loop takes it after the command line ends.
    public var pendingEnter: (session: RemoteSession, closeOnExit: Bool)?

    public init() {}

    /// The session table of `context`, made on first use.
    public static func of(_ context: ExecutionContext) -> RemoteSessionTable {
        if let table = context.service(RemoteSessionTable.self) { return table }
        let table = RemoteSessionTable()
        context.register(service: table)
        return table
    }

    /// Opens a session to the local endpoint (`socketPath`) or, with `hostName`, over ssh.
    public func open(hostName: String?, userName: String?, socketPath: String?, name: String?, context: ExecutionContext,
                     keep: Bool = true) throws -> RemoteSession {
        let hello = Self.hello(context: context, role: nil)
        let session: RemoteSession
        if let hostName, !["localhost", ".", "127.0.0.1", "::1"].contains(hostName.lowercased()) || userName != nil {
            session = try RemoteSession.connectOverSSH(hostName: hostName, userName: userName, hello: hello, id: nextId, name: name)
        } else {
            session = try RemoteSession.connect(socketPath: socketPath ?? RemoteSession.defaultSocketPath(), hello: hello, id: nextId, name: name)
        }
        nextId += 1
        if keep { sessions.append(session) }
        return session
    }

    /// Closes and forgets a session.
    public func remove(_ session: RemoteSession) {
        session.close()
        sessions.removeAll { $0 === session }
    }

    /// The greeting a client sends: the host's width and whether someone can answer prompts.
    /// `-User` and `$PCSH_USER` travel as a claim, which the endpoint refuses.
    public static func hello(context: ExecutionContext, role: String?, claimedUser: String? = nil) -> RemotingMessages.Hello {
        let environment = ProcessInfo.processInfo.environment
        let claim = claimedUser ?? environment["PCSH_USER"].flatMap { $0.isEmpty ? nil : $0 }
        return RemotingMessages.Hello(width: context.host.terminalWidth, interactive: context.host.isInteractive, role: role,
                                      claimedUser: claim)
    }
}
