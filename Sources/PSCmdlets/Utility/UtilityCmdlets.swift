import PSRuntime

/// The Utility group of built-in cmdlets: output streams and the object pipeline cmdlets.
enum UtilityCmdlets {
    static var all: [CmdletDeclaration] {
        [
            WriteOutputCommand.declaration,
            WriteHostCommand.declaration,
            WriteErrorCommand.declaration,
            WriteWarningCommand.declaration,
            WriteVerboseCommand.declaration,
            WriteDebugCommand.declaration,
            WriteInformationCommand.declaration,
            ForEachObjectCommand.declaration,
            WhereObjectCommand.declaration,
            SelectObjectCommand.declaration,
            SortObjectCommand.declaration,
            GroupObjectCommand.declaration,
            MeasureObjectCommand.declaration,
            TeeObjectCommand.declaration,
            CompareObjectCommand.declaration,
            GetUniqueCommand.declaration,
            AddMemberCommand.declaration,
            NewObjectCommand.declaration,
            ConvertToSecureStringCommand.declaration,
            ConvertFromSecureStringCommand.declaration,
            GetFileHashCommand.declaration,
        ]
    }
}
