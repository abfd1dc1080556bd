import PSLanguage

/// One node of `[System.Management.Automation.Language.Parser]::ParseInput(…)`'s tree: an
/// adapter over pcsh's own syntax tree that shows the members scripts use on pwsh's AST
/// classes (`Extent`, `EndBlock.Statements`, `FindAll`, …). Nodes are built once per parse and
/// only describe the script; nothing in it runs.
public final class AstNodeValue: TypedValue, PSDynamicObject {
    static let namespace = "System.Management.Automation.Language."
    /// The short class name (`CommandAst`); the full name adds the namespace.
    let kind: String
    let extent: SourceExtent
    /// Property values in pwsh's order; child nodes appear inside them.
    let properties: [(name: String, value: PSValue)]
    /// Values for methods (`GetCommandName()`), not shown as properties.
    var methodResults: [String: PSValue] = [:]
    /// Text shown by ToString when the node is not source text (a type name, a variable path).
    let display: String?
    private(set) weak var parent: AstNodeValue?
    private(set) var children: [AstNodeValue] = []

    init(_ kind: String, _ extent: SourceExtent, _ properties: [(String, PSValue)], display: String? = nil) {
        self.kind = kind
        self.extent = extent
        self.properties = properties.map { (name: $0.0, value: $0.1) }
        self.display = display
        var found: [AstNodeValue] = []
        for (_, value) in properties { Self.collectNodes(value, into: &found) }
        children = found.filter(\.isAst).sorted { $0.extent.startOffset < $1.extent.startOffset }
        for child in children { child.parent = self }
    }

    private static func collectNodes(_ value: PSValue, into found: inout [AstNodeValue]) {
        guard case .object(let o) = value else { return }
        if let node = o as? AstNodeValue { found.append(node) } else if let a = o as? PSArray { for item in a.items { collectNodes(item, into: &found) } }
    }

    /// False for helper values that are not syntax nodes (TypeName, VariablePath).
    var isAst: Bool { kind.hasSuffix("Ast") }

    public var psTypeName: String { Self.namespace + kind }
    public var psBaseTypeNames: [String] { Self.bases(of: psTypeName) }
    public func psToString() -> String { display ?? extent.text }
    public var dynamicTypeName: String { psTypeName }
    public var dynamicDescription: String { psToString() }
    public var dynamicPropertyNames: [String] { properties.map(\.name) + (isAst ? ["Extent", "Parent"] : []) }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        if let p = properties.first(where: { $0.name.equalsIgnoringCase(name) }) { return p.value }
        guard isAst else { return nil }
        switch name.lowercased() {
        case "extent": return .object(ScriptExtentValue(extent))
        case "parent": return parent.map { .object($0) } ?? .null
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        let lower = name.lowercased()
        if let result = methodResults[lower] { return result }
        let call = MethodCall(target: .object(self), name: name, arguments: arguments, context: context)
        switch lower {
        case "tostring": return .string(psToString())
        case "find", "findall":
            guard isAst else { return nil }
            try call.count(2...2)
            guard let predicate = arguments[0].baseValue.asScriptBlock else {
                throw call.conversionError(0, "System.Func`2[System.Management.Automation.Language.Ast,System.Boolean]",
                                           LanguagePrimitives.finalCastError(arguments[0], "System.Func`2[System.Management.Automation.Language.Ast,System.Boolean]"))
            }
            let nested = call.bool(1)
            var matches: [PSValue] = []
            try search(predicate, nested: nested, isRoot: true, firstOnly: lower == "find", context: context, into: &matches)
            if lower == "find" { return matches.first ?? .null }
            return .object(PSArray(matches, isList: true))
        default: return nil
        }
    }

    /// Pre-order walk in source order; a nested script block is entered only when asked.
    private func search(_ predicate: ScriptBlock, nested: Bool, isRoot: Bool, firstOnly: Bool, context: ExecutionContext,
                        into matches: inout [PSValue]) throws {
        if firstOnly && !matches.isEmpty { return }
        if !isRoot && !nested && kind == "ScriptBlockAst" { return }
        var out: [PSValue] = []
        try context.invokeScriptBlock(predicate, dollarUnder: .object(self), arguments: [.object(self)], newScope: true) { out.append($0) }
        if LanguagePrimitives.isTrue(out.count == 1 ? out[0] : .array(out)) { matches.append(.object(self)) }
        for child in children { try child.search(predicate, nested: nested, isRoot: false, firstOnly: firstOnly, context: context, into: &matches) }
    }

