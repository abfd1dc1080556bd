import Foundation
import LyncDeployment
import PSRuntime

extension CommandContext {
    /// Where a file parameter of a Lync cmdlet (-Report, -FileName, -BackupPath) lands: Windows
    /// drive and UNC paths (as every documented example writes them) through the deployment's
    /// one mapping (`DeploymentHome.localPath(forWindowsPath:)`), other paths from the current
    /// location.
    func lyncFilePath(_ path: String, home: DeploymentHome) -> URL {
        if let mapped = home.localPath(forWindowsPath: path) { return mapped }
        return URL(fileURLWithPath: session.resolvePath(path.replacingOccurrences(of: "\\", with: "/")))
    }
}
