import PSCmdlets
import PSRuntime

/// The Services cmdlets and their default views.
enum ServiceCmdlets {
    static var all: [CmdletDeclaration] {
        [GetCsWindowsServiceCommand.declaration, StartCsWindowsServiceCommand.declaration,
         StopCsWindowsServiceCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "NTService", typeNames: [WindowsServiceObjects.typeName], columns: [
            FormatData.Column("Status", width: 7), FormatData.Column("Name", width: 12), FormatData.Column("ActivityLevel"),
        ])
    }
}
