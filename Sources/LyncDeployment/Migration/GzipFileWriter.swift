import Foundation

/// Writes a gzip file on a second thread: the caller hands over filled buffers and goes on
/// producing the next while this one is compressed and written. At most a few buffers wait,
/// so memory stays bounded whatever the size of the file.
final class GzipFileWriter {
    private let handoff = BoundedHandoff<[UInt8]>(capacity: 3)
    private let compressing: BackgroundTask<Void>
    private var closed = false
    let file: URL

    init(file: URL) throws {
        self.file = file
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path) else {
            throw DeploymentError(.writeError, id: "ExportFileNotWritten", "Cannot create the temporary file '\(file.path)'.", target: file.path)
        }
        let handoff = handoff
        let output = UncheckedSendableBox(handle)
        compressing = BackgroundTask {
            defer { try? output.value.close() }
            do {
                let compressor = try GzipStream.Compressor { bytes in try output.value.write(contentsOf: bytes) }
                while let buffer = try handoff.take() {
                    try buffer.withUnsafeBytes { try compressor.write($0) }
                }
                try compressor.finish()
            } catch {
                handoff.cancel()
                throw error
            }
        }
    }

    deinit {
        // Abandoned (the producer failed): stop the thread without finishing the file; the
        // task's own deinit waits for it.
        if !closed { handoff.finish(CancellationError()) }
    }

    /// Hands `buffer` to the compressing thread; throws its error if it has stopped.
    func write(_ buffer: [UInt8]) throws {
        guard handoff.put(buffer) else {
            try finish()
            throw GzipStream.Failure(description: "the compressing thread stopped")
        }
    }

    /// Waits for everything to be compressed and written; throws the thread's error, if any.
    func finish() throws {
        if !closed {
            closed = true
            handoff.finish()
        }
        do { try compressing.value() } catch {
            throw DeploymentError(.writeError, id: "ExportFileNotWritten", "Cannot write the temporary file '\(file.path)': \(error).", target: file.path)
        }
    }
}
