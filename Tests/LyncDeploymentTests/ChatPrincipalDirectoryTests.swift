import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Persistent Chat principals from the directory")
struct ChatPrincipalDirectoryTests {
    @Test("SIP users, group and OU DNs resolve with their groups, OUs and domain; unknown names are not provisioned")
    func resolve() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "admin")
        try store.write { db in
            try CentralManagementStore.setSetting("ForestFqdn", "litwareinc.com", in: db)
            _ = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "Eng", groupScope: .universal), in: db)
            _ = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "All", groupScope: .universal), in: db)
            var ann = NewDirectoryUser(name: "Ann")
            ann.samAccountName = "ann"
            ann.path = "OU=Sales,DC=litwareinc,DC=com"
            ann.sipAddress = "sip:ann@litwareinc.com"
            let user = try DirectoryRepository.createUser(ann, in: db)
            try DirectoryRepository.addMember(.user(user), to: try DirectoryRepository.requireGroup("Eng", in: db), in: db)
            try DirectoryRepository.addMember(.group(try DirectoryRepository.requireGroup("Eng", in: db)),
                                              to: try DirectoryRepository.requireGroup("All", in: db), in: db)
        }
        let ann = try store.read { try ChatPrincipalDirectory.resolve("SIP:ann@litwareinc.com", in: $0) }
        #expect(ann.kind == .user && ann.uri == "sip:ann@litwareinc.com")
        #expect(Set(ann.affiliations.map(\.name)) == ["Eng", "All", "Sales", "litwareinc.com"])
        let group = try store.read { try ChatPrincipalDirectory.resolve("CN=Eng, CN=Users,DC=litwareinc,DC=com", in: $0) }
        #expect(group.kind == .group && group.listText(asObject: false) == "CN=Eng,CN=Users,DC=litwareinc,DC=com")
        let ou = try store.read { try ChatPrincipalDirectory.resolve("OU=Sales,DC=litwareinc,DC=com", in: $0) }
        #expect(ou.kind == .folder)
        #expect(try store.read { try ChatPrincipalDirectory.resolve("DC=litwareinc,DC=com", in: $0) }.kind == .domain)
        for unknown in ["sip:nobody@litwareinc.com", "CN=Ghosts,DC=litwareinc,DC=com", "OU=Nowhere,DC=litwareinc,DC=com"] {
            let error = try #require(throws: DeploymentError.self) { try store.read { try ChatPrincipalDirectory.resolve(unknown, in: $0) } }
            #expect(error.id == "PrincipalNotProvisioned" && error.message.hasPrefix("principal not provisioned"))
        }
    }
}
