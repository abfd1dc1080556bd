import PSLanguage

/// One evaluated command-line argument, before binding.
public enum CommandArgument {
    /// `-Name` (value nil) or `-Name:value`. `text` is how it was written (for native programs).
    case parameter(name: String, value: PSValue?, text: String, extent: SourceExtent?)
    /// A positional value.
    case value(PSValue, extent: SourceExtent?)
}

/// Binds arguments to a command's parameters with PowerShell's rules: named (exact, alias, unique
/// prefix), then parameter-set narrowing, then positional by position, conversion and validation;
/// pipeline objects later by value and by property name. Errors carry PowerShell's ids.
struct ParameterBinder {
    let commandName: String
    let parameters: [ParameterMetadata]
    let defaultSet: String?
    /// Advanced functions and cmdlets take the common parameters.
    let takesCommonParameters: Bool
    let supportsShouldProcess: Bool
    /// Simple functions put what they can't bind into `$args` instead of failing.
    let collectsUnbound: Bool
    /// Suffix for FullyQualifiedErrorId (the cmdlet's type name, or the function name).
    let errorSuffix: String
    /// The parameter sets, resolved once per declaration.
    let table: ParameterSetTable

    /// The result of binding: parameter index → converted value, plus common parameters.
    struct State {
        var bound: [Int: PSValue] = [:]
        var common: [String: PSValue] = [:]
        var unbound: [PSValue] = []
        /// Indices (into `table.sets`) of the sets still possible, the preferred one first.
        var candidateSets: [Int] = []
        /// Parameters bound from the current pipeline object (reset before the next one).
        var boundFromPipeline: [Int] = []
    }

    // MARK: Sets

    /// The name of the set at `index`.
    func setName(_ index: Int) -> String { table.sets[index] }

    // MARK: Name matching

    enum Match {
        case parameter(Int)
        case common(String, isSwitch: Bool)
    }

    func match(_ name: String, extent: SourceExtent?) throws -> Match? {
        var commonEntries = takesCommonParameters ? CommonParameters.names : []
        if takesCommonParameters && supportsShouldProcess { commonEntries += CommonParameters.shouldProcess }
        // Exact name or alias first.
        for (i, p) in parameters.enumerated() where p.name.equalsIgnoringCase(name) || p.aliases.contains(where: { $0.equalsIgnoringCase(name) }) {
            return .parameter(i)
        }
        for c in commonEntries where c.name.equalsIgnoringCase(name) || c.aliases.contains(where: { $0.equalsIgnoringCase(name) }) {
            return .common(c.name, isSwitch: c.isSwitch)
        }
        // Unique prefix; the command's own parameters win over common ones.
        let own = parameters.indices.filter { parameters[$0].name.hasPrefixIgnoringCase(name) }
        if own.count == 1 { return .parameter(own[0]) }
        if own.count > 1 {
            let names = own.map { "-" + parameters[$0].name }.joined(separator: " ")
            throw bindingError("Parameter cannot be processed because the parameter name '\(name)' is ambiguous. Possible matches include: \(names).",
                               id: "AmbiguousParameter", extent: extent)
        }
        let common = commonEntries.filter { $0.name.hasPrefixIgnoringCase(name) }
        if common.count == 1 { return .common(common[0].name, isSwitch: common[0].isSwitch) }
        if common.count > 1 {
            let names = common.map { "-" + $0.name }.joined(separator: " ")
            throw bindingError("Parameter cannot be processed because the parameter name '\(name)' is ambiguous. Possible matches include: \(names).",
                               id: "AmbiguousParameter", extent: extent)
        }
        return nil
    }

    // MARK: Command line

