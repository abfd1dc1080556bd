import Foundation
import PSRuntime

/// Finds nodes in XML documents, files or strings with an XPath query.
final class SelectXmlCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SelectXmlCommand.self, name: "Select-Xml",
        synopsis: "Runs an XPath query over XML documents, files or strings and returns the matching nodes.",
        defaultParameterSet: "Xml", outputTypes: ["Microsoft.PowerShell.Commands.SelectXmlInfo"],
        examples: [HelpExample("Select-Xml -Path ./pool.xml -XPath '//User[@enabled=\"true\"]'", "Finds enabled users in a file."),
                   HelpExample("$doc | Select-Xml '/Pool/AdUsers/User/@principalId' | ForEach-Object { $_.Node.Value }",
                               "Reads one attribute of every user.")],
        parameters: [
            Parameter("XPath", \.xPath, position: 0, mandatory: true, validate: [.notNullOrEmpty],
                      help: "The XPath query (a subset: paths, *, @attr, text(), [n], [@a='v'] and similar filters)."),
            Parameter("Xml", \.xml, position: 1, mandatory: true, sets: ["Xml"], pipeline: .byValue, aliases: ["Node"],
                      help: "The XML documents or nodes to search."),
            Parameter("Path", \.path, position: 1, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      files: .reads, help: "XML files to search; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "XML files to search, taken exactly as written."),
            Parameter("Content", \.content, mandatory: true, sets: ["Content"], pipeline: .byPropertyName,
                      help: "Strings holding XML text to search."),
            Parameter("Namespace", \.namespace, help: "A hashtable of prefix = namespace URI pairs used by the query."),
        ])

    var xPath = ""
    var xml: [PSValue] = []
    var path: [String] = []
    var literalPath: [String] = []
    var content: [String] = []
    var namespace: PSHashtable?

    private var query: XmlXPath?

    func process(_ context: CommandContext) throws {
        let query = try compiledQuery(context)
        switch context.parameterSetName {
        case "Path", "LiteralPath":
            let literal = context.parameterSetName == "LiteralPath"
            try search(files: literal ? literalPath : path, literal: literal, query: query, context: context)
        case "Content":
            let text = content.joined(separator: "\n")
            guard let document = try parse(text: text, target: .string(text), context: context) else { return }
            try emit(query.select(from: document), path: "InputStream", context: context)
        default:
            for item in xml.flatMap({ $0.enumerated ?? [$0] }) {
                let value = item.baseValue
                if case .object(let object) = value, let node = object as? XmlNodeValue {
                    try emit(query.select(from: node), path: "InputStream", context: context)
                } else if let text = value.asString {
                    guard let document = try parse(text: text, target: item, context: context) else { continue }
                    try emit(query.select(from: document), path: "InputStream", context: context)
                } else if case .null = value {
                    continue
                } else if Members.hasProperty(item, "PSPath") {
                    // Items from Get-ChildItem carry their path, as they would bind to -LiteralPath in pwsh.
                    let itemPath = LanguagePrimitives.toString(try UtilityProperties.value(of: item, "PSPath", context: context.session),
                                                               context: context.session)
                    try search(files: [itemPath], literal: true, query: query, context: context)
                } else {
                    try context.writeError("Select-Xml searches XML documents and nodes, not \(LanguagePrimitives.typeName(of: value)) values.",
                                           id: "ParameterArgumentTransformationError", category: .InvalidArgument, target: item)
                }
            }
        }
    }

    private func search(files: [String], literal: Bool, query: XmlXPath, context: CommandContext) throws {
        for file in try FileSystemPaths.resolveExisting(files, literal: literal, context: context, use: .reads) {
            if FileSystemPaths.isDirectory(file) { continue }
            guard let document = try parse(file: file, context: context) else { continue }
            try emit(query.select(from: document), path: file, context: context)
        }
    }

    private func compiledQuery(_ context: CommandContext) throws -> XmlXPath {
        if let query { return query }
        var table: [String: String] = [:]
        if let namespace {
            for (key, value) in zip(namespace.keys, namespace.values) {
                table[LanguagePrimitives.toString(key, context: context.session)] = LanguagePrimitives.toString(value, context: context.session)
            }
        }
        do {
            let compiled = try XmlXPath(xPath, namespaces: table)
            query = compiled
            return compiled
        } catch let error as XmlXPath.SyntaxError {
            throw context.terminatingError("The XPath query '\(xPath)' is not valid: \(error.message)", id: "XPathException",
                                           category: .InvalidArgument, target: .string(xPath),
                                           exceptionType: "System.Xml.XPath.XPathException")
        }
    }

    private func parse(file: String, context: CommandContext) throws -> XmlNodeValue? {
        let text: String
        do {
            text = try TextFiles.read(file, encoding: nil)
        } catch {
            try context.writeError("Cannot read '\(file)': \(TextFiles.reason(error)).", id: "ProcessingFile",
                                   category: .ReadError, target: .string(file), exceptionType: "System.IO.IOException")
            return nil
        }
        return try parse(text: text, target: .string(file), context: context)
    }

    private func parse(text: String, target: PSValue, context: CommandContext) throws -> XmlNodeValue? {
        do {
            return try XmlNodeValue.parse(text)
        } catch {
            try context.writeError("The text is not a well-formed XML document.", id: "ProcessingFile", category: .InvalidArgument,
                                   target: target, exceptionType: "System.Xml.XmlException")
            return nil
        }
    }

    private func emit(_ nodes: [XmlNodeValue], path: String, context: CommandContext) throws {
        for node in nodes {
            let info = PSObject(typeNames: ["Microsoft.PowerShell.Commands.SelectXmlInfo", "System.Object"])
            info.add("Node", .object(node))
            info.add("Path", .string(path))
            info.add("Pattern", .string(xPath))
            try context.write(.object(info))
        }
    }
}
