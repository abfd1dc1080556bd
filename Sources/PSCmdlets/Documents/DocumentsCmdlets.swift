import PSRuntime

/// The Documents group of built-in cmdlets: archives, XML and HTML.
enum DocumentsCmdlets {
    static var all: [CmdletDeclaration] {
        [CompressArchiveCommand.declaration, ExpandArchiveCommand.declaration, SelectXmlCommand.declaration,
         ConvertToHtmlCommand.declaration]
    }
}
