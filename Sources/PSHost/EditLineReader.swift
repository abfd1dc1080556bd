@preconcurrency import CEditLine
import Foundation

/// Line editing on a terminal through libedit's readline-compatible API: emacs keys, history kept
/// in the pcsh home folder from one run to the next, and Tab completion from `CompletionEngine`.
final class EditLineReader: LineReader {
    /// Candidates for the word at the cursor: from the local session, or from an endpoint's.
    typealias CompletionSource = (_ line: String, _ cursor: Int) -> CompletionResult
    private let completion: CompletionSource
    private let historyPath: String

    /// The completion engine for the one readline call in progress. libedit calls back through a
    /// `@convention(c)` function that cannot capture context, so the engine is reached through this
    /// static; it is set only while `readline` runs, on the one thread that runs the loop.
    nonisolated(unsafe) private static var activeCompletion: CompletionSource?
    /// Extra word-break characters for a Tab that directly follows a Tab with several candidates
    /// (the one that lists them): they make libedit's word start where the candidates do, so
    /// the list shows `$name`, `Member(`, `System.Collections` as Tab would insert them.
    /// Any other key clears it.
    nonisolated(unsafe) private static var listingBreaks: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static let plainBreaks = strdup(CompletionEngine.wordBreakCharacters)

    init(completion: @escaping CompletionSource, historyPath: String = HistoryFile.path()) {
        self.completion = completion
        self.historyPath = historyPath
        setlocale(LC_ALL, "")
        rl_readline_name = UnsafePointer(strdup("pcsh"))
        // Ctrl-C is the loop's business: with libedit's own handler the signal would be re-sent to
        // the whole process group. The loop's handler sets a flag that `readCharacter` turns into
        // the end of the line, which the loop then drops.
        rl_catch_signals = 0
        rl_getc_function = { _ in EditLineReader.readCharacter() }
        rl_initialize()
        using_history()
        stifle_history(HistoryFile.maximumEntries)
        // libedit splits words at rl_basic_word_break_characters (its default breaks at `$`);
        // the hook's characters count as breaks too.
        rl_basic_word_break_characters = UnsafePointer(Self.plainBreaks)
        rl_completion_word_break_hook = { EditLineReader.listingBreaks ?? EditLineReader.plainBreaks }
        rl_attempted_completion_function = { text, start, end in
            EditLineReader.completionMatches(text: text, start: start, end: end)
        }
        _ = read_history(historyPath)
    }

    func readLine(prompt: String) -> LineReadResult {
        EditLineReader.activeCompletion = completion
        defer { EditLineReader.activeCompletion = nil }
        guard let raw = CEditLine.readline(prompt) else { return .endOfInput }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a command line to the history (not twice in a row) and saves the file at once, so a
    /// shell that is killed or disconnected keeps what it ran.
    func addHistory(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1), let line = last.pointee.line,
           String(cString: line) == entry {
            return
        }
        _ = add_history(entry)
        save()
    }

    /// The history holds whatever was typed, secrets included: only its owner may read it.
    private func save() {
        try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = write_history(historyPath)
        chmod(historyPath, 0o600)
    }

    func close() {
        save()
        _ = history_truncate_file(historyPath, HistoryFile.maximumEntries)
    }

    // MARK: - Input

    /// Reads one character from the terminal for libedit, as a Unicode scalar value (libedit's
    /// readline layer takes the result as a wide character). Ctrl-C — a SIGINT that cut the read
    /// short, or the raw 0x03 byte — notes the interrupt and ends the line like Enter; the loop then
    /// drops that line. (libedit would otherwise ignore it or treat it as end of input.)
    private static func readCharacter() -> Int32 {
        let newline: Int32 = 10
        guard let lead = ConsoleHostUI.readByte() else { return InterruptSignal.wasRaised ? newline : -1 }
        if lead != 0x09 { setListingBreaks(nil) }
        if lead == 0x03 {
            InterruptSignal.raise()
            return newline
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1 else { return Int32(lead) }
        var bytes = [lead]
        for _ in 1..<length {
            guard let next = ConsoleHostUI.readByte() else { return InterruptSignal.wasRaised ? newline : -1 }
            bytes.append(next)
        }
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return 0xFFFD }
        return Int32(scalar.value)
    }

