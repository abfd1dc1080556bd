import Foundation
import PSLanguage

/// `[System.Management.Automation.Language.Parser]::ParseInput(text, [ref]$tokens, [ref]$errors)`
/// and `::ParseFile(path, …)`: parse without running, fill the references with the tokens and
/// the syntax errors, and return the script's ScriptBlockAst.
enum AstParsing {
    static func parse(_ call: MethodCall, isFile: Bool) throws -> PSValue {
        try call.count(3...4)
        let refs = try [call.arguments.count - 2, call.arguments.count - 1].map { i -> PSReferenceValue in
            guard case .object(let o) = call.arguments[i], let r = o as? PSReferenceValue else {
                throw RuntimeError("Argument: '\(i + 1)' should be a System.Management.Automation.PSReference. Use [ref].",
                                   id: "NonRefArgumentToRefParameterMsg", category: .NotSpecified,
                                   exceptionType: "System.Management.Automation.MethodException", target: call.arguments[i])
            }
            return r
        }
        let text: String
        var path: String?
        if isFile {
            guard call.count == 3 else { throw call.overloadError() }
            let full = call.context.resolvePath(call.string(0))
            try call.context.authorizeFile(full, .reads, commandName: "[System.Management.Automation.Language.Parser]::ParseFile")
            guard let data = FileManager.default.contents(atPath: full) else {
                throw call.failure("System.IO.FileNotFoundException", "Could not find file '\(full)'.")
            }
            text = TextDecoding.decode(data)
            path = full
        } else {
            text = call.arguments[0].isNull ? "" : call.string(0)
            if call.count == 4, !call.arguments[1].isNull { path = call.string(1) }
        }
        let result = Parser.parse(text, path: path)
        let file = SourceFile(text: text, path: path)
        try refs[0].setValue(.object(PSArray(tokens(text, file: file), elementTypeName: "System.Management.Automation.Language.Token")),
                             context: call.context)
        try refs[1].setValue(.object(PSArray(result.errors.map { .object(ParseErrorValue($0)) },
                                             elementTypeName: "System.Management.Automation.Language.ParseError")),
                             context: call.context)
        return AstBuilder().scriptBlock(result.ast)
    }

    /// The script's tokens as the command-mode lexer sees them, ending with EndOfInput.
    private static func tokens(_ text: String, file: SourceFile) -> [PSValue] {
        Lexer.tokenize(text).map { token in
            let kind: String
            if token.kind == .keyword, let keyword = token.keyword {
                kind = keyword.rawValue.prefix(1).uppercased() + keyword.rawValue.dropFirst()
            } else {
                kind = token.kind.rawValue.prefix(1).uppercased() + token.kind.rawValue.dropFirst()
            }
            return .object(TokenValue(text: token.text, kind: kind, extent: extent(token.start, token.end, file)))
        }
    }

    private static func extent(_ start: Int, _ end: Int, _ file: SourceFile) -> SourceExtent {
        func position(_ offset: Int) -> (line: Int, column: Int) {
            var line = 0
            while line + 1 < file.lineStarts.count && file.lineStarts[line + 1] <= offset { line += 1 }
            return (line + 1, offset - file.lineStarts[line] + 1)
        }
        let s = position(start), e = position(end)
        return SourceExtent(file: file, startOffset: start, endOffset: end, startLine: s.line, startColumn: s.column,
                            endLine: e.line, endColumn: e.column)
    }
}
