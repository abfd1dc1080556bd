import PSRuntime

/// The Data group of built-in cmdlets.
enum DataCmdlets {
    static var all: [CmdletDeclaration] {
        [
            ConvertToJsonCommand.declaration, ConvertFromJsonCommand.declaration,
            ConvertToCsvCommand.declaration, ConvertFromCsvCommand.declaration,
            ExportCsvCommand.declaration, ImportCsvCommand.declaration,
            ExportClixmlCommand.declaration, ImportClixmlCommand.declaration,
        ]
    }
}
