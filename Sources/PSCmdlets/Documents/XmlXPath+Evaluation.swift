import PSRuntime

extension XmlXPath {
    /// The nodes the expression selects from `context`, in document order. Attribute matches come back
    /// as detached text nodes named after the attribute, whose `Value` is the attribute's value.
    func select(from context: XmlNodeValue) -> [XmlNodeValue] {
        var root = context
        while let parent = root.parent { root = parent }
        var current = [absolute ? root : context]
        for step in steps {
            var next: [XmlNodeValue] = []
            var seen = Set<ObjectIdentifier>()
            for node in current {
                for match in filter(candidates(of: step, from: node), by: step.predicates)
                where seen.insert(ObjectIdentifier(match)).inserted {
                    next.append(match)
                }
            }
            current = next
        }
        return current
    }

    private func candidates(of step: Step, from node: XmlNodeValue) -> [XmlNodeValue] {
        switch step.axis {
        case .child: return node.children.filter { matches($0, step.test) }
        case .selfNode: return [node]
        case .parent: return node.parent.map { [$0] } ?? []
        case .descendantOrSelf:
            var out: [XmlNodeValue] = []
            func walk(_ n: XmlNodeValue) {
                out.append(n)
                for child in n.children where child.kind != .text { walk(child) }
            }
            walk(node)
            return out
        case .attribute:
            guard node.kind == .element else { return [] }
            return node.attributes.filter { attribute in
                if attribute.name == "xmlns" || attribute.name.hasPrefix("xmlns:") { return false }
                switch step.test {
                case .name(let name): return attribute.name == name
                default: return true
                }
            }.map { attribute in
                let detached = XmlNodeValue(kind: .text, name: attribute.name)
                detached.text = attribute.value
                detached.parent = node
                return detached
            }
        }
    }

    private func matches(_ node: XmlNodeValue, _ test: NodeTest) -> Bool {
        switch test {
        case .anyNode: return true
        case .text: return node.kind == .text
        case .anyElement: return node.kind == .element
        case .name(let name): return node.kind == .element && nameMatches(node, name)
        }
    }

    /// `prefix:local` uses the namespace table when the prefix is in it; other names compare as written.
    private func nameMatches(_ element: XmlNodeValue, _ name: String) -> Bool {
        guard let colon = name.firstIndex(of: ":"), let uri = namespaces[String(name[..<colon])] else {
            return element.name == name
        }
        let local = String(name[name.index(after: colon)...])
        return Self.localName(element.name) == local && Self.namespaceURI(of: element) == uri
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.firstIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// The namespace an element's prefix (or the default namespace) stands for, from `xmlns` attributes in scope.
    static func namespaceURI(of element: XmlNodeValue) -> String? {
        let prefix = element.name.firstIndex(of: ":").map { String(element.name[..<$0]) }
        let declaration = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        var node: XmlNodeValue? = element
        while let current = node {
            if let value = current.attributes.first(where: { $0.name == declaration })?.value { return value }
            node = current.parent
        }
        return nil
    }

    // MARK: Predicates

    private func filter(_ nodes: [XmlNodeValue], by predicates: [Predicate]) -> [XmlNodeValue] {
        var current = nodes
        for predicate in predicates {
            let size = current.count
            current = current.enumerated().filter { holds(predicate, $0.element, position: $0.offset + 1, size: size) }.map(\.element)
        }
        return current
    }

    private func holds(_ predicate: Predicate, _ node: XmlNodeValue, position: Int, size: Int) -> Bool {
        switch predicate {
        case .index(let n): return position == n
        case .last: return position == size
        case .exists(let operand): return !values(of: operand, on: node).isEmpty
        case .compare(let operand, let equal, let literal):
            let found = values(of: operand, on: node)
            return equal ? found.contains { Self.same($0, literal) } : found.contains { !Self.same($0, literal) }
        case .function(let name, let operand, let literal):
            guard let first = values(of: operand, on: node).first else { return literal.isEmpty }
            return name == "contains" ? (literal.isEmpty || first.contains(literal)) : first.hasPrefix(literal)
        case .not(let inner): return !holds(inner, node, position: position, size: size)
        case .all(let parts): return parts.allSatisfy { holds($0, node, position: position, size: size) }
        case .any(let parts): return parts.contains { holds($0, node, position: position, size: size) }
        }
    }

    /// Numbers compare as numbers (`[price=10]` matches `10.0`), everything else as exact text.
    private static func same(_ value: String, _ literal: String) -> Bool {
        if let a = Double(value.trimmingCharacters(in: .whitespaces)), let b = Double(literal) { return a == b }
        return value == literal
    }

    private func values(of operand: Operand, on node: XmlNodeValue) -> [String] {
        switch operand {
        case .current: return [node.kind == .text ? node.text : node.innerText]
        case .text: return node.children.filter { $0.kind == .text }.map(\.text)
        case .attribute(let name): return node.kind == .element ? node.attributes.filter { $0.name == name }.map(\.value) : []
        case .child(let name): return node.children.filter { $0.kind == .element && nameMatches($0, name) }.map(\.innerText)
        }
    }
}
