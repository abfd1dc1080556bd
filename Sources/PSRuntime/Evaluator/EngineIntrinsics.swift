/// `$ExecutionContext`: the engine as scripts see it. Only `SessionState.LanguageMode` is
/// offered, read-only and live (a script cannot talk itself out of constrained language).
final class EngineIntrinsics: PSDynamicObject {
    let sessionState: SessionStateInfo

    init(context: ExecutionContext) {
        sessionState = SessionStateInfo(context: context)
    }

    var dynamicTypeName: String { "System.Management.Automation.EngineIntrinsics" }
    var dynamicPropertyNames: [String] { ["SessionState"] }
    var dynamicDescription: String { dynamicTypeName }

    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("SessionState") ? .object(sessionState) : nil
    }

    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? { nil }

    /// `$ExecutionContext.SessionState`.
    final class SessionStateInfo: PSDynamicObject {
        private weak var context: ExecutionContext?

        init(context: ExecutionContext) {
            self.context = context
        }

        var dynamicTypeName: String { "System.Management.Automation.SessionState" }
        var dynamicPropertyNames: [String] { ["LanguageMode"] }
        var dynamicDescription: String { dynamicTypeName }

        func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
            name.equalsIgnoringCase("LanguageMode") ? .string((self.context ?? context).languageMode.rawValue) : nil
        }

        func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? { nil }
    }
}
