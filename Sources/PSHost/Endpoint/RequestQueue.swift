import Foundation
import PSCmdlets
import PSRuntime
import Synchronization

/// Frames for the engine thread, handed over by the connection's reader thread.
final class RequestQueue: Sendable {
    private let frames = Mutex<[(RemotingChannel.Kind, [UInt8])]>([])
    private let arrived = DispatchSemaphore(value: 0)

    func put(_ frame: (RemotingChannel.Kind, [UInt8])) {
        frames.withLock { $0.append(frame) }
        arrived.signal()
    }

    /// Waits for the next frame.
    func take() -> (RemotingChannel.Kind, [UInt8]) {
        while true {
            arrived.wait()
            if let frame = frames.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return frame }
        }
    }
}
