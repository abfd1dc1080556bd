import Foundation

/// One environment variable, read straight from the process environment (building
/// `ProcessInfo.environment` copies every variable into a dictionary on each read).
public enum EnvironmentVariable {
    public static func value(_ name: String) -> String? {
        guard !name.isEmpty, let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}
