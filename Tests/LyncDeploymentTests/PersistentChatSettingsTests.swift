import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Persistent Chat settings in the store")
struct PersistentChatSettingsTests {
    static func store() throws -> (CentralManagementStore, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pcset-\(UUID().uuidString)")
        return (try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "admin"), root)
    }

    @Test("Policies: a disabled global one at first; per-user ones are granted; removing global resets it")
    func policies() throws {
        let (store, root) = try Self.store()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try store.read { try PersistentChatSettings.policies(in: $0) }.map(\.identity) == ["Global"])
        #expect(try store.read { try PersistentChatSettings.requirePolicy("global", in: $0) }.enablePersistentChat == false)
        let chat = try store.write { try PersistentChatSettings.createPolicy("ChatUsers", description: "on", enable: true, in: $0) }
        #expect(chat.identity == "tag:ChatUsers")
        #expect(throws: DeploymentError.self) { try store.write { _ = try PersistentChatSettings.createPolicy("tag:chatusers", description: nil, enable: true, in: $0) } }
        #expect(throws: DeploymentError.self) { try store.write { _ = try PersistentChatSettings.createPolicy("site:Nowhere", description: nil, enable: true, in: $0) } }
        try store.write { try PersistentChatSettings.grant("ChatUsers", toUser: "ADMIN", in: $0) }
        #expect(try store.read { try PersistentChatSettings.grantedPolicy(ofUser: "admin", in: $0) } == "tag:ChatUsers")
        #expect(throws: DeploymentError.self) { try store.write { try PersistentChatSettings.grant("Global", toUser: "admin", in: $0) } }
        _ = try store.write { try PersistentChatSettings.updatePolicy("Global", description: nil, enable: true, in: $0) }
        try store.write { try PersistentChatSettings.removePolicy("Global", in: $0) }
        #expect(try store.read { try PersistentChatSettings.requirePolicy("Global", in: $0) }.enablePersistentChat == false)
        try store.write { try PersistentChatSettings.removePolicy("ChatUsers", in: $0) }
        #expect(try store.read { try PersistentChatSettings.grantedPolicy(ofUser: "admin", in: $0) } == nil)
    }

    @Test("Configurations keep their documented defaults and ranges; pool state is Normal until set")
    func configurationAndState() throws {
        let (store, root) = try Self.store()
        defer { try? FileManager.default.removeItem(at: root) }
        let global = try store.read { try PersistentChatSettings.requireConfiguration("Global", in: $0) }
        #expect(global.defaultChatHistory == 30 && global.maxFileSizeKB == 20000 && global.participantUpdateLimit == 75)
        #expect(throws: DeploymentError.self) {
            try store.write { _ = try PersistentChatSettings.setConfiguration("Global", defaultChatHistory: 501, maxFileSizeKB: nil, participantUpdateLimit: nil, roomManagementUrl: nil, in: $0) }
        }
        let site = try store.write {
            try PersistentChatSettings.setConfiguration("site:Redmond", defaultChatHistory: 100, maxFileSizeKB: nil, participantUpdateLimit: nil,
                                                        roomManagementUrl: .some("https://rooms"), in: $0)
        }
        #expect(site.defaultChatHistory == 100 && site.roomManagementUrl == "https://rooms")
        #expect(try store.read { try PersistentChatSettings.poolState("pc.litwareinc.com", in: $0) } == "Normal")
        try store.write { try PersistentChatSettings.setPoolState("PC.litwareinc.com", "FailedOver", in: $0) }
        #expect(try store.read { try PersistentChatSettings.poolState("pc.litwareinc.com", in: $0) } == "FailedOver")
        #expect(throws: DeploymentError.self) { try store.write { try PersistentChatSettings.setPoolState("pc", "Broken", in: $0) } }
    }
}
