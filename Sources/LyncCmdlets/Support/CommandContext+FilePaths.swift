import Foundation
import LyncDeployment
import PSRuntime

extension CommandContext {
    /// Where a file parameter of a Lync cmdlet (-Report, -FileName, -BackupPath) lands: a Windows
    /// drive path such as `C:\Logs\x.zip` (as every documented example writes them) becomes
    /// `drives/c/Logs/x.zip` in the deployment home; other paths are taken from the current location.
    func lyncFilePath(_ path: String, home: DeploymentHome) -> URL {
        let characters = Array(path)
        if characters.count >= 3, characters[0].isLetter, characters[1] == ":", characters[2] == "\\" || characters[2] == "/" {
            let rest = String(characters.dropFirst(3)).split(whereSeparator: { $0 == "\\" || $0 == "/" }).map(String.init)
            return rest.reduce(home.root.appendingPathComponent("drives").appendingPathComponent(String(characters[0]).lowercased())) {
                $0.appendingPathComponent($1)
            }
        }
        return URL(fileURLWithPath: session.resolvePath(path.replacingOccurrences(of: "\\", with: "/")))
    }
}
