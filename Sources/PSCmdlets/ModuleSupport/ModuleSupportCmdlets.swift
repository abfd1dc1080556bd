import PSRuntime

/// The ModuleSupport group of built-in cmdlets: modules, progress and transcripts.
enum ModuleSupportCmdlets {
    static var all: [CmdletDeclaration] {
        [
            ImportModuleCommand.declaration, GetModuleCommand.declaration, RemoveModuleCommand.declaration,
            ExportModuleMemberCommand.declaration, WriteProgressCommand.declaration,
            StartTranscriptCommand.declaration, StopTranscriptCommand.declaration,
        ]
    }
}