    func bindCommandLine(_ arguments: [CommandArgument], context: ExecutionContext) throws -> State {
        var state = State()
        var positional: [(PSValue, SourceExtent?)] = []
        // Where each positional and each unknown `-Name` sat, so `$args` keeps the written order.
        var positionalOrder: [Int] = []
        var unboundTokens: [(order: Int, value: PSValue)] = []
        var named: [(Int, PSValue, SourceExtent?)] = []
        // Unknown `-Name`s a ValueFromRemainingArguments parameter takes (as text, in order).
        var unknownNames: [(order: Int, value: PSValue)] = []
        var firstUnknown: (name: String, extent: SourceExtent?)?
        let takesRemaining = table.sets.indices.contains { table.remaining[$0] != nil }
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case .value(let v, let extent):
                positional.append((v, extent))
                positionalOrder.append(i)
            case .parameter(let name, let value, let text, let extent):
                guard let m = try match(name, extent: extent) else {
                    if collectsUnbound {
                        unboundTokens.append((i, ParameterToken.make(text)))
                        if let value { unboundTokens.append((i, value)) }
                        i += 1
                        continue
                    }
                    if takesRemaining {
                        // `-Name:value` gives the name with its colon, then the value.
                        let written = value == nil ? text : text.firstIndex(of: ":").map { String(text[...$0]) } ?? text
                        unknownNames.append((i, .string(written)))
                        if let value { unknownNames.append((i, value)) }
                        if firstUnknown == nil { firstUnknown = (name, extent) }
                        i += 1
                        continue
                    }
                    throw bindingError("A parameter cannot be found that matches parameter name '\(name)'.",
                                       id: "NamedParameterNotFound", extent: extent)
                }
                switch m {
                case .common(let commonName, let isSwitch):
                    if isSwitch {
                        state.common[commonName] = .bool(value.map(LanguagePrimitives.isTrue) ?? true)
                    } else if let value {
                        state.common[commonName] = value
                    } else if i + 1 < arguments.count, case .value(let next, _) = arguments[i + 1] {
                        state.common[commonName] = next
                        i += 1
                    } else {
                        throw bindingError("Missing an argument for parameter '\(commonName)'. Specify a parameter of type '\(CommonParameters.names.first { $0.name == commonName }?.typeName ?? "Object")' and try again.",
                                           id: "MissingArgument", extent: extent)
                    }
                case .parameter(let index):
                    let p = parameters[index]
                    if named.contains(where: { $0.0 == index }) {
                        throw bindingError("Cannot bind parameter because parameter '\(p.name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                                           id: "ParameterAlreadyBound", extent: extent)
                    }
                    if p.isSwitch {
                        named.append((index, .bool(value.map(LanguagePrimitives.isTrue) ?? true), extent))
                    } else if let value {
                        named.append((index, value, extent))
                    } else if i + 1 < arguments.count, case .value(let next, _) = arguments[i + 1] {
                        named.append((index, next, extent))
                        i += 1
                    } else {
                        throw bindingError("Missing an argument for parameter '\(p.name)'. Specify a parameter of type '\(p.typeName)' and try again.",
                                           id: "MissingArgument", extent: extent)
                    }
                }
            }
            i += 1
        }

