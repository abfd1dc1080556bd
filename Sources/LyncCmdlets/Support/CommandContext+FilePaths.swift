import Foundation
import LyncDeployment
import PSRuntime

extension CommandContext {
    /// Where a file parameter of a Lync cmdlet (-Report, -FileName, -BackupPath) lands: Windows
    /// drive and UNC paths (as every documented example writes them) through the deployment's
    /// one mapping (`DeploymentHome.localPath(forWindowsPath:)`), other paths from the current
    /// location.
    ///
    /// The file passes the role check for `use` (links resolved) before it is returned.
    func lyncFilePath(_ path: String, home: DeploymentHome, use: FileUse) throws -> URL {
        let url = home.localPath(forWindowsPath: path)
            ?? URL(fileURLWithPath: session.resolvePath(path.replacingOccurrences(of: "\\", with: "/")))
        try authorizeFile(url.path, use)
        return url
    }
}
