import Foundation

/// Where pcsh keeps per-user files: `$PCSH_HOME` when set, otherwise the XDG folders.
public enum PcshPaths {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$PCSH_HOME`, when set and not empty.
    static var homeOverride: String? {
        guard let home = environment["PCSH_HOME"], !home.isEmpty else { return nil }
        return home
    }

    /// The profile script (`$PROFILE`).
    public static var profile: String {
        if let home = homeOverride { return home + "/profile.ps1" }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.config"
        return config + "/pcsh/profile.ps1"
    }

    /// The folder for data pcsh writes (history, modules the user installs, transcripts):
    /// `$PCSH_HOME`, else `~/.local/share/pcsh`.
    public static func dataHome(environment: [String: String]) -> String {
        if let explicit = environment["PCSH_HOME"], !explicit.isEmpty { return explicit }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/pcsh"
    }

    static var dataHome: String { dataHome(environment: environment) }

    /// The user's module folder.
    static var userModules: String { dataHome + "/Modules" }

    /// The modules shipped with pcsh: `<repo>/Modules` when running from a build folder
    /// (`<repo>/.build/…/pcsh`), or `<prefix>/share/pcsh/Modules` for an installed one.
    static var bundledModules: String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        let resolved = (executable as NSString).resolvingSymlinksInPath
        var components = (resolved as NSString).pathComponents
        if let buildIndex = components.lastIndex(of: ".build") {
            components.removeSubrange(buildIndex...)
            let candidate = NSString.path(withComponents: components + ["Modules"])
            if isDirectory(candidate) { return candidate }
        }
        let prefix = ((resolved as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let installed = prefix + "/share/pcsh/Modules"
        return isDirectory(installed) ? installed : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
