import Foundation
import PSCmdlets

/// Where the interactive history lives: in the pcsh home folder (`$PCSH_HOME`, else
/// `~/.local/share/pcsh`), file `history`.
enum HistoryFile {
    /// The pcsh home folder.
    static func homeFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        PcshPaths.dataHome(environment: environment)
    }

    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        homeFolder(environment: environment) + "/history"
    }

    /// How many entries are kept from one run to the next.
    static let maximumEntries: Int32 = 2000
}
