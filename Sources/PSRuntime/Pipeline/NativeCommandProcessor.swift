import Foundation
import PSLanguage

/// Runs a native program. Pipeline input goes to its standard input as lines; its standard
/// output comes back as one string per line; the exit code lands in `$LASTEXITCODE`.
final class NativeCommandProcessor: CommandProcessor {
    let path: String
    let arguments: [CommandArgument]
    private var input: [PSValue] = []

    init(context: ExecutionContext, path: String, arguments: [CommandArgument], extent: SourceExtent?) {
        self.path = path
        self.arguments = arguments
        super.init(context: context, commandName: (path as NSString).lastPathComponent, extent: extent)
    }

    override func prepare() throws {
        try authorize(kind: .application, securityArea: nil,
                      bound: { [unowned self] in self.argumentStrings().enumerated().map { ("Argument\($0.offset)", PSValue.string($0.element)) } })
    }

    override func emit(_ value: PSValue) throws {
        inputCount += 1
        input.append(value)
    }

    override func end() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = argumentStrings()
        process.currentDirectoryURL = URL(fileURLWithPath: context.location)
        let stdout = Foundation.Pipe()
        process.standardOutput = stdout
        let stderrPipe = Foundation.Pipe()
        if redirects.mergeErrors || redirects.discardErrors || redirects.errorFile != nil {
            process.standardError = stderrPipe
        }
        let stdin = Foundation.Pipe()
        if expectingInput { process.standardInput = stdin }
        do {
            try process.run()
        } catch {
            throw RuntimeError("Program '\(commandName)' failed to run: \(error.localizedDescription)",
                               id: "NativeCommandFailed", category: .ResourceUnavailable, extent: extent)
        }
        if expectingInput {
            let text = input.map { LanguagePrimitives.toString($0, context: context) + "\n" }.joined()
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async {
                // A program that stops reading (head -1) closes the pipe: EPIPE ends the input, nothing more.
                try? writer.write(contentsOf: Data(text.utf8))
                try? writer.close()
            }
        }
        // Standard error is drained on another thread so a chatty program can't block on a full pipe.
        let errorBox = DataBox()
        let errorReader = DispatchGroup()
        if process.standardError as? Foundation.Pipe === stderrPipe {
            errorReader.enter()
            DispatchQueue.global().async {
                errorBox.data = stderrPipe.fileHandleForReading.readDataToEndOfFile()
                errorReader.leave()
            }
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorReader.wait()
        let errorData = errorBox.data
        try emitLines(String(decoding: data, as: UTF8.self))
        if redirects.mergeErrors {
            try emitLines(String(decoding: errorData, as: UTF8.self))
        } else if let file = redirects.errorFile {
            try context.appendText(String(decoding: errorData, as: UTF8.self), toFile: file.path, append: true)
        }
        let code = process.terminationStatus
        try context.setVariable(VariablePath(qualifier: "global", name: "LASTEXITCODE"), .int(code))
        if code != 0 { hadError = true }
        completed = true
    }

    private func emitLines(_ text: String) throws {
        guard !text.isEmpty else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            try writeOutput(.string(line.hasSuffix("\r") ? String(line.dropLast()) : String(line)))
        }
    }

    /// Arguments as the program sees them: arrays spread, parameters as written.
    private func argumentStrings() -> [String] {
        var result: [String] = []
        for argument in arguments {
            switch argument {
            case .parameter(_, let value, let text, _):
                if let value {
                    result.append(text.hasSuffix(":") ? text + LanguagePrimitives.toString(value, context: context) : text)
                } else {
                    result.append(text)
                }
            case .value(let value, _):
                if let items = value.enumerated {
                    result.append(contentsOf: items.map { LanguagePrimitives.toString($0, context: context) })
                } else {
                    result.append(LanguagePrimitives.toString(value, context: context))
                }
            }
        }
        return result
    }
}

/// Bytes filled in by a reader thread and read after it has finished (the group orders the accesses).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
