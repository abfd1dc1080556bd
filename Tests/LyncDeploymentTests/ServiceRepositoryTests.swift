import Foundation
import Testing
@testable import LyncDeployment

/// Listing, starting and stopping the Windows services of the topology's computers.
@Suite("Service repository")
struct ServiceRepositoryTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("services-\(UUID().uuidString)")

    func enabledStore() throws -> CentralManagementStore {
        let home = DeploymentHome(root: root)
        let store = try CentralManagementStore.open(home: home, creator: "labadmin")
        let text = TopologyDocumentTests.valid
        let document = try TopologyDocument.load(Data(text.utf8), file: "t.json", home: home)
        try store.write { db in
            try TopologyRepository.publish(document, content: text, sourceFile: nil, by: "labadmin", in: db)
            try TopologyRepository.enable(home: home, in: db)
        }
        return store
    }

    @Test("Services list by computer and name, case-insensitively")
    func lists() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try enabledStore()
        try store.read { db in
            let chat = try ServiceRepository.services(computer: "ATL-PC-001.litwareinc.com", in: db)
            #expect(chat.map(\.name) == ["RTCCHAT", "RTCCHATCOMP", "RTCCLSAGT"] || chat.map(\.name) == ["RTCCHAT", "RTCCLSAGT"])
            let frontEnd = try ServiceRepository.requireService("rtcsrv", computer: "atl-cs-001.litwareinc.com", in: db)
            #expect(frontEnd.roleNames.contains("Registrar") && frontEnd.displayName == "Lync Server Front-End")
            #expect(!frontEnd.activityLevel.isEmpty)
            let groupChat = try ServiceRepository.services(computer: "atl-gc-001.litwareinc.com", in: db).map(\.name)
            #expect(groupChat == ["Channel", "Compliance", "Lookup", "Web"])
        }
    }

    @Test("Unknown services and computers are errors that say what exists")
    func errors() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try enabledStore()
        try store.read { db in
            let service = #expect(throws: DeploymentError.self) {
                try ServiceRepository.requireService("Spooler", computer: "atl-pc-001.litwareinc.com", in: db)
            }
            #expect(service?.kind == .objectNotFound)
            #expect(service?.message.contains("The computer has these services: RTCCHAT") == true)
            let computer = #expect(throws: DeploymentError.self) {
                try ServiceRepository.services(computer: "nowhere.litwareinc.com", in: db)
            }
            #expect(computer?.id == "ComputerNotFound")
            #expect(computer?.message.contains("atl-cs-001.litwareinc.com") == true)
        }
    }

    @Test("Setting a status changes it once; the same status again changes nothing")
    func setStatus() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try enabledStore()
        try store.write { db in
            #expect(try ServiceRepository.isPoolRunning("atl-pcpool-001.litwareinc.com", in: db))
            #expect(try ServiceRepository.setStatus(.stopped, service: "rtcchat", computer: "atl-pc-001.litwareinc.com", in: db))
            #expect(try !ServiceRepository.setStatus(.stopped, service: "RTCCHAT", computer: "atl-pc-001.litwareinc.com", in: db))
            let stopped = try ServiceRepository.requireService("RTCCHAT", computer: "atl-pc-001.litwareinc.com", in: db)
            #expect(stopped.status == .stopped && stopped.activityLevel.isEmpty)
            #expect(try !ServiceRepository.isPoolRunning("atl-pcpool-001.litwareinc.com", in: db))
            #expect(try ServiceRepository.isRunning("RTCCHAT", onPool: "atl-pcpool-001.litwareinc.com", in: db))
            try ServiceRepository.setStatus(.stopped, service: "RTCCHAT", computer: "atl-pc-002.litwareinc.com", in: db)
            #expect(try !ServiceRepository.isRunning("RTCCHAT", onPool: "atl-pcpool-001.litwareinc.com", in: db))
            try ServiceRepository.setStatus(.running, service: "RTCCHAT", computer: "atl-pc-001.litwareinc.com", in: db)
            #expect(try ServiceRepository.requireService("RTCCHAT", computer: "atl-pc-001.litwareinc.com", in: db).activityLevel
                    == WindowsServiceCatalog.activityLevel(of: "RTCCHAT"))
        }
    }
}
