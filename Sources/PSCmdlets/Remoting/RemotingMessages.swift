/// The JSON payloads of remoting frames (objects travel as CLIXML instead).
public enum RemotingMessages {
    /// The client's first frame.
    public struct Hello: Codable, Sendable {
        public var version = 1
        public var width: Int
        public var interactive: Bool
        /// `-Role`: limit the session to one role the user holds.
        public var role: String?
        /// An identity the client asked for (`-User`, `$PCSH_USER`): always refused, the endpoint
        /// takes the user from the kernel.
        public var claimedUser: String?

        public init(width: Int, interactive: Bool, role: String? = nil, claimedUser: String? = nil) {
            self.width = width
            self.interactive = interactive
            self.role = role
            self.claimedUser = claimedUser
        }
    }

    /// The endpoint accepted the session.
    public struct Welcome: Codable, Sendable {
        public var userName: String
        public var login: String
        public var roles: [String]
        public var location: String
        public var computerName: String

        public init(userName: String, login: String, roles: [String], location: String, computerName: String) {
            self.userName = userName
            self.login = login
            self.roles = roles
            self.location = location
            self.computerName = computerName
        }
    }

    /// The endpoint refused the session (the connection closes after it).
    public struct Refused: Codable, Sendable {
        public var message: String
        public var errorId: String

        public init(message: String, errorId: String) {
            self.message = message
            self.errorId = errorId
        }
    }

    /// Run a script; `arguments` is a CLIXML document of `$args`.
    public struct Invoke: Codable, Sendable {
        public var script: String
        public var arguments: String?
        /// A script file's command-line arguments (`pcsh -File x.ps1 -Name value`), bound to its
        /// parameters by name as a local run would; `arguments` is unused then.
        public var commandLineArguments: [String]?

        public init(script: String, arguments: String? = nil, commandLineArguments: [String]? = nil) {
            self.script = script
            self.arguments = arguments
            self.commandLineArguments = commandLineArguments
        }
    }

    /// A record of the error stream, enough to rebuild an ErrorRecord on the client.
    public struct ErrorText: Codable, Sendable {
        public var message: String
        public var errorId: String
        public var category: String
        public var exceptionType: String
        public var targetText: String?
        public var commandName: String?
        /// The record as the endpoint's error view shows it.
        public var rendered: String

        public init(message: String, errorId: String, category: String, exceptionType: String, targetText: String? = nil, commandName: String? = nil, rendered: String) {
            self.message = message
            self.errorId = errorId
            self.category = category
            self.exceptionType = exceptionType
            self.targetText = targetText
            self.commandName = commandName
            self.rendered = rendered
        }
    }

    /// Warning, verbose, debug or information text.
    public struct StreamText: Codable, Sendable {
        public var stream: String
        public var text: String

        public init(stream: String, text: String) {
            self.stream = stream
            self.text = text
        }
    }

    /// Write-Host text.
    public struct HostText: Codable, Sendable {
        public var text: String
        public var newline: Bool
        public var foreground: String?
        public var background: String?

        public init(text: String, newline: Bool, foreground: String? = nil, background: String? = nil) {
            self.text = text
            self.newline = newline
            self.foreground = foreground
            self.background = background
        }
    }

    /// The endpoint waits for a line from the user (Read-Host, -Confirm, mandatory parameters).
    public struct Prompt: Codable, Sendable {
        public var prompt: String
        public var masked: Bool

        public init(prompt: String, masked: Bool) {
            self.prompt = prompt
            self.masked = masked
        }
    }

    /// The user's answer; nil when there is none (end of input, Ctrl-C).
    public struct Answer: Codable, Sendable {
        public var text: String?

        public init(text: String? = nil) {
            self.text = text
        }
    }

    /// The script ended.
    public struct Done: Codable, Sendable {
        public var succeeded: Bool
        public var exitCode: Int32?
        public var location: String

        public init(succeeded: Bool, exitCode: Int32? = nil, location: String) {
            self.succeeded = succeeded
            self.exitCode = exitCode
            self.location = location
        }
    }

    /// Tab completion of `input` at `cursor` (UTF-16 offset, as the line editor counts).
    public struct Complete: Codable, Sendable {
        public var input: String
        public var cursor: Int

        public init(input: String, cursor: Int) {
            self.input = input
            self.cursor = cursor
        }
    }

    public struct Completions: Codable, Sendable {
        public var replacementIndex: Int
        public var replacementLength: Int
        public var matches: [String]
        /// Per match: whether a space follows it when it is the only one.
        public var appendsSpace: [Bool]

        public init(replacementIndex: Int, replacementLength: Int, matches: [String], appendsSpace: [Bool]) {
            self.replacementIndex = replacementIndex
            self.replacementLength = replacementLength
            self.matches = matches
            self.appendsSpace = appendsSpace
        }
    }
}
