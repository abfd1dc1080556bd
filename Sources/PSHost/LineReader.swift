/// What one read at the prompt gave.
enum LineReadResult: Equatable {
    /// A line as typed. After Ctrl-C at the prompt (`InterruptSignal.wasRaised`) it is dropped.
    case line(String)
    /// Ctrl-D on an empty line, or the end of standard input.
    case endOfInput
}

/// Reads the interactive loop's input one line at a time.
protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineReadResult
    /// Remembers an entered command (a complete, possibly multi-line, input).
    func addHistory(_ entry: String)
    /// Saves history and gives the terminal back.
    func close()
}
