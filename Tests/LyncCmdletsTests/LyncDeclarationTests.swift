import Foundation
import Testing
import PSRuntime
@testable import LyncCmdlets

/// Every Lync cmdlet's one declaration carries what help, completion and the role check need.
@Suite("Lync cmdlet declarations")
struct LyncDeclarationTests {
    @Test("Each cmdlet has a security area, a module, a synopsis, examples and help for every parameter")
    func declarationsAreComplete() {
        for declaration in LyncCmdlets.all {
            #expect(declaration.securityArea?.isEmpty == false, "\(declaration.name): no security area")
            #expect(["Lync", "ActiveDirectory", "GroupChatAuthoring"].contains(declaration.moduleName), "\(declaration.name)")
            #expect(!declaration.synopsis.isEmpty, "\(declaration.name): no synopsis")
            #expect(!declaration.examples.isEmpty, "\(declaration.name): no examples")
            for parameter in declaration.parameters {
                #expect(!parameter.help.isEmpty, "\(declaration.name) -\(parameter.name): no help")
            }
        }
        let names = LyncCmdlets.all.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count, "a cmdlet is declared twice")
    }

    @Test("Get-Help shows every cmdlet's synopsis and syntax")
    func helpRenders() throws {
        let f = DeploymentFixture()
        for declaration in LyncCmdlets.all {
            let text = try f.strings("Get-Help \(declaration.name) | Out-String").joined()
            #expect(text.contains(String(declaration.synopsis.prefix(30))) && text.contains("SYNTAX"), "\(declaration.name)")
        }
    }

    @Test("Every object type a Get- cmdlet writes has a default view")
    func outputTypesHaveViews() throws {
        let f = DeploymentFixture()
        let session = f.session()
        for declaration in LyncCmdlets.all where declaration.name.hasPrefix("Get-") {
            for type in declaration.outputTypes where type != "System.String" && !type.hasPrefix("Microsoft.ActiveDirectory") {
                let probe = "$o = [pscustomobject]@{ Zzz = 1 }; $o.PSObject.TypeNames.Insert(0, '\(type)'); $o | Out-String"
                let text = try session.evaluate(probe).map { LanguagePrimitives.toString($0, context: session) }.joined()
                #expect(!text.contains("Zzz"), "\(declaration.name): no view for \(type)")
            }
        }
    }
}
