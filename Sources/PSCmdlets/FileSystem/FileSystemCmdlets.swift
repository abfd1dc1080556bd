import PSRuntime

/// The FileSystem group of built-in cmdlets.
enum FileSystemCmdlets {
    static var all: [CmdletDeclaration] {
        [
            GetLocationCommand.declaration, SetLocationCommand.declaration, PushLocationCommand.declaration, PopLocationCommand.declaration,
            GetChildItemCommand.declaration, GetItemCommand.declaration, TestPathCommand.declaration,
            ResolvePathCommand.declaration, JoinPathCommand.declaration, SplitPathCommand.declaration,
            GetContentCommand.declaration, SetContentCommand.declaration, AddContentCommand.declaration,
            ClearContentCommand.declaration, NewItemCommand.declaration, RemoveItemCommand.declaration,
            CopyItemCommand.declaration, MoveItemCommand.declaration, RenameItemCommand.declaration,
        ]
    }
}
