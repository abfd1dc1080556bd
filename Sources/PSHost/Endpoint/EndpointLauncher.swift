import Foundation
import Glibc
import LyncDeployment
import PSCmdlets
import SystemPackage

/// The command-line modes around the management endpoint that need no local session:
/// serving, bootstrapping, a worker, the SSH relay; and the rule that sends everyone but the
/// deployment's own account through the endpoint.
enum EndpointLauncher {
    /// Runs `options` if it is one of those modes; nil otherwise.
    static func run(_ options: CommandLineOptions) -> Int32? {
        let environment = ProcessInfo.processInfo.environment
        let home = DeploymentHome(path: PcshPaths.dataHome(environment: environment))
        switch options.mode {
        case .endpoint:
            let socket = options.socketPath ?? RemoteSession.defaultSocketPath(environment: environment)
            return ManagementEndpoint(home: home, socketPath: socket, log: { Self.writeError($0 + "\n") }).run()
        case .endpointWorker:
            return EndpointWorker().run()
        case .endpointRelay:
            return relay(socketPath: options.socketPath ?? RemoteSession.defaultSocketPath(environment: environment))
        case .bootstrap(let administrator):
            return bootstrap(home: home, administrator: administrator)
        default:
            return nil
        }
    }

    /// Whether this pcsh must work through the endpoint: `-Connect`, or a deployment home that
    /// belongs to another account (then the store is not this account's to open), or, with no
    /// home of one's own, an endpoint listening at the default socket that another account runs.
    static func mustConnect(_ options: CommandLineOptions, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch options.mode {
        case .version, .help, .endpoint, .endpointWorker, .endpointRelay, .bootstrap: return false
        default: break
        }
        if options.connect { return true }
        // root works on the store directly, as the deployment's own account does.
        if geteuid() == 0 { return false }
        var status = stat()
        let home = PcshPaths.dataHome(environment: environment)
        if stat(home, &status) == 0 { return status.st_uid != geteuid() }
        guard environment["PCSH_HOME"].map({ $0.isEmpty }) ?? true else { return false }
        let socket = options.socketPath ?? RemoteSession.defaultSocketPath(environment: environment)
        return stat(socket, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK && status.st_uid != geteuid()
    }

    // MARK: Modes

    private static func bootstrap(home: DeploymentHome, administrator: String) -> Int32 {
        do {
            let store = try CentralManagementStore.open(home: home, creation: .bootstrap(administrator: administrator))
            let admin = try store.setting("CreatedBy") ?? administrator
            print("Created the deployment in '\(home.root.path)' (private to this account). '\(admin)' is its first administrator (RTCUniversalServerAdmins).")
            print("Start the management endpoint with 'pcsh -Endpoint' so that other accounts can work with it.")
            return 0
        } catch {
            writeError("pcsh: -Bootstrap: \(error)\n")
            return 1
        }
    }

    /// Copies standard input to the endpoint and its answers to standard output until either ends.
    private static func relay(socketPath: String) -> Int32 {
        guard let socket = try? UnixDomainSocket.connect(path: socketPath) else {
            writeError("pcsh: no management endpoint is listening at '\(socketPath)' on this machine.\n")
            return 1
        }
        signal(SIGPIPE, SIG_IGN)
        let upstream = Thread {
            pump(from: FileDescriptor(rawValue: 0), to: socket)
            _ = shutdown(socket.rawValue, Int32(SHUT_WR))
        }
        upstream.start()
        pump(from: socket, to: FileDescriptor(rawValue: 1))
        return 0
    }

    private static func pump(from source: FileDescriptor, to target: FileDescriptor) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard let count = try? buffer.withUnsafeMutableBytes({ try source.read(into: $0, retryOnInterrupt: true) }), count > 0 else { return }
            guard (try? buffer.withUnsafeBytes({ try target.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count])) })) != nil else { return }
        }
    }

    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
