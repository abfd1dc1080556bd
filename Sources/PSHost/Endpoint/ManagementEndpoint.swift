import Foundation
import Glibc
import LyncDeployment
import PSCmdlets
import Synchronization
import SystemPackage

/// `pcsh -Endpoint`: the management endpoint. It runs as the account that owns the deployment
/// home, listens on a Unix socket anyone may connect to, and gives each connection to a worker
/// process of its own (`pcsh -EndpointWorker`), as sshd does. Workers are started ahead of time
/// so a connection is served at once; the worker reads the client's identity from the kernel.
final class ManagementEndpoint {
    let home: DeploymentHome
    let socketPath: String
    let log: (String) -> Void
    /// Workers started and waiting for a connection, each with its control channel.
    private var idle: [(pid: pid_t, control: FileDescriptor)] = []
    private let poolSize: Int

    nonisolated(unsafe) private static var stopRequested: sig_atomic_t = 0

    init(home: DeploymentHome, socketPath: String, log: @escaping (String) -> Void) {
        self.home = home
        self.socketPath = socketPath
        self.log = log
        let environment = ProcessInfo.processInfo.environment
        self.poolSize = environment["PCSH_ENDPOINT_WORKERS"].flatMap(Int.init).map { max(0, min($0, 32)) } ?? 2
    }

    /// Serves until SIGTERM or SIGINT; returns the exit code.
    func run() -> Int32 {
        do {
            try checkDeployment()
            let listener = try listen()
            defer {
                try? listener.close()
                unlink(socketPath)
            }
            installStopHandlers()
            log("pcsh endpoint: serving '\(home.root.path)' at '\(socketPath)' (pid \(getpid())).")
            while Self.stopRequested == 0 {
                reapWorkers()
                fillPool()
                var descriptor = pollfd(fd: listener.rawValue, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 250) > 0 else { continue }
                guard let connection = try? UnixDomainSocket.accept(listener) else { continue }
                hand(connection)
            }
            for worker in idle { try? worker.control.close() }
            log("pcsh endpoint: stopped.")
            return 0
        } catch {
            log("pcsh endpoint: \(error)")
            return 1
        }
    }

    // MARK: Start

    /// The endpoint never creates a deployment, and keeps the one it serves private to its account.
    private func checkDeployment() throws {
        _ = try CentralManagementStore.open(home: home, creation: .never)
        _ = try EndpointConfiguration.load(home: home)
        var status = stat()
        guard stat(home.root.path, &status) == 0 else { return }
        guard status.st_uid == geteuid() else {
            throw EndpointError("The deployment home '\(home.root.path)' belongs to uid \(status.st_uid), not to this account (uid \(geteuid())). Run the endpoint as the account that owns it.")
        }
        if status.st_mode & 0o077 != 0 {
            chmod(home.root.path, 0o700)
            log("pcsh endpoint: made '\(home.root.path)' private to its owner (it was \(String(status.st_mode & 0o777, radix: 8))).")
        }
        for file in [home.storeFile.path, home.storeFile.path + "-wal", home.storeFile.path + "-shm"] { chmod(file, 0o600) }
    }

    private func listen() throws -> FileDescriptor {
        let folder = (socketPath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if FileManager.default.fileExists(atPath: socketPath) {
            if let running = try? UnixDomainSocket.connect(path: socketPath) {
                try? running.close()
                throw EndpointError("Another endpoint is already listening at '\(socketPath)'. Stop it first, or pass -Socket with another path.")
            }
            unlink(socketPath)
        }
        let listener = try UnixDomainSocket.listen(path: socketPath)
        // Anyone may connect: who they are comes from the kernel, and what they may do from the roles.
        chmod(socketPath, 0o666)
        return listener
    }

    private func installStopHandlers() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in ManagementEndpoint.stopRequested = 1 }
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        // A parent (a test runner, a shell) may have left them blocked.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // A worker that goes away must not end the endpoint through SIGPIPE on its channel.
        signal(SIGPIPE, SIG_IGN)
    }

    // MARK: Workers

    /// Gives the connection to an idle worker (starting one when none waits).
    private func hand(_ connection: FileDescriptor) {
        defer { try? connection.close() }
        let peer = try? UnixDomainSocket.peerCredentials(connection)
        while true {
            guard let worker = idle.isEmpty ? startWorker() : idle.removeFirst() else {
                log("pcsh endpoint: cannot start a worker; connection from uid \(peer.map { String($0.userId) } ?? "?") dropped.")
                return
            }
            defer { try? worker.control.close() }
            do {
                try UnixDomainSocket.send(descriptor: connection, over: worker.control)
                log("pcsh endpoint: uid \(peer.map { String($0.userId) } ?? "?") (pid \(peer.map { String($0.processId) } ?? "?")) served by worker \(worker.pid).")
                return
            } catch {
                // That worker died while waiting: try the next.
                continue
            }
        }
    }

    private func fillPool() {
        while idle.count < poolSize, let worker = startWorker() { idle.append(worker) }
    }

    private func startWorker() -> (pid: pid_t, control: FileDescriptor)? {
        guard let (mine, theirs) = try? UnixDomainSocket.pair() else { return nil }
        defer { try? theirs.close() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs.rawValue, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["PCSH_HOME"] = home.root.path
        environment["PCSH_USER"] = nil
        let executable = Self.executablePath
        let arguments = [executable, "-EndpointWorker"]
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let result = withCStrings(arguments) { argv in
            withCStrings(envp) { envv in posix_spawn(&pid, executable, &actions, nil, argv, envv) }
        }
        guard result == 0 else {
            try? mine.close()
            log("pcsh endpoint: posix_spawn failed: \(String(cString: strerror(result))).")
            return nil
        }
        return (pid, mine)
    }

    private func reapWorkers() {
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }

    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

/// A reason the endpoint cannot start, as its message.
struct EndpointError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
