/// A command's parameter sets, resolved once: which parameter belongs to which set and how, the
/// positional slots of each set in order, and its mandatory parameters. The binder asks this
/// table instead of comparing set names, so binding costs the same for a command with thirty
/// sets (Where-Object) as for one with a single set.
final class ParameterSetTable: @unchecked Sendable {
    /// Every named set (the default first), or the single implicit set.
    let sets: [String]
    /// `membership[parameter][set]`: how the parameter takes part in the set, nil when it does not.
    let membership: [[ParameterSetMembership?]]
    /// Per set: parameter indices that have a position there, by position.
    let positional: [[Int]]
    /// Per set: the parameter taking remaining arguments, if any.
    let remaining: [Int?]
    /// Per set: mandatory parameter indices.
    let mandatory: [[Int]]

    init(parameters: [ParameterMetadata], defaultSet: String?) {
        var names: [String] = []
        if let d = defaultSet { names.append(d) }
        for p in parameters {
            for s in p.sets where s.name != ParameterMetadata.allSetsName && !names.contains(where: { $0.equalsIgnoringCase(s.name) }) {
                names.append(s.name)
            }
        }
        if names.isEmpty { names = [ParameterMetadata.allSetsName] }
        sets = names
        let membership: [[ParameterSetMembership?]] = parameters.map { p in
            names.map { set in
                if p.sets.isEmpty { return ParameterSetMembership() }
                return p.sets.first { $0.name.equalsIgnoringCase(set) } ?? p.sets.first { $0.name == ParameterMetadata.allSetsName }
            }
        }
        self.membership = membership
        var positional: [[Int]] = []
        var remaining: [Int?] = []
        var mandatory: [[Int]] = []
        for s in names.indices {
            let withPosition = parameters.indices.filter { membership[$0][s]?.position != nil }
            positional.append(withPosition.sorted { membership[$0][s]!.position! < membership[$1][s]!.position! })
            remaining.append(parameters.indices.first { membership[$0][s]?.valueFromRemainingArguments == true })
            mandatory.append(parameters.indices.filter { membership[$0][s]?.mandatory == true })
        }
        self.positional = positional
        self.remaining = remaining
        self.mandatory = mandatory
    }

    /// True when parameter `parameter` belongs to the set at `set`.
    @inline(__always)
    func contains(_ parameter: Int, _ set: Int) -> Bool { membership[parameter][set] != nil }
}