    static let typeNames: [String] = [
        "Ast", "StatementAst", "ExpressionAst", "PipelineBaseAst", "CommandBaseAst", "CommandElementAst", "LoopStatementAst",
        "LabeledStatementAst", "MemberExpressionAst", "AttributeBaseAst", "ConstantExpressionAst",
        "ScriptBlockAst", "NamedBlockAst", "ParamBlockAst", "ParameterAst", "AttributeAst", "TypeConstraintAst",
        "NamedAttributeArgumentAst", "StatementBlockAst", "PipelineAst", "PipelineChainAst", "CommandAst",
        "CommandExpressionAst", "CommandParameterAst", "AssignmentStatementAst", "IfStatementAst", "SwitchStatementAst",
        "ForEachStatementAst", "ForStatementAst", "WhileStatementAst", "DoWhileStatementAst", "DoUntilStatementAst",
        "BreakStatementAst", "ContinueStatementAst", "ReturnStatementAst", "ExitStatementAst", "ThrowStatementAst",
        "TryStatementAst", "CatchClauseAst", "TrapStatementAst", "FunctionDefinitionAst", "StringConstantExpressionAst",
        "ExpandableStringExpressionAst", "VariableExpressionAst", "ArrayLiteralAst", "ArrayExpressionAst", "SubExpressionAst",
        "ParenExpressionAst", "HashtableAst", "ScriptBlockExpressionAst", "UnaryExpressionAst", "BinaryExpressionAst",
        "ConvertExpressionAst", "TypeExpressionAst", "InvokeMemberExpressionAst", "IndexExpressionAst",
        "TernaryExpressionAst", "AttributedExpressionAst", "FileRedirectionAst", "MergingRedirectionAst", "RedirectionAst",
    ].map { namespace + $0 }

    /// Base classes after the class itself, as pwsh's AST hierarchy has them.
    static func bases(of fullName: String) -> [String] {
        let short = fullName.hasPrefix(namespace) ? String(fullName.dropFirst(namespace.count)) : fullName
        guard short.hasSuffix("Ast"), short != "Ast" else { return ["System.Object"] }
        var chain: [String]
        switch short {
        case "PipelineAst", "PipelineChainAst", "AssignmentStatementAst": chain = ["PipelineBaseAst", "StatementAst"]
        case "ForEachStatementAst", "ForStatementAst", "WhileStatementAst", "DoWhileStatementAst", "DoUntilStatementAst":
            chain = ["LoopStatementAst", "LabeledStatementAst", "StatementAst"]
        case "SwitchStatementAst": chain = ["LabeledStatementAst", "StatementAst"]
        case "LoopStatementAst": chain = ["LabeledStatementAst", "StatementAst"]
        case "LabeledStatementAst", "PipelineBaseAst", "IfStatementAst", "BreakStatementAst", "ContinueStatementAst",
             "ReturnStatementAst", "ExitStatementAst", "ThrowStatementAst", "TryStatementAst", "TrapStatementAst",
             "FunctionDefinitionAst", "StatementBlockAst", "CommandBaseAst": chain = ["StatementAst"]
        case "CommandAst", "CommandExpressionAst": chain = ["CommandBaseAst", "StatementAst"]
        case "CommandParameterAst", "ExpressionAst": chain = ["CommandElementAst"]
        case "StringConstantExpressionAst": chain = ["ConstantExpressionAst", "ExpressionAst", "CommandElementAst"]
        case "ConvertExpressionAst": chain = ["AttributedExpressionAst", "ExpressionAst", "CommandElementAst"]
        case "InvokeMemberExpressionAst": chain = ["MemberExpressionAst", "ExpressionAst", "CommandElementAst"]
        case "AttributeAst", "TypeConstraintAst": chain = ["AttributeBaseAst"]
        case "FileRedirectionAst", "MergingRedirectionAst": chain = ["RedirectionAst"]
        case let s where s.hasSuffix("ExpressionAst") || ["ArrayLiteralAst", "HashtableAst"].contains(s):
            chain = ["ExpressionAst", "CommandElementAst"]
        default: chain = []
        }
        return (chain + ["Ast"]).map { namespace + $0 } + ["System.Object"]
    }
}

