import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A node of an `[xml]` document: the document itself, an element, or a text node. PowerShell's
/// XML adapter shows child elements and attributes as properties (`$x.root.item.id`).
public final class XmlNodeValue: TypedValue {
    public enum Kind { case document, element, text }

    public let kind: Kind
    public var name: String
    public var attributes: [(name: String, value: String)] = []
    public var children: [XmlNodeValue] = []
    /// Text of a text node.
    public var text: String = ""
    public weak var parent: XmlNodeValue?

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    public var psTypeName: String {
        switch kind {
        case .document: return "System.Xml.XmlDocument"
        case .element: return "System.Xml.XmlElement"
        case .text: return "System.Xml.XmlText"
        }
    }
    public var psBaseTypeNames: [String] {
        kind == .document ? ["System.Xml.XmlNode", "System.Object"] : ["System.Xml.XmlLinkedNode", "System.Xml.XmlNode", "System.Object"]
    }
    public func psToString() -> String { kind == .text ? text : psTypeName }

    public var elements: [XmlNodeValue] { children.filter { $0.kind == .element } }

    public var innerText: String {
        kind == .text ? text : children.map(\.innerText).joined()
    }

    public var documentElement: XmlNodeValue? { elements.first }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name.equalsIgnoringCase(name) }?.value
    }

    public func setAttribute(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name.equalsIgnoringCase(name) }) {
            attributes[i].value = value
        } else {
            attributes.append((name, value))
        }
    }

    /// Replaces the content with one text node.
    public func setInnerText(_ value: String) {
        let node = XmlNodeValue(kind: .text, name: "#text")
        node.text = value
        node.parent = self
        children = [node]
    }

    /// A leaf element (text only, no attributes) reads as its text, as in PowerShell.
    var adaptedValue: PSValue {
        if kind == .element && attributes.isEmpty && children.allSatisfy({ $0.kind == .text }) {
            return .string(innerText)
        }
        return .object(self)
    }

    /// Child elements and attributes by name; nil when there is neither.
    public func adaptedProperty(_ property: String) -> PSValue? {
        if property == "#text" {
            let texts = children.filter { $0.kind == .text }
            return texts.isEmpty ? nil : .string(texts.map(\.text).joined())
        }
        var values: [PSValue] = []
        if let a = attribute(property) { values.append(.string(a)) }
        for child in children where child.kind == .element && child.name.equalsIgnoringCase(property) {
            values.append(child.adaptedValue)
        }
        if values.isEmpty { return nil }
        return values.count == 1 ? values[0] : .array(values)
    }

    /// Names shown as properties (attributes, then distinct child element names).
    public var adaptedPropertyNames: [String] {
        var names = attributes.map(\.name)
        for child in elements where !names.contains(where: { $0.equalsIgnoringCase(child.name) }) { names.append(child.name) }
        if children.contains(where: { $0.kind == .text }) && !elements.isEmpty { names.append("#text") }
        return names
    }

    public var outerXml: String {
        switch kind {
        case .text: return Self.escape(text)
        case .document: return children.map(\.outerXml).joined()
        case .element:
            var s = "<" + name
            for a in attributes { s += " \(a.name)=\"\(Self.escape(a.value, attribute: true))\"" }
            if children.isEmpty { return s + " />" }
            return s + ">" + innerXml + "</" + name + ">"
        }
    }

    public var innerXml: String { children.map(\.outerXml).joined() }

    static func escape(_ s: String, attribute: Bool = false) -> String {
        var out = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if attribute { out = out.replacingOccurrences(of: "\"", with: "&quot;") }
        return out
    }

    /// Elements matching a simple XPath: `/a/b`, `//b`, `a/b`, `*`, with an optional `[@attr='v']` filter.
    public func select(_ path: String) -> [XmlNodeValue] {
        var current: [XmlNodeValue] = [self]
        var rest = Substring(path)
        if rest.hasPrefix("/") && !rest.hasPrefix("//") {
            var root = self
            while let p = root.parent { root = p }
            current = [root]
            rest = rest.dropFirst()
        }
        while !rest.isEmpty {
            var descendant = false
            if rest.hasPrefix("//") { descendant = true; rest = rest.dropFirst(2) } else if rest.hasPrefix("/") { rest = rest.dropFirst() }
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var step = String(rest[..<end])
            rest = rest[end...]
            var filter: (String, String)?
            if let open = step.firstIndex(of: "["), step.hasSuffix("]") {
                let cond = step[step.index(after: open)..<step.index(before: step.endIndex)]
                step = String(step[..<open])
                let pieces = cond.split(separator: "=", maxSplits: 1)
                if pieces.count == 2, pieces[0].hasPrefix("@") {
                    filter = (String(pieces[0].dropFirst()), pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
                }
            }
            var next: [XmlNodeValue] = []
            for node in current {
                let candidates = descendant ? node.descendants : node.elements
                for c in candidates where c.kind == .element && (step == "*" || c.name == step) {
                    if let (a, v) = filter, c.attribute(a) != v { continue }
                    next.append(c)
                }
            }
            current = next
        }
        return current
    }

    var descendants: [XmlNodeValue] {
        var out: [XmlNodeValue] = []
        for c in elements { out.append(c); out += c.descendants }
        return out
    }

    /// Parses XML text into a document; throws the cast error `[xml]` reports.
    public static func parse(_ text: String) throws -> XmlNodeValue {
        let builder = XmlTreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        if !parser.parse() || builder.document.elements.isEmpty {
            let line = parser.lineNumber, column = parser.columnNumber
            let reason = parser.parserError.map { _ in "The XML is not well formed (line \(line), position \(column))." }
                ?? "Root element is missing."
            throw LanguagePrimitives.castError(.string(text), "System.Xml.XmlDocument", id: "InvalidCastToXmlDocument", reason: reason)
        }
        return builder.document
    }
}

/// Builds the node tree from XMLParser events.
private final class XmlTreeBuilder: NSObject, XMLParserDelegate {
    let document = XmlNodeValue(kind: .document, name: "#document")
    private var stack: [XmlNodeValue] = []

    override init() {
        super.init()
        stack = [document]
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XmlNodeValue(kind: .element, name: elementName)
        node.attributes = attributeDict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        node.parent = stack.last
        stack.last?.children.append(node)
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if stack.count > 1 { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { appendText(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { appendText(String(decoding: CDATABlock, as: UTF8.self)) }

    private func appendText(_ string: String) {
        guard let top = stack.last, top.kind == .element else { return }
        if let last = top.children.last, last.kind == .text {
            last.text += string
        } else {
            let node = XmlNodeValue(kind: .text, name: "#text")
            node.text = string
            node.parent = top
            top.children.append(node)
        }
    }

    func parserDidEndDocument(_ parser: XMLParser) {
        // Whitespace-only text between elements is not significant (PreserveWhitespace is off).
        func trim(_ node: XmlNodeValue) {
            if node.children.contains(where: { $0.kind == .element }) {
                node.children.removeAll { $0.kind == .text && $0.text.allSatisfy(\.isWhitespace) }
            }
            node.elements.forEach(trim)
        }
        trim(document)
    }
}
