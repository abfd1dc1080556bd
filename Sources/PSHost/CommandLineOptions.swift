/// pwsh-compatible command-line options: single dash, case-insensitive, unique prefixes.
public struct CommandLineOptions: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case file(path: String, arguments: [String])
        case command(String)
        /// `-Command -`: read the script from standard input.
        case commandFromStandardInput
        case interactive
        case version
        case help
        /// `-Endpoint`: serve the deployment to other accounts over a Unix socket.
        case endpoint
        /// `-Bootstrap <SamAccountName>`: create the deployment, with that first administrator.
        case bootstrap(administrator: String)
        /// One session of the endpoint (started by it, never by hand).
        case endpointWorker
        /// Passes standard input and output to the local endpoint (what `ssh host pcsh
        /// -EndpointRelay` runs for Enter-PSSession -HostName).
        case endpointRelay
    }

    public var mode: Mode = .interactive
    public var noProfile = false
    public var nonInteractive = false
    public var noLogo = false
    /// `-User`: the session user's SamAccountName (else `$PCSH_USER`, else the login name).
    public var user: String?
    /// `-Role`: limit the session to one RBAC role, with the constrained language.
    public var role: String?
    /// `-Connect`: run through the management endpoint even when this account could open the store.
    public var connect = false
    /// `-Socket`: the endpoint's socket (else `$PCSH_ENDPOINT`, else /run/pcsh/endpoint.sock).
    public var socketPath: String?

    /// Parses arguments (without the program name). Throws a message for bad usage.
    public static func parse(_ arguments: [String]) throws -> CommandLineOptions {
        var options = CommandLineOptions()
        var i = 0
        func value(for flag: String) throws -> String {
            guard i + 1 < arguments.count else { throw UsageError("Missing the value for the -\(flag) parameter.") }
            i += 1
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            guard argument.hasPrefix("-"), argument.count > 1 else {
                // A first bare argument is a script file, as with pwsh.
                options.mode = .file(path: argument, arguments: Array(arguments[(i + 1)...]))
                return options
            }
            let name = String(argument.drop(while: { $0 == "-" || $0 == "/" })).lowercased()
            switch try match(name) {
            case "file":
                let path = try value(for: "File")
                options.mode = path == "-" ? .commandFromStandardInput : .file(path: path, arguments: Array(arguments[(i + 1)...]))
                return options
            case "command":
                let text = try value(for: "Command")
                if text == "-" {
                    options.mode = .commandFromStandardInput
                } else {
                    // Everything after -Command is the command text (pwsh joins the rest with spaces).
                    options.mode = .command(([text] + arguments[(i + 1)...]).joined(separator: " "))
                }
                return options
            case "noprofile": options.noProfile = true
            case "noninteractive": options.nonInteractive = true
            case "nologo": options.noLogo = true
            case "noexit": break // accepted for pwsh compatibility; pcsh ends when the command does
            case "user": options.user = try value(for: "User")
            case "role": options.role = try value(for: "Role")
            case "connect": options.connect = true
            case "socket": options.socketPath = try value(for: "Socket")
            case "endpoint": options.mode = .endpoint
            case "bootstrap": options.mode = .bootstrap(administrator: try value(for: "Bootstrap"))
            case "endpointworker": options.mode = .endpointWorker
            case "endpointrelay": options.mode = .endpointRelay
            case "version": options.mode = .version; return options
            case "help", "?": options.mode = .help; return options
            default: // executionpolicy, outputformat, inputformat, workingdirectory, configurationname
                _ = try value(for: name)
            }
            i += 1
        }
        return options
    }

    private static let flags = ["file", "command", "noprofile", "noninteractive", "nologo", "noexit", "version", "help",
                                "executionpolicy", "outputformat", "inputformat", "workingdirectory", "configurationname",
                                "user", "role", "connect", "socket", "endpoint", "bootstrap", "endpointworker", "endpointrelay"]
    private static let shortForms = ["f": "file", "c": "command", "nop": "noprofile", "noni": "noninteractive",
                                     "nol": "nologo", "v": "version", "h": "help", "?": "help", "ep": "executionpolicy",
                                     "ex": "executionpolicy", "wd": "workingdirectory", "noe": "noexit"]

    private static func match(_ name: String) throws -> String {
        if let short = shortForms[name] { return short }
        if flags.contains(name) { return name }
        let candidates = flags.filter { $0.hasPrefix(name) }
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw UsageError("The argument '-\(name)' is not recognized as a parameter of pcsh. Run 'pcsh -Help' for the list.")
        }
        throw UsageError("The argument '-\(name)' is ambiguous: it could be \(candidates.map { "-" + $0 }.joined(separator: ", ")).")
    }

    public static let helpText = """
        Usage: pcsh [-File] <script.ps1> [arguments]
               pcsh -Command <text> | -Command -
               pcsh [-NoProfile] [-NonInteractive] [-NoLogo] [-User <name>] [-Role <role>]
               pcsh -Connect [-Socket <path>] [-Role <role>] [-Command <text> | -File <script.ps1>]
               pcsh -Endpoint [-Socket <path>]
               pcsh -Bootstrap <SamAccountName>
               pcsh -Version | -Help

          -File, -f        Run a script file; the rest of the line are its arguments.
          -Command, -c     Run the given text; with '-', read the script from standard input.
          -NoProfile       Do not run the profile script.
          -NonInteractive  Never prompt; a needed confirmation is an error.
          -NoLogo          Do not print the banner in interactive mode.
          -User <name>     Manage the deployment as this user (default: $PCSH_USER, else the login name).
          -Role <role>     Limit the session to one RBAC role the user holds; the language is constrained.
          -Connect         Work through the management endpoint (automatic when the deployment
                           home belongs to another account).
          -Socket <path>   The endpoint's socket (default: $PCSH_ENDPOINT, else /run/pcsh/endpoint.sock).
          -Endpoint        Serve the deployment in $PCSH_HOME to other accounts; run it as the
                           account that owns the home (see docs/management-endpoint.md).
          -Bootstrap <n>   Create the deployment in $PCSH_HOME with <n> as its first administrator.
          -Version         Print the version and exit.
          -Help            Print this help and exit.

        Exit code: the value given to 'exit', 1 after an uncaught terminating error, else 0.
        With -Command, 1 when the last command failed.
        """
}

/// A mistake on the pcsh command line.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { self.description = message }
}
