import Foundation
import PSCmdlets

/// Where the interactive history lives: in the user's own state folder (`$XDG_STATE_HOME/pcsh`,
/// else `~/.local/state/pcsh`), file `history`; never in the shared deployment home, where
/// everyone's commands (secrets included) would sit together.
enum HistoryFile {
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        PcshPaths.userStateFolder(environment: environment) + "/history"
    }

    /// How many entries are kept from one run to the next.
    static let maximumEntries: Int32 = 2000
}
