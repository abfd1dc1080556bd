/// Reads plain lines through the console host: no editing, no escape sequences.
/// Used when standard input is not a terminal.
final class PlainLineReader: LineReader {
    private let host: ConsoleHostUI

    init(host: ConsoleHostUI) { self.host = host }

    func readLine(prompt: String) -> LineReadResult {
        if let line = host.readLine(prompt: prompt) { return .line(line) }
        return .endOfInput
    }

    func addHistory(_ entry: String) {}

    func close() {}
}