    // MARK: - Completion glue

    /// Builds readline's match array (`[common prefix, match…, NULL]`, malloc'ed; libedit frees it)
    /// for the word `text` that ends at the cursor.
    private static func completionMatches(text: UnsafePointer<CChar>?, start: Int32, end: Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let engine = activeCompletion, let text, let buffer = rl_line_buffer else { return nil }
        let line = String(cString: buffer)
        let word = String(cString: text)
        let bytes = Array(line.utf8)
        var cursor = min(max(Int(rl_point), 0), bytes.count)
        if !String(decoding: bytes[0..<cursor], as: UTF8.self).hasSuffix(word) { cursor = bytes.count }
        let wordStart = cursor - word.utf8.count
        let result = engine(line, cursor)
        let candidates = result.candidates.compactMap { candidate -> String? in
            Self.fitted(candidate, from: result.replacementStart, to: wordStart, in: bytes)
        }
        guard !candidates.isEmpty else { return nil }
        rl_completion_append_character = result.appendsSpace ? 32 : 0
        let common = candidates.count == 1 ? candidates[0] : Self.commonPrefix(candidates, atLeast: word)
        if candidates.count > 1 {
            // The word's text from the candidates' start once this Tab has inserted `common`.
            let region = result.replacementStart < wordStart
                ? Array(bytes[result.replacementStart..<wordStart]) + Array(common.utf8)
                : Array(Array(common.utf8).dropFirst(result.replacementStart - wordStart))
            setListingBreaks(Self.listingBreak(replacementStart: result.replacementStart, line: bytes, region: region))
        }
        let matches = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
        matches[0] = strdup(common)
        for (index, candidate) in candidates.enumerated() { matches[index + 1] = strdup(candidate) }
        matches[candidates.count + 1] = nil
        return matches
    }

    private static func setListingBreaks(_ characters: String?) {
        free(listingBreaks)
        listingBreaks = characters.map { strdup($0) }
    }

    /// The character just before the candidates' start, when making it a word break lets the next
    /// Tab's word begin exactly there: nothing in `region` (the text from there to the cursor
    /// after this Tab) may be a break. Nil when the candidates start at libedit's own word.
    static func listingBreak(replacementStart: Int, line: [UInt8], region: [UInt8]) -> String? {
        guard replacementStart > 0, replacementStart <= line.count else { return nil }
        let byte = line[replacementStart - 1]
        let plain = Set(CompletionEngine.wordBreakCharacters.utf8)
        guard byte < 0x80, !plain.contains(byte), !region.contains(byte), !region.contains(where: plain.contains) else { return nil }
        return String(UnicodeScalar(byte))
    }

    /// Rewrites a candidate that replaces text from `replacementStart` so it replaces from
    /// `wordStart` instead (where libedit starts its word); nil when that can't be done.
    static func fitted(_ candidate: String, from replacementStart: Int, to wordStart: Int, in line: [UInt8]) -> String? {
        if replacementStart >= wordStart {
            return String(decoding: line[wordStart..<min(replacementStart, line.count)], as: UTF8.self) + candidate
        }
        let typed = line[replacementStart..<wordStart]
        let candidateBytes = Array(candidate.utf8)
        guard candidateBytes.count >= typed.count, candidateBytes.starts(with: typed) else { return nil }
        return String(decoding: candidateBytes[typed.count...], as: UTF8.self)
    }

    /// The longest case-insensitive common prefix, never shorter than what was typed.
    static func commonPrefix(_ candidates: [String], atLeast typed: String) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return typed }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var count = 0
            while count < prefix.count, count < other.count, String(prefix[count]).lowercased() == String(other[count]).lowercased() {
                count += 1
            }
            prefix = Array(prefix.prefix(count))
        }
        return prefix.count >= typed.count ? String(prefix) : typed
    }
}
