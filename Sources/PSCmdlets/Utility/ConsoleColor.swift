import PSRuntime

/// The console colours of `-ForegroundColor` and `-BackgroundColor` (System.ConsoleColor).
enum ConsoleColor: String, ParameterEnum {
    case Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray,
         DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White

    static var parameterTypeName: String { "ConsoleColor" }
}
