import Testing
@testable import LyncDeployment

/// ExportedPrincipal keeps its texts packed in one string; it must read and compare as if each
/// were a field of its own.
@Suite("Exported principals")
struct ExportedPrincipalTests {
    @Test("Texts read back as set: nil stays nil, empty stays empty, any Unicode intact")
    func textsRoundTrip() {
        var principal = ExportedPrincipal(id: 7, guid: "g", uri: "sip:zoë@litwareinc.com", typeID: 5)
        #expect(principal.name == nil && principal.email == nil && principal.userPrincipalName == nil)
        principal.name = ""
        principal.adPath = "CN=Zoë 😀,DC=litwareinc,DC=com"
        principal.userPrincipalName = "zoe@litwareinc.com"
        principal.guid = "823d3b34-7f65-7539-de63-10efdef82ed0"
        #expect(principal.guid == "823d3b34-7f65-7539-de63-10efdef82ed0")
        #expect(principal.uri == "sip:zoë@litwareinc.com")
        #expect(principal.name == "")
        #expect(principal.displayName == nil && principal.companyName == nil && principal.email == nil)
        #expect(principal.adPath == "CN=Zoë 😀,DC=litwareinc,DC=com")
        #expect(principal.userPrincipalName == "zoe@litwareinc.com")
        let together = ExportedPrincipal(id: 7, guid: "823d3b34-7f65-7539-de63-10efdef82ed0", uri: "sip:zoë@litwareinc.com", typeID: 5, name: "",
                                         adPath: "CN=Zoë 😀,DC=litwareinc,DC=com", userPrincipalName: "zoe@litwareinc.com")
        #expect(principal == together)
        principal.name = nil
        #expect(principal != together)
        principal.email = ""
        #expect(principal.email == "" && principal.name == nil)
    }
}
