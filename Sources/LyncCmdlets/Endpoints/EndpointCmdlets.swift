import PSCmdlets
import PSRuntime

/// The Persistent Chat endpoint cmdlets and their default view.
enum EndpointCmdlets {
    static var all: [CmdletDeclaration] {
        [NewCsPersistentChatEndpointCommand.declaration, GetCsPersistentChatEndpointCommand.declaration,
         RemoveCsPersistentChatEndpointCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerListView(context, name: "OCSPersistentChatContact", typeNames: [EndpointOutput.typeName], properties: [
            "Identity", "SipAddress", "DisplayName", "PersistentChatPoolFqdn", "Enabled",
        ])
    }
}
