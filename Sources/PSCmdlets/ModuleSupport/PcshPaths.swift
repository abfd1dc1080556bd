import Foundation

/// Where pcsh keeps per-user files: `$PCSH_HOME` when set, otherwise the XDG folders.
public enum PcshPaths {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$PCSH_HOME`, when set and not empty.
    static var homeOverride: String? {
        guard let home = environment["PCSH_HOME"], !home.isEmpty else { return nil }
        return home
    }

    /// The profile script (`$PROFILE`): the user's own, `$XDG_CONFIG_HOME/pcsh/profile.ps1`
    /// (else `~/.config/pcsh/profile.ps1`). Never in the deployment home, where another
    /// account's file would run with this user's rights.
    public static var profile: String { xdgFolder("XDG_CONFIG_HOME", fallback: ".config") + "/pcsh/profile.ps1" }

    /// The user's own state (the interactive history): `$XDG_STATE_HOME/pcsh`, else
    /// `~/.local/state/pcsh`.
    public static func userStateFolder(environment: [String: String]) -> String {
        xdgFolder("XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/pcsh"
    }

    /// An XDG base folder: the variable when set to an absolute path, else `~/<fallback>`.
    static func xdgFolder(_ variable: String, fallback: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback
    }

    /// The deployment home: `$PCSH_HOME`, else `~/.local/share/pcsh`.
    public static func dataHome(environment: [String: String]) -> String {
        if let explicit = environment["PCSH_HOME"], !explicit.isEmpty { return explicit }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/pcsh"
    }

    static var dataHome: String { dataHome(environment: environment) }

    /// The user's module folder, where pwsh on Linux keeps it: `$XDG_DATA_HOME/powershell/Modules`
    /// (else `~/.local/share/powershell/Modules`), outside the deployment home.
    static var userModules: String { xdgFolder("XDG_DATA_HOME", fallback: ".local/share") + "/powershell/Modules" }

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