        // Narrow the sets by the named parameters.
        var sets = Array(table.sets.indices)
        for (index, _, extent) in named {
            let narrowed = sets.filter { table.contains(index, $0) }
            if narrowed.isEmpty {
                throw bindingError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
                                   id: "AmbiguousParameterSet", extent: extent)
            }
            sets = narrowed
        }
        for (index, value, extent) in named {
            state.bound[index] = try convert(value, for: index, context: context, extent: extent)
        }

        // Positional arguments: every set that can take them all is a candidate; the one whose
        // parameters match the arguments' types best wins (a script block goes to a ScriptBlock
        // parameter before a String one), ties going to the earlier set (the default first).
        if !positional.isEmpty {
            var chosen: (set: Int, assignments: [(Int, PSValue, SourceExtent?)], rest: [PSValue], restOrder: [Int], remaining: Int?)?
            var bestScore = Int.min
            // The first argument no set has a place for (what the error names, as pwsh does).
            var mostPlaced = 0
            for set in sets {
                let slots = table.positional[set].filter { state.bound[$0] == nil }
                let remainingIndex = table.remaining[set].flatMap { state.bound[$0] == nil ? $0 : nil }
                var assignments: [(Int, PSValue, SourceExtent?)] = []
                var rest: [PSValue] = []
                var restOrder: [Int] = []
                for (n, arg) in positional.enumerated() {
                    if n < slots.count && slots[n] != remainingIndex {
                        assignments.append((slots[n], arg.0, arg.1))
                    } else {
                        rest.append(arg.0)
                        restOrder.append(positionalOrder[n])
                    }
                }
                mostPlaced = max(mostPlaced, assignments.count)
                guard rest.isEmpty || remainingIndex != nil || collectsUnbound else { continue }
                var score = 0
                var convertible = true
                for (index, value, _) in assignments {
                    if typeMatches(value, parameters[index]) {
                        score += parameters[index].typeName == "Object" ? 1 : 2
                    } else if (try? parameters[index].coerce(value, context)) == nil {
                        convertible = false
                    }
                }
                if !convertible { score -= 100 }
                if score > bestScore {
                    bestScore = score
                    chosen = (set, assignments, rest, restOrder, remainingIndex)
                }
            }
            guard let choice = chosen else {
                let firstExtra = positional[min(mostPlaced, positional.count - 1)]
                throw bindingError("A positional parameter cannot be found that accepts argument '\(LanguagePrimitives.toString(firstExtra.0, context: context))'.",
                                   id: "PositionalParameterNotFound", extent: firstExtra.1)
            }
            sets = [choice.set] + sets.filter { $0 != choice.set }
            for (index, value, extent) in choice.assignments {
                state.bound[index] = try convert(value, for: index, context: context, extent: extent)
                sets = sets.filter { table.contains(index, $0) }
            }
            let rest = (unknownNames + zip(choice.restOrder, choice.rest).map { ($0, $1) }).sorted { $0.order < $1.order }.map(\.value)
            unknownNames = []
            if let remainingIndex = choice.remaining, !rest.isEmpty {
                let value: PSValue = rest.count == 1 && !parameters[remainingIndex].isCollection ? rest[0] : .array(rest)
                state.bound[remainingIndex] = try convert(value, for: remainingIndex, context: context, extent: nil)
            } else {
                unboundTokens += zip(choice.restOrder, choice.rest).map { ($0, $1) }
                if rest.count != choice.rest.count, let unknown = firstUnknown {
                    throw bindingError("A parameter cannot be found that matches parameter name '\(unknown.name)'.",
                                       id: "NamedParameterNotFound", extent: unknown.extent)
                }
            }
        }
        if !unknownNames.isEmpty, let unknown = firstUnknown {
            // No positional arguments: the unknown names alone go to the remaining-arguments parameter.
            guard let set = sets.first(where: { table.remaining[$0].map { state.bound[$0] == nil } ?? false }),
                  let remainingIndex = table.remaining[set] else {
                throw bindingError("A parameter cannot be found that matches parameter name '\(unknown.name)'.",
                                   id: "NamedParameterNotFound", extent: unknown.extent)
            }
            sets = [set] + sets.filter { $0 != set }
            state.bound[remainingIndex] = try convert(.array(unknownNames.map(\.value)), for: remainingIndex, context: context, extent: nil)
        }
        state.unbound = unboundTokens.sorted { $0.order < $1.order }.map(\.value)
        state.candidateSets = sets
        return state
    }

    // MARK: Pipeline objects

    /// Binds one pipeline object; returns false when no parameter takes it.
    func bindPipelineObject(_ item: PSValue, state: inout State, context: ExecutionContext) -> Bool {
        var any = false
        let sets = state.candidateSets
        func takes(_ index: Int, byValue: Bool) -> Bool {
            guard state.bound[index] == nil else { return false }
            return sets.contains { set in
                guard let m = table.membership[index][set] else { return false }
                return byValue ? m.valueFromPipeline : m.valueFromPipelineByPropertyName
            }
        }
        // Pass 1: by value without conversion (Object parameters, or the same type).
        for index in parameters.indices where takes(index, byValue: true) && typeMatches(item, parameters[index]) {
            if let v = try? convert(item, for: index, context: context, extent: nil) {
                state.bound[index] = v
                state.boundFromPipeline.append(index)
                any = true
            }
        }
        // Pass 2: by property name.
        if case .object = item.baseValue {
            for index in parameters.indices where takes(index, byValue: false) {
                let p = parameters[index]
                for name in [p.name] + p.aliases {
                    guard let value = propertyValue(of: item, name, context: context) else { continue }
                    if let v = try? convert(value, for: index, context: context, extent: nil) {
                        state.bound[index] = v
                        state.boundFromPipeline.append(index)
                        any = true
                    }
                    break
                }
            }
        }
        // Pass 3: by value with conversion.
        if !any {
            for index in parameters.indices where takes(index, byValue: true) {
                if let v = try? convert(item, for: index, context: context, extent: nil) {
                    state.bound[index] = v
                    state.boundFromPipeline.append(index)
                    any = true
                    break
                }
            }
        }
        if any {
            // Keep only the sets that the pipeline-bound parameters belong to.
            let narrowed = sets.filter { set in state.boundFromPipeline.allSatisfy { table.contains($0, set) } }
            if !narrowed.isEmpty { state.candidateSets = narrowed }
        }
        return any
    }

    func typeMatches(_ item: PSValue, _ parameter: ParameterMetadata) -> Bool {
        let t = parameter.typeName.hasSuffix("[]") ? String(parameter.typeName.dropLast(2)) : parameter.typeName
        switch t {
        case "Object", "PSObject": return true
        case "String": if case .string = item { return true }
        case "Int32", "Int64": if case .int = item { return true }; if case .long = item { return true }
        case "Double": if case .double = item { return true }
        case "DateTime": if case .dateTime = item { return true }
        case "ScriptBlock": return item.asScriptBlock != nil
        case "Hashtable": return item.asHashtable != nil
        default: return false
        }
        return false
    }

    private func propertyValue(of item: PSValue, _ name: String, context: ExecutionContext) -> PSValue? {
        let base = item.baseValue
        if let o = item.asPSObject, o.hasProperty(name) { return o[name] }
        if let h = base.asHashtable { return nil == h[string: name] ? nil : h[string: name] }
        if case .object(let o) = item, !(o is PSArray), !(o is PSObject) {
            if let v = try? Members.getMember(item, name, context: context), !v.isNull { return v }
        }
        return nil
    }

    /// True when parameter `index` takes any pipeline object as it is (type `Object`, by value,
    /// no validation) and nothing else in `sets` could bind from an object's properties or by value.
    func bindsEveryObject(_ index: Int, sets: [Int]) -> Bool {
        let p = parameters[index]
        guard p.typeName == "Object", p.validators.isEmpty else { return false }
        for i in parameters.indices {
            for set in sets {
                guard let m = table.membership[i][set] else { continue }
                if m.valueFromPipelineByPropertyName { return false }
                if i != index && m.valueFromPipeline { return false }
            }
        }
        return true
    }

    // MARK: Final checks

    /// Picks the parameter set and reports missing mandatory parameters; returns the set's name.
    /// `promptPosition`, the command's place in its pipeline, asks an interactive user for
    /// what is missing instead of failing (only before any pipeline input, as in pwsh).
    func finish(_ state: inout State, context: ExecutionContext, extent: SourceExtent?, promptPosition: Int? = nil) throws -> String {
        var sets = state.candidateSets.isEmpty ? Array(table.sets.indices) : state.candidateSets
        // The default set, when named, is index 0 of the table.
        let defaultIndex = defaultSet == nil ? nil : 0
        if sets.count > 1 {
            let satisfied = sets.filter { missingMandatory(in: $0, state: state).isEmpty }
            if let d = defaultIndex, satisfied.contains(d) {
                sets = [d]
            } else if !satisfied.isEmpty {
                sets = [satisfied[0]]
            } else if let d = defaultIndex, sets.contains(d) {
                sets = [d]
            }
        }
        let set = sets[0]
        if let position = promptPosition, context.host.isInteractive {
            let absent = table.mandatory[set].filter { state.bound[$0] == nil }
            if !absent.isEmpty {
                try promptForMissing(absent, in: set, state: &state, position: position, context: context, extent: extent)
            }
        }
        let missing = missingMandatory(in: set, state: state)
        if !missing.isEmpty {
            throw bindingError("Cannot process command because of one or more missing mandatory parameters: \(missing.joined(separator: " ")).",
                               id: "MissingMandatoryParameter", extent: extent, category: .InvalidArgument)
        }
        return table.sets[set]
    }

    func missingMandatory(in set: Int, state: State) -> [String] {
        table.mandatory[set].filter { state.bound[$0] == nil }.map { parameters[$0].name }
    }

    // MARK: Conversion and errors

    func convert(_ value: PSValue, for index: Int, context: ExecutionContext, extent: SourceExtent?) throws -> PSValue {
        let p = parameters[index]
        let converted: PSValue
        do {
            converted = try p.coerce(value, context)
        } catch let error as RuntimeError {
            let id = collectsUnbound || errorSuffix == commandName ? "ParameterArgumentTransformationError" : "CannotConvertArgumentNoMessage"
            throw bindingError("Cannot process argument transformation on parameter '\(p.name)'. \(error.record.message)",
                               id: id, extent: extent, category: .InvalidData)
        }
        if !p.validators.isEmpty {
            try ParameterValidation.validate(converted, with: p.validators, context: context) { reason in
                bindingError("Cannot validate argument on parameter '\(p.name)'. \(reason)",
                             id: "ParameterArgumentValidationError", extent: extent, category: .InvalidData)
            }
        }
        return converted
    }

    func bindingError(_ message: String, id: String, extent: SourceExtent?, category: ErrorCategory = .InvalidArgument) -> RuntimeError {
        let record = ErrorRecord(message, id: id, category: category,
                                 exceptionType: "System.Management.Automation.ParameterBindingException")
        record.invocationInfo = InvocationInfo(commandName: commandName, extent: extent)
        record.fullyQualifiedErrorId = "\(id),\(errorSuffix)"
        return RuntimeError(record)
    }
}

/// A `-Name` that a simple function could not bind: it lands in `$args` and prints as written,
/// and splatting `@args` passes it on as a parameter again.
enum ParameterToken {
    static let typeName = "System.Management.Automation.PSParameterToken"

    static func make(_ text: String) -> PSValue {
        .object(PSObject(typeNames: [typeName, "System.Object"], baseObject: .string(text)))
    }

    /// The parameter name and whether it ends with `:` (its value follows), for a token value.
    static func parse(_ value: PSValue) -> (name: String, colon: Bool)? {
        guard let o = value.asPSObject, o.typeNames.first == typeName, case .string(let text)? = o.baseObject else { return nil }
        var name = String(text.dropFirst())
        let colon = name.hasSuffix(":")
        if colon { name.removeLast() }
        return (name, colon)
    }
}