/// `IScriptExtent`: where a node or error sits in the script. Lines and columns count from 1;
/// offsets count characters from the start of the text.
public final class ScriptExtentValue: TypedValue, PSDynamicObject {
    let extent: SourceExtent
    init(_ extent: SourceExtent) { self.extent = extent }

    public var psTypeName: String { "System.Management.Automation.Language.InternalScriptExtent" }
    public var psBaseTypeNames: [String] { ["System.Management.Automation.Language.IScriptExtent", "System.Object"] }
    public func psToString() -> String { extent.text }
    public var dynamicTypeName: String { psTypeName }
    public var dynamicDescription: String { extent.text }
    public var dynamicPropertyNames: [String] {
        ["File", "StartScriptPosition", "EndScriptPosition", "StartLineNumber", "StartColumnNumber", "EndLineNumber",
         "EndColumnNumber", "Text", "StartOffset", "EndOffset"]
    }

    private func characterOffset(_ byteOffset: Int) -> Int {
        guard let text = extent.file?.text else { return byteOffset }
        let utf8 = Array(text.utf8)
        return String(decoding: utf8.prefix(max(0, min(byteOffset, utf8.count))), as: UTF8.self).utf16.count
    }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "file": return extent.file?.path.map { .string($0) } ?? .null
        case "startlinenumber": return .int(Int32(extent.startLine))
        case "startcolumnnumber": return .int(Int32(extent.startColumn))
        case "endlinenumber": return .int(Int32(extent.endLine))
        case "endcolumnnumber": return .int(Int32(extent.endColumn))
        case "text": return .string(extent.text)
        case "startoffset": return .int(Int32(characterOffset(extent.startOffset)))
        case "endoffset": return .int(Int32(characterOffset(extent.endOffset)))
        case "startscriptposition", "endscriptposition":
            let start = name.lowercased() == "startscriptposition"
            let line = start ? extent.startLine : extent.endLine
            return .object(PSObject([("File", extent.file?.path.map { .string($0) } ?? .null),
                                     ("LineNumber", .int(Int32(line))),
                                     ("ColumnNumber", .int(Int32(start ? extent.startColumn : extent.endColumn))),
                                     ("Line", .string(extent.file?.lineText(line) ?? "")),
                                     ("Offset", .int(Int32(characterOffset(start ? extent.startOffset : extent.endOffset))))]))
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(extent.text) : nil
    }
}

/// `System.Management.Automation.Language.ParseError`: one syntax error from the parser.
public final class ParseErrorValue: TypedValue, PSDynamicObject {
    let error: PSLanguage.ParseError
    init(_ error: PSLanguage.ParseError) { self.error = error }

    public var psTypeName: String { "System.Management.Automation.Language.ParseError" }
    public func psToString() -> String {
        "At \(error.extent.file?.path ?? ""):\(error.extent.startLine) char:\(error.extent.startColumn)\n\(error.message)"
    }
    public var dynamicTypeName: String { psTypeName }
    public var dynamicDescription: String { psToString() }
    public var dynamicPropertyNames: [String] { ["Extent", "ErrorId", "Message", "IncompleteInput"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "extent": return .object(ScriptExtentValue(error.extent))
        case "errorid": return .string(error.id)
        case "message": return .string(error.message)
        case "incompleteinput": return .bool(error.isIncompleteInput)
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(psToString()) : nil
    }
}

/// `System.Management.Automation.Language.Token`: a token of the script, with its kind and place.
public final class TokenValue: TypedValue, PSDynamicObject {
    let text: String
    let kind: String
    let extent: SourceExtent
    init(text: String, kind: String, extent: SourceExtent) {
        self.text = text
        self.kind = kind
        self.extent = extent
    }

    public var psTypeName: String { "System.Management.Automation.Language.Token" }
    public func psToString() -> String { text }
    public var dynamicTypeName: String { psTypeName }
    public var dynamicDescription: String { text }
    public var dynamicPropertyNames: [String] { ["Text", "Kind", "Extent"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "text": return .string(text)
        case "kind": return .string(kind)
        case "extent": return .object(ScriptExtentValue(extent))
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("ToString") ? .string(text) : nil
    }
}
