import Foundation
import Glibc
import Synchronization
import SystemPackage

/// One remoting connection, as frames: a 4-byte big-endian length, a kind byte, then the
/// payload (JSON, or a CLIXML document for objects). Sends may come from any thread (the
/// worker's output and its reader's replies); receives come from one reader.
public final class RemotingChannel: Sendable {
    /// Larger frames are refused: a hostile or broken peer must not make the other side allocate
    /// without bound.
    public static let maximumFrame = 64 << 20

    public enum Kind: UInt8, Sendable {
        // Client → endpoint.
        case hello = 1, invoke, stop, answer, complete, bye
        // Endpoint → client.
        case welcome = 20, refused, output, error, stream, host, prompt, done, completions, progress
    }

    /// The peer broke the protocol.
    public struct ProtocolError: Error, CustomStringConvertible {
        public let description: String
    }

    private let input: FileDescriptor
    private let output: FileDescriptor
    private let sendLock = Mutex<Void>(())
    private let closed = Atomic<Bool>(false)

    /// A channel over one socket (`input == output`) or a pipe pair (an `ssh` child's stdout and stdin).
    public init(input: FileDescriptor, output: FileDescriptor) {
        self.input = input
        self.output = output
    }

    public convenience init(socket: FileDescriptor) { self.init(input: socket, output: socket) }

    /// Sends one frame. Fails once the peer is gone.
    public func send(_ kind: Kind, _ payload: [UInt8]) throws {
        var frame = [UInt8]()
        frame.reserveCapacity(payload.count + 5)
        let length = UInt32(payload.count + 1)
        frame += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF), kind.rawValue]
        frame += payload
        try sendLock.withLock { _ in
            try frame.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.send(output.rawValue, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    if written < 0 {
                        if errno == EINTR { continue }
                        // Not a socket (a pipe to ssh): plain write.
                        if errno == ENOTSOCK {
                            offset += try output.write(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                            continue
                        }
                        throw UnixDomainSocket.Failure(operation: "send", path: nil, code: Errno(rawValue: errno))
                    }
                    offset += written
                }
            }
        }
    }

    public func send<Message: Encodable>(_ kind: Kind, json message: Message) throws {
        try send(kind, Array(try JSONEncoder().encode(message)))
    }

    public func send(_ kind: Kind, text: String) throws { try send(kind, Array(text.utf8)) }

    /// The next frame; nil when the peer closed the connection.
    public func receive() throws -> (kind: Kind, payload: [UInt8])? {
        guard let header = try read(count: 4) else { return nil }
        let length = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        guard length >= 1, length <= Self.maximumFrame else {
            throw ProtocolError(description: "a frame of \(length) bytes (at most \(Self.maximumFrame) are accepted)")
        }
        guard let body = try read(count: length) else { throw ProtocolError(description: "the connection ended inside a frame") }
        guard let kind = Kind(rawValue: body[0]) else { throw ProtocolError(description: "unknown frame kind \(body[0])") }
        return (kind, Array(body[1...]))
    }

    /// Decodes a frame's JSON payload.
    public static func decode<Message: Decodable>(_ type: Message.Type, _ payload: [UInt8]) throws -> Message {
        do {
            return try JSONDecoder().decode(type, from: Data(payload))
        } catch {
            throw ProtocolError(description: "a malformed \(type) message")
        }
    }

    /// Waits up to `milliseconds` for something to read; true when there is.
    public func waitForInput(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: input.rawValue, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Closes both directions once (a blocked reader on the other side sees the end).
    public func close() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        _ = shutdown(output.rawValue, Int32(SHUT_RDWR))
        try? input.close()
        if output != input { try? output.close() }
    }

    private func read(count: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try buffer.withUnsafeMutableBytes { bytes in
                try input.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), retryOnInterrupt: true)
            }
            if got == 0 {
                if filled == 0 { return nil }
                throw ProtocolError(description: "the connection ended inside a frame")
            }
            filled += got
        }
        return buffer
    }
}
