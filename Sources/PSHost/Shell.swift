import Foundation
import LyncCmdlets
import LyncDeployment
import PSCmdlets
import PSLanguage
import PSRuntime

/// Runs pcsh for one command line: a script file, a command, standard input or the interactive
/// loop, and turns the outcome into pwsh's exit code.
public final class Shell {
    let options: CommandLineOptions
    let host: ConsoleHostUI
    let context: ExecutionContext
    let output: OutDefaultPipe

    /// Runs pcsh for `options`: an endpoint mode, a session through the endpoint, or a local one.
    public static func main(options: CommandLineOptions) -> Int32 {
        if let code = EndpointLauncher.run(options) { return code }
        let shell = Shell(options: options)
        if EndpointLauncher.mustConnect(options) { return RemoteConsole(shell: shell).run() }
        return shell.run()
    }

    public init(options: CommandLineOptions) {
        self.options = options
        let interactive = !options.nonInteractive && isatty(STDIN_FILENO) == 1
        self.host = ConsoleHostUI(interactive: interactive)
        self.context = BuiltinCmdlets.makeSession(host: host)
        let environment = ProcessInfo.processInfo.environment
        let deployment = DeploymentSession(
            home: DeploymentHome(path: PcshPaths.dataHome(environment: environment)),
            userName: DeploymentSession.userName(explicit: options.user, environment: environment),
            restrictedRole: options.role)
        LyncCmdlets.install(into: context, deployment: deployment)
        BuiltinCmdlets.setTableHeaderStyling(context, enabled: host.stylesOutput)
        self.output = OutDefaultPipe(context: context)
        host.beforeWrite = { [unowned output] in output.flush() }
    }

    /// Runs and returns the process exit code.
    public func run() -> Int32 {
        defer {
            output.flush()
            host.flush()
        }
        switch options.mode {
        case .version, .help, .endpoint, .endpointWorker, .endpointRelay, .bootstrap: break
        default:
            if let problem = LyncCmdlets.restrictedRoleProblem(context) {
                host.writeDiagnostic("pcsh: -Role: \(problem)\n", stream: .error)
                return 1
            }
            if !options.noProfile { runProfile() }
        }
        switch options.mode {
        case .version:
            host.writeOutput("pcsh \(PcshVersion.version) (PowerShell \(PcshVersion.psVersion) language)\n")
            return 0
        case .help:
            host.writeOutput(CommandLineOptions.helpText + "\n")
            return 0
        case .file(let path, let arguments):
            return runFile(path, arguments: arguments)
        case .command(let text):
            return runCommand(text)
        case .commandFromStandardInput:
            return runCommand(readAllStandardInput())
        case .interactive:
            if isatty(STDIN_FILENO) != 1 { return runCommand(readAllStandardInput()) }
            return InteractiveLoop(shell: self).run()
        case .endpoint, .endpointWorker, .endpointRelay, .bootstrap:
            // Run by Shell.main before a Shell exists.
            return 64
        }
    }

    func runFile(_ path: String, arguments: [String]) -> Int32 {
        let full = context.resolvePath(path)
        guard FileManager.default.fileExists(atPath: full) else {
            host.writeDiagnostic("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n", stream: .error)
            return 64
        }
        do {
            try context.authorizeFile(full, .reads, commandName: "-File")
        } catch let error as RuntimeError {
            host.writeDiagnostic(error.record.message + "\n", stream: .error)
            return 1
        } catch {
            return 1
        }
        guard let text = TextDecoding.contents(ofFile: full) else {
            host.writeDiagnostic("Cannot read the script file '\(path)'.\n", stream: .error)
            return 1
        }
        let parsed = Parser.parse(text, path: full)
        if !parsed.errors.isEmpty {
            reportParseErrors(parsed.errors)
            return 1
        }
        return execute {
            try ModuleLoader.satisfyRequirements(of: parsed.ast, scriptPath: full, context: context)
            try context.runScriptBlockAsCommand(ScriptBlock(ast: parsed.ast), scriptPath: full, arguments: arguments, output: output)
        }.exitCode ?? 0
    }

    /// Dot-sources `$PROFILE` in the global scope when it exists; its errors are shown, not fatal.
    func runProfile() {
        let path = PcshPaths.profile
        guard FileManager.default.fileExists(atPath: path),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        _ = execute { try context.runScript(text, path: path) { try output.emit($0) } }
    }

    func runCommand(_ text: String) -> Int32 {
        let parsed = Parser.parse(text)
        if !parsed.errors.isEmpty {
            reportParseErrors(parsed.errors)
            return 1
        }
        if let code = execute({ try context.runParsed(parsed.ast, output: output) }).exitCode { return code }
        return context.lastStatus ? 0 : 1
    }

    /// How a run ended.
    enum Outcome {
        case completed
        /// `exit n`.
        case exited(Int32)
        /// An uncaught terminating error (already shown).
        case failed

        /// The process exit code this outcome forces, if any.
        var exitCode: Int32? {
            switch self {
            case .completed: return nil
            case .exited(let code): return code
            case .failed: return 1
            }
        }
    }

    /// Runs `body`, showing an uncaught error, and says how it ended.
    func execute(_ body: () throws -> Void) -> Outcome {
        defer { output.flush() }
        do {
            try body()
            return .completed
        } catch ControlFlow.exit(let code) {
            return .exited(code)
        } catch let error as RuntimeError where error.record.errorId == "PipelineStopped" {
            // Ctrl-C in the interactive loop: the prompt simply comes back.
            return .completed
        } catch let error as RuntimeError {
            output.flush()
            context.recordErrorOnce(error.record)
            context.displayError(error.record)
            return .failed
        } catch ControlFlow.breakLoop, ControlFlow.continueLoop, ControlFlow.returnFromScope {
            return .completed
        } catch {
            output.flush()
            host.writeDiagnostic("\(error)\n", stream: .error)
            return .failed
        }
    }

    /// The parse errors, the first `shownParseErrors` of them: a damaged or hostile script can
    /// have tens of thousands, and the first ones say what is wrong (pwsh shows a handful too).
    func reportParseErrors(_ errors: [ParseError]) {
        for error in errors.prefix(Self.shownParseErrors) {
            let record = ErrorRecord(error.message, id: error.id, category: .ParserError,
                                     exceptionType: "System.Management.Automation.ParseException")
            record.invocationInfo.extent = error.extent
            host.writeDiagnostic(ErrorView.render(record, context: context) + "\n", stream: .error)
        }
        if errors.count > Self.shownParseErrors {
            host.writeDiagnostic("ParserError: \(errors.count - Self.shownParseErrors) more parse errors are not shown; fix the ones above first.\n", stream: .error)
        }
    }

    static let shownParseErrors = 10

    private func readAllStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

extension ExecutionContext {
    /// Runs an already parsed top-level script in the current (global) scope.
    func runParsed(_ ast: ScriptBlockAst, output: OutputPipe) throws {
        try invokeScriptBlock(ScriptBlock(ast: ast), dollarUnder: nil, arguments: [], newScope: false) { value in
            try output.emit(value)
        }
    }
}
