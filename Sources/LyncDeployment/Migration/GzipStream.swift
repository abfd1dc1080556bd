import CZlibStream
import Foundation

/// zlib's gzip format, both ways, chunk by chunk: the export file's message stream
/// (Messages.txt.gz) is compressed at a fast level while the messages are read, and expanded
/// while they are imported, so neither side holds more than a chunk.
enum GzipStream {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// windowBits 15 plus 16: a gzip header and trailer (with the CRC-32 and size) around raw deflate.
    static let gzipWindowBits: Int32 = 15 + 16
    static let chunkSize = 1 << 18

    /// Compresses the bytes handed to `write` into `output` as one gzip member.
    final class Compressor {
        private var stream = z_stream()
        private var outputBuffer = [UInt8](repeating: 0, count: GzipStream.chunkSize)
        private let output: (UnsafeRawBufferPointer) throws -> Void
        private var finished = false

        /// `level` 1 is zlib's fastest: messages compress about 5 to 1 at several times the
        /// speed of the default level.
        init(level: Int32 = 1, output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
            self.output = output
            let code = deflateInit2_(&stream, level, Z_DEFLATED, GzipStream.gzipWindowBits, 8, Z_DEFAULT_STRATEGY,
                                     ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw Failure(description: "zlib could not start compressing (code \(code))") }
        }

        deinit { deflateEnd(&stream) }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            try run(bytes, flush: Z_NO_FLUSH)
        }

        /// Ends the member (writes the trailer). Nothing may be written after.
        func finish() throws {
            guard !finished else { return }
            finished = true
            try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        }

        private func run(_ bytes: UnsafeRawBufferPointer, flush: Int32) throws {
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(bytes.count)
            try outputBuffer.withUnsafeMutableBytes { buffer in
                repeat {
                    stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(buffer.count)
                    let code = deflate(&stream, flush)
                    guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                        throw Failure(description: "zlib failed while compressing (code \(code))")
                    }
                    let produced = buffer.count - Int(stream.avail_out)
                    if produced > 0 { try output(UnsafeRawBufferPointer(rebasing: buffer[0..<produced])) }
                    if flush == Z_FINISH && code == Z_STREAM_END { return }
                } while stream.avail_out == 0 || (flush == Z_FINISH)
            }
        }
    }

    /// Expands a gzip stream fed chunk by chunk, handing the expanded bytes to `output`.
    /// Refuses anything after the member's end, and a stream that ends early.
    final class Decompressor {
        private var stream = z_stream()
        private var outputBuffer = [UInt8](repeating: 0, count: GzipStream.chunkSize)
        private let output: (UnsafeRawBufferPointer) throws -> Void
        private(set) var ended = false

        init(output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
            self.output = output
            let code = inflateInit2_(&stream, GzipStream.gzipWindowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw Failure(description: "zlib could not start expanding (code \(code))") }
        }

        deinit { inflateEnd(&stream) }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard bytes.count > 0 else { return }
            guard !ended else { throw Failure(description: "there are bytes after the end of the gzip stream") }
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(bytes.count)
            try outputBuffer.withUnsafeMutableBytes { buffer in
                while stream.avail_in > 0 || stream.avail_out == 0 {
                    stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(buffer.count)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    switch code {
                    case Z_OK, Z_STREAM_END, Z_BUF_ERROR: break
                    case Z_DATA_ERROR: throw Failure(description: "the gzip data is corrupt (\(stream.msg.map { String(cString: $0) } ?? "bad data"))")
                    default: throw Failure(description: "zlib failed while expanding (code \(code))")
                    }
                    let produced = buffer.count - Int(stream.avail_out)
                    if produced > 0 { try output(UnsafeRawBufferPointer(rebasing: buffer[0..<produced])) }
                    if code == Z_STREAM_END {
                        ended = true
                        guard stream.avail_in == 0 else { throw Failure(description: "there are bytes after the end of the gzip stream") }
                        return
                    }
                    if code == Z_BUF_ERROR && produced == 0 { return }
                }
            }
        }

        /// After the last chunk: the stream must have reached its end (CRC and size checked by zlib).
        func finish() throws {
            guard ended else { throw Failure(description: "the gzip stream ends early (truncated)") }
        }
    }
}
