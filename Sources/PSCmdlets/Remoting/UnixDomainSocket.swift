import Foundation
import Glibc
import SystemPackage

/// Unix domain sockets as the management endpoint uses them: a listening socket in the file
/// system, the peer's credentials as the kernel recorded them at connect time (SO_PEERCRED, which
/// a client cannot forge), and handing an accepted connection to a worker process (SCM_RIGHTS).
public enum UnixDomainSocket {
    /// Who is at the other end, from the kernel.
    public struct PeerCredentials: Sendable, Equatable {
        public let processId: Int32
        public let userId: UInt32
        public let groupId: UInt32
    }

    /// A failed socket call, with what it was for.
    public struct Failure: Error, CustomStringConvertible {
        public let operation: String
        public let path: String?
        public let code: Errno
        public var description: String {
            "\(operation)\(path.map { " '\($0)'" } ?? ""): \(code.description)"
        }
    }

    /// Binds and listens at `path` (the file must not exist).
    public static func listen(path: String, backlog: Int32 = 128) throws -> FileDescriptor {
        let fd = try socketDescriptor()
        do {
            try withAddress(path) { address, length in
                guard bind(fd.rawValue, address, length) == 0 else { throw Failure(operation: "bind", path: path, code: Errno(rawValue: errno)) }
            }
            guard Glibc.listen(fd.rawValue, backlog) == 0 else { throw Failure(operation: "listen", path: path, code: Errno(rawValue: errno)) }
            return fd
        } catch {
            try? fd.close()
            throw error
        }
    }

    /// Connects to the socket at `path`.
    public static func connect(path: String) throws -> FileDescriptor {
        let fd = try socketDescriptor()
        do {
            try withAddress(path) { address, length in
                while Glibc.connect(fd.rawValue, address, length) != 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "connect", path: path, code: Errno(rawValue: errno))
                }
            }
            return fd
        } catch {
            try? fd.close()
            throw error
        }
    }

    /// Waits for the next connection.
    public static func accept(_ listener: FileDescriptor) throws -> FileDescriptor {
        while true {
            let fd = Glibc.accept(listener.rawValue, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                return FileDescriptor(rawValue: fd)
            }
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw Failure(operation: "accept", path: nil, code: Errno(rawValue: errno))
        }
    }

    /// The credentials of the process that connected `socket`.
    public static func peerCredentials(_ socket: FileDescriptor) throws -> PeerCredentials {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }, which Glibc only declares under _GNU_SOURCE.
        var credentials: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout<(Int32, UInt32, UInt32)>.size)
        guard getsockopt(socket.rawValue, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              length == socklen_t(MemoryLayout<(Int32, UInt32, UInt32)>.size) else {
            throw Failure(operation: "getsockopt(SO_PEERCRED)", path: nil, code: Errno(rawValue: errno))
        }
        return PeerCredentials(processId: credentials.0, userId: credentials.1, groupId: credentials.2)
    }

    /// A connected pair (for a worker's control channel).
    public static func pair() throws -> (FileDescriptor, FileDescriptor) {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw Failure(operation: "socketpair", path: nil, code: Errno(rawValue: errno))
        }
        return (FileDescriptor(rawValue: fds[0]), FileDescriptor(rawValue: fds[1]))
    }

    /// Sends `descriptor` over `channel` (the receiver gets its own copy).
    public static func send(descriptor: FileDescriptor, over channel: FileDescriptor) throws {
        var byte: UInt8 = 1
        var control = [UInt8](repeating: 0, count: cmsgSpace(MemoryLayout<Int32>.size))
        try withUnsafeMutablePointer(to: &byte) { bytePointer in
            var vector = iovec(iov_base: UnsafeMutableRawPointer(bytePointer), iov_len: 1)
            try withUnsafeMutablePointer(to: &vector) { vectorPointer in
                try control.withUnsafeMutableBytes { controlBytes in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let header = controlBytes.baseAddress!.assumingMemoryBound(to: cmsghdr.self)
                    header.pointee.cmsg_level = SOL_SOCKET
                    header.pointee.cmsg_type = Int32(SCM_RIGHTS)
                    header.pointee.cmsg_len = cmsgLength(MemoryLayout<Int32>.size)
                    (controlBytes.baseAddress! + cmsgDataOffset).storeBytes(of: descriptor.rawValue, as: Int32.self)
                    while sendmsg(channel.rawValue, &message, Int32(MSG_NOSIGNAL)) < 0 {
                        if errno == EINTR { continue }
                        throw Failure(operation: "sendmsg(SCM_RIGHTS)", path: nil, code: Errno(rawValue: errno))
                    }
                }
            }
        }
    }

    /// Receives a descriptor sent with `send(descriptor:over:)`; nil when the channel closed.
    public static func receiveDescriptor(over channel: FileDescriptor) throws -> FileDescriptor? {
        var byte: UInt8 = 0
        var control = [UInt8](repeating: 0, count: cmsgSpace(MemoryLayout<Int32>.size))
        return try withUnsafeMutablePointer(to: &byte) { bytePointer in
            var vector = iovec(iov_base: UnsafeMutableRawPointer(bytePointer), iov_len: 1)
            return try withUnsafeMutablePointer(to: &vector) { vectorPointer in
                try control.withUnsafeMutableBytes { controlBytes -> FileDescriptor? in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    var received = recvmsg(channel.rawValue, &message, Int32(MSG_CMSG_CLOEXEC))
                    while received < 0 && errno == EINTR { received = recvmsg(channel.rawValue, &message, Int32(MSG_CMSG_CLOEXEC)) }
                    if received < 0 { throw Failure(operation: "recvmsg(SCM_RIGHTS)", path: nil, code: Errno(rawValue: errno)) }
                    if received == 0 { return nil }
                    let header = controlBytes.baseAddress!.assumingMemoryBound(to: cmsghdr.self)
                    guard message.msg_controllen >= cmsgLength(MemoryLayout<Int32>.size), header.pointee.cmsg_level == SOL_SOCKET,
                          header.pointee.cmsg_type == Int32(SCM_RIGHTS) else { return nil }
                    return FileDescriptor(rawValue: (controlBytes.baseAddress! + cmsgDataOffset).load(as: Int32.self))
                }
            }
        }
    }

    // MARK: Helpers

    private static func socketDescriptor() throws -> FileDescriptor {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(operation: "socket", path: nil, code: Errno(rawValue: errno)) }
        return FileDescriptor(rawValue: fd)
    }

    /// Calls `body` with a `sockaddr_un` for `path`; a path too long for one is an error.
    private static func withAddress(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Void) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw Failure(operation: "socket path too long (at most \(capacity - 1) bytes)", path: path, code: .fileNameTooLong)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                try body(socketAddress, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    // The CMSG_* macros, which Swift does not import.
    private static let cmsgDataOffset = (MemoryLayout<cmsghdr>.size + MemoryLayout<Int>.size - 1) & ~(MemoryLayout<Int>.size - 1)
    private static func cmsgLength(_ length: Int) -> Int { cmsgDataOffset + length }
    private static func cmsgSpace(_ length: Int) -> Int {
        cmsgDataOffset + ((length + MemoryLayout<Int>.size - 1) & ~(MemoryLayout<Int>.size - 1))
    }
}
