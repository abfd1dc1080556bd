/// One thing Tab can insert, and what kind of thing it is.
struct CompletionItem: Equatable {
    enum Kind: Equatable {
        case command, parameterName, parameterValue, file
        case variable, property, method, type, namespace, folder
    }

    var text: String
    var kind: Kind

    /// Whether a space follows when this is the only candidate. Commands, parameters, their
    /// values and files end a word; variables, members, types and folders are usually continued
    /// (`$x.`, `.Name.`, `[int]`, `folder/file`), so pwsh leaves the cursor right after them.
    var appendsSpace: Bool {
        switch kind {
        case .command, .parameterName, .parameterValue, .file: return true
        case .variable, .property, .method, .type, .namespace, .folder: return false
        }
    }
}

/// What Tab offers: the text from `replacementStart` (a UTF-8 offset) up to the cursor is replaced
/// by one of `items`.
struct CompletionResult: Equatable {
    var replacementStart: Int
    var items: [CompletionItem]

    init(replacementStart: Int, items: [CompletionItem]) {
        self.replacementStart = replacementStart
        self.items = items
    }

    init(replacementStart: Int, candidates: [String], kind: CompletionItem.Kind) {
        self.init(replacementStart: replacementStart, items: candidates.map { CompletionItem(text: $0, kind: kind) })
    }

    var candidates: [String] { items.map(\.text) }

    /// True when the single candidate (the one Tab inserts outright) is followed by a space.
    var appendsSpace: Bool { items.count == 1 && items[0].appendsSpace }
}
