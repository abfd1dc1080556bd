import Foundation
import PSLanguage
import PSRuntime

/// Everything Get-Help shows about one command, gathered from a cmdlet declaration, a function's
/// comment-based help and param block, or a script file.
struct HelpTopic {
    struct Example {
        var code: String
        var remarks: String
    }

    var name: String
    /// `Cmdlet`, `Function`, `Filter` or `ExternalScript`.
    var category: String
    var module: String
    var synopsis: String
    var description: String
    /// Each SYNTAX line as its pieces (command name, then one piece per parameter).
    var syntaxUnits: [[String]]
    var syntax: [String] { syntaxUnits.map { $0.joined(separator: " ") } }
    var parameters: [ParameterMetadata]
    /// Help text per parameter, beside the declaration's own (comment-based `.PARAMETER`).
    var parameterHelp: [String: String] = [:]
    var examples: [Example]
    var commonParameters: Bool
    var supportsShouldProcess: Bool
    var inputs: [String] = []
    var outputs: [String] = []
    var notes = ""
    var links: [String] = []

    /// Help for a compiled cmdlet.
    init(_ declaration: CmdletDeclaration) {
        name = declaration.name
        category = "Cmdlet"
        module = declaration.moduleName
        synopsis = declaration.synopsis
        description = declaration.description
        syntaxUnits = CommandSyntax.units(declaration)
        parameters = declaration.parameters
        examples = declaration.examples.map { Example(code: $0.code, remarks: $0.remarks) }
        commonParameters = true
        supportsShouldProcess = declaration.supportsShouldProcess
        var seen = Set<String>()
        inputs = declaration.parameters.filter { $0.sets.contains { $0.valueFromPipeline } }
            .map(\.typeName).filter { seen.insert($0.lowercased()).inserted }
        outputs = declaration.outputTypes
    }

    /// Help for a script function: comment-based help when there is some, syntax from the param block.
    init(_ function: FunctionInfo) {
        let block = function.scriptBlock.ast
        var comment: CommentHelp?
        if let file = block.extent.file {
            comment = CommentHelp.commentBefore(offset: block.extent.startOffset, in: file.text, stripping: true)
                .flatMap(CommentHelp.parse)
        }
        if comment == nil {
            var body = block.extent.text
            if body.hasPrefix("{") { body.removeFirst() }
            comment = CommentHelp.commentAtStart(of: body).flatMap(CommentHelp.parse)
        }
        self.init(scriptNamed: function.name, category: function.isFilter ? "Filter" : "Function",
                  module: function.moduleName ?? "", declaration: function.scriptBlock.parameterDeclaration, comment: comment)
    }

    /// Help for a script file: the comment block at its top and its param block.
    init(scriptAt path: String, text: String, block: ScriptBlock?) {
        let comment = CommentHelp.commentAtStart(of: text).flatMap(CommentHelp.parse)
        self.init(scriptNamed: path, category: "ExternalScript", module: "",
                  declaration: block?.parameterDeclaration, comment: comment)
    }

    private init(scriptNamed name: String, category: String, module: String, declaration: ScriptParameterDeclaration?,
                 comment: CommentHelp?) {
        self.name = name
        self.category = category
        self.module = module
        parameters = declaration?.parameters ?? []
        commonParameters = declaration?.isAdvanced ?? false
        supportsShouldProcess = declaration?.supportsShouldProcess ?? false
        let setNames = declaration?.setNames ?? []
        syntaxUnits = CommandSyntax.units(name: name, parameters: parameters, setNames: setNames, defaultSet: setNames.first,
                                          shouldProcess: supportsShouldProcess, commonParameters: commonParameters)
        synopsis = comment?.synopsis ?? ""
        if synopsis.isEmpty { synopsis = syntaxUnits.map { $0.joined(separator: " ") }.joined(separator: "\n") }
        description = comment?.description ?? ""
        examples = (comment?.examples ?? []).map { text in
            let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            var code = lines.first.map(String.init) ?? ""
            for prompt in ["PS C:\\> ", "PS > ", "PS> "] where code.hasPrefix(prompt) { code.removeFirst(prompt.count) }
            let remarks = lines.count > 1 ? String(lines[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            return Example(code: code, remarks: remarks)
        }
        for (parameter, text) in comment?.parameters ?? [] { parameterHelp[parameter.lowercased()] = text }
        if let inputs = comment?.inputs, !inputs.isEmpty { self.inputs = [inputs] }
        if let outputs = comment?.outputs, !outputs.isEmpty { self.outputs = [outputs] }
        notes = comment?.notes ?? ""
        links = comment?.links ?? []
    }

    /// The help text of a parameter: comment-based first, then the declaration's.
    func help(for parameter: ParameterMetadata) -> String {
        if let text = parameterHelp[parameter.name.lowercased()], !text.isEmpty { return text }
        return parameter.help
    }
}
