/// The text of one script (a file, a `-Command` string, a REPL entry), shared by every extent in it
/// so that errors can quote the offending line.
public final class SourceFile: Sendable {
    public let text: String
    /// The file path, or nil for text that did not come from a file.
    public let path: String?
    /// UTF-8 offsets where each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]

    public init(text: String, path: String? = nil) {
        self.text = text
        self.path = path
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let utf8 = Array(text.utf8)
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : utf8.count
        if end > start, end <= utf8.count, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start <= end else { return "" }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// Where a piece of syntax sits in its source: UTF-8 offsets plus 1-based line and column
/// (columns count characters, as PowerShell reports them).
public struct SourceExtent: Sendable, Equatable, CustomStringConvertible {
    public let file: SourceFile?
    public var startOffset: Int
    public var endOffset: Int
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(file: SourceFile?, startOffset: Int, endOffset: Int,
                startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.file = file
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// An extent for values that have no source (built-in defaults, synthesized nodes).
    public static let empty = SourceExtent(file: nil, startOffset: 0, endOffset: 0,
                                           startLine: 0, startColumn: 0, endLine: 0, endColumn: 0)

    /// The extent covering both `self` and `other`.
    public func union(_ other: SourceExtent) -> SourceExtent {
        let first = startOffset <= other.startOffset ? self : other
        let last = endOffset >= other.endOffset ? self : other
        return SourceExtent(file: file ?? other.file, startOffset: first.startOffset, endOffset: last.endOffset,
                            startLine: first.startLine, startColumn: first.startColumn,
                            endLine: last.endLine, endColumn: last.endColumn)
    }

    /// The source text this extent covers.
    public var text: String {
        guard let file else { return "" }
        let utf8 = file.text.utf8
        guard startOffset >= 0, endOffset <= utf8.count, startOffset <= endOffset else { return "" }
        let s = utf8.index(utf8.startIndex, offsetBy: startOffset)
        let e = utf8.index(utf8.startIndex, offsetBy: endOffset)
        return String(file.text[s..<e])
    }

    public var description: String { "\(startLine):\(startColumn)-\(endLine):\(endColumn)" }

    public static func == (lhs: SourceExtent, rhs: SourceExtent) -> Bool {
        lhs.startOffset == rhs.startOffset && lhs.endOffset == rhs.endOffset && lhs.file === rhs.file
    }
}
