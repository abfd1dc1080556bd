import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the XML parts of an export file into `ChatExportData`, strictly: the documented root and
/// list elements, every required attribute present and well-formed, text that decodes. Any
/// problem is a `DeploymentError` naming the part, the line and what is wrong.
enum ChatExportXmlReader {
    typealias Attributes = [String: String]

    /// One element as the SAX walk sees it: its name, attributes, the names above it and, at its
    /// end, its text.
    struct Element {
        var name: String
        var attributes: Attributes
        var depth: Int
        var text: String
        var line: Int
    }

    static func invalid(_ part: String, line: Int? = nil, _ what: String) -> DeploymentError {
        DeploymentError(.invalidData, id: "ExportFileInvalid",
                        "The export file's part \(part)\(line.map { " (line \($0))" } ?? "") is invalid: \(what). The file is damaged or was not written by Export-CsPersistentChatData; export it again.",
                        target: part)
    }

    /// Parses `input`, calling `start` and `end` for every element; throws on malformed XML.
    static func walk(_ input: InputStream, part: String, start: (Element) throws -> Void, end: (Element) throws -> Void) throws {
        // From a stream, XMLParser hands libxml2 the document in chunks; given the whole Data at
        // once, libxml2 refuses parts over its 10 MB look-ahead limit ("huge input lookup").
        let parser = XMLParser(stream: input)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(part: part)
        parser.delegate = delegate
        let ok = withoutActuallyEscaping(start) { start in
            withoutActuallyEscaping(end) { end in
                delegate.start = start
                delegate.end = end
                // The closures must not outlive this block: the delegate drops them before it ends.
                defer { delegate.start = nil; delegate.end = nil }
                return parser.parse()
            }
        }
        parser.delegate = nil
        if let failure = delegate.failure { throw failure }
        guard ok else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw invalid(part, line: parser.lineNumber, "it is not well-formed XML or not UTF-8 (\(reason))")
        }
        guard delegate.sawRoot else { throw invalid(part, "it has no root element") }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let part: String
        var start: ((Element) throws -> Void)?
        var end: ((Element) throws -> Void)?
        var stack: [Element] = []
        var failure: DeploymentError?
        var sawRoot = false

        init(part: String) {
            self.part = part
        }

        private func run(_ parser: XMLParser, _ body: () throws -> Void) {
            guard failure == nil else { return }
            do { try body() } catch let error as DeploymentError {
                failure = error
                parser.abortParsing()
            } catch {
                failure = ChatExportXmlReader.invalid(part, line: parser.lineNumber, "\(error)")
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            // libxml2 through XMLParser lets content after the root element pass; a strict reader does not.
            if stack.isEmpty && sawRoot {
                run(parser) { throw ChatExportXmlReader.invalid(part, line: parser.lineNumber, "there is a second root element <\(elementName)>") }
                return
            }
            sawRoot = true
            let element = Element(name: elementName, attributes: attributes, depth: stack.count, text: "", line: parser.lineNumber)
            stack.append(element)
            run(parser) { try start?(element) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else {
                if !string.allSatisfy(\.isWhitespace) {
                    run(parser) { throw ChatExportXmlReader.invalid(part, line: parser.lineNumber, "there is text outside the root element") }
                }
                return
            }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            run(parser) { try end?(element) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }

    // MARK: Values

    /// A text attribute: plain, `name.b64`, or nil when absent.
    static func text(_ element: Element, _ name: String, part: String) throws -> String? {
        if let plain = element.attributes[name] { return plain }
        guard let encoded = element.attributes[name + ".b64"] else { return nil }
        return try decodeBase64(encoded, part: part, line: element.line, what: "the attribute \(name).b64")
    }

    static func requiredText(_ element: Element, _ name: String, part: String) throws -> String {
        try required(try text(element, name, part: part), element, name, part: part)
    }

    static func int(_ element: Element, _ name: String, part: String) throws -> Int? { try number(element, name, part: part) }

    static func requiredInt(_ element: Element, _ name: String, part: String) throws -> Int {
        try required(try int(element, name, part: part), element, name, part: part)
    }

    static func int64(_ element: Element, _ name: String, part: String) throws -> Int64? { try number(element, name, part: part) }

    private static func number<T: FixedWidthInteger>(_ element: Element, _ name: String, part: String) throws -> T? {
        guard let raw = element.attributes[name] else { return nil }
        // Foundation's trimming is slow and numbers come by the hundred thousand: trim only when
        // needed. An ASCII digit at both ends needs none (checked on bytes: a Character's
        // properties cost a Unicode table lookup).
        let edges = (raw.utf8.first ?? 0, raw.utf8.last ?? 0)
        let plain = (0x30...0x39).contains(edges.0) || edges.0 == 0x2D
        let text = plain && (0x30...0x39).contains(edges.1) ? raw
            : raw.first?.isWhitespace == true || raw.last?.isWhitespace == true ? raw.trimmingCharacters(in: .whitespaces) : raw
        guard let value = T(text) else {
            throw invalid(part, line: element.line, "the attribute \(name)=\"\(raw.prefix(40))\" of <\(element.name)> is not a whole number")
        }
        return value
    }

    private static func required<T>(_ value: T?, _ element: Element, _ name: String, part: String) throws -> T {
        guard let value else { throw invalid(part, line: element.line, "<\(element.name)> lacks the attribute \(name)") }
        return value
    }

    /// A 0/1 attribute; absent is nil (inherit).
    static func flag(_ element: Element, _ name: String, part: String) throws -> Bool? {
        guard let raw = element.attributes[name] else { return nil }
        switch raw == "0" || raw == "1" ? raw : raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: throw invalid(part, line: element.line, "the attribute \(name)=\"\(raw.prefix(40))\" of <\(element.name)> is not 0 or 1")
        }
    }

    /// An element's text: plain, base64 when `b64="1"`, nil when `nil="1"`.
    static func elementText(_ element: Element, part: String) throws -> String? {
        if element.attributes["nil"] == "1" { return nil }
        if element.attributes["b64"] == "1" {
            return try decodeBase64(element.text, part: part, line: element.line, what: "<\(element.name)>")
        }
        return element.text
    }

    static func decodeBase64(_ encoded: String, part: String, line: Int, what: String) throws -> String {
        guard let data = Data(base64Encoded: encoded.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw invalid(part, line: line, "\(what) is not base64")
        }
        guard let text = String(validatingUTF8Bytes: data) else {
            throw invalid(part, line: line, "\(what) does not decode to UTF-8 text")
        }
        return text
    }
}

extension String {
    /// The text of `bytes` when they are valid UTF-8; nil otherwise (no repair).
    init?(validatingUTF8Bytes bytes: Data) {
        guard let text = String(bytes: bytes, encoding: .utf8), text.utf8.count == bytes.count else { return nil }
        self = text
    }
}
