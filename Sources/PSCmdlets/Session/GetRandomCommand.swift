import PSRuntime

/// Random numbers, or random picks from the input.
final class GetRandomCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetRandomCommand.self, name: "Get-Random",
        synopsis: "Gets a random number, or picks random objects from a collection.",
        description: "Numbers are at least -Minimum (0) and less than -Maximum (Int32's largest value); if either is a fraction the result is a Double. With input, -Count objects are picked without repeats; -Shuffle returns all of them in random order. -SetSeed makes the sequence repeatable.",
        defaultParameterSet: "RandomNumberParameterSet",
        outputTypes: ["System.Int32", "System.Int64", "System.Double"],
        examples: [
            HelpExample("Get-Random -Maximum 10", "A whole number from 0 to 9."),
            HelpExample("'a','b','c' | Get-Random", "One of the three letters."),
            HelpExample("1..10 | Get-Random -Shuffle", "The numbers 1 to 10 in random order."),
        ],
        parameters: [
            Parameter("SetSeed", \.setSeed, help: "Seeds the generator so later results repeat."),
            Parameter("Maximum", \.maximum, position: 0, sets: ["RandomNumberParameterSet"], help: "The upper bound (not included)."),
            Parameter("Minimum", \.minimum, sets: ["RandomNumberParameterSet"], help: "The lower bound (included)."),
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true,
                      sets: ["RandomListItemParameterSet", "ShuffleParameterSet"], pipeline: .byValue,
                      help: "The objects to pick from."),
            Parameter("Count", \.count, sets: ["RandomNumberParameterSet", "RandomListItemParameterSet"],
                      validate: [.range(min: 1, max: Double(Int32.max))], help: "How many numbers or objects to return."),
            .switchParameter("Shuffle", \.shuffle, sets: ["ShuffleParameterSet"], help: "Returns all the input in random order."),
        ])

    var setSeed: Int?
    var maximum: PSValue = .null
    var minimum: PSValue = .null
    var inputObject: [PSValue] = []
    var count = 1
    var shuffle = false

    private var items: [PSValue] = []

    /// The session's generator: seeded by -SetSeed, system randomness until then.
    final class RandomState {
        var seeded: SeededGenerator?
    }

    /// SplitMix64: small, fast and repeatable for a given seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func begin(_ context: CommandContext) throws {
        if let setSeed { state(context).seeded = SeededGenerator(state: UInt64(bitPattern: Int64(setSeed))) }
    }

    func process(_ context: CommandContext) throws {
        if context.parameterSetName == "RandomNumberParameterSet" {
            for _ in 0..<max(count, 1) { try context.write(try randomNumber(context)) }
        } else {
            items.append(contentsOf: inputObject)
        }
    }

    func end(_ context: CommandContext) throws {
        guard context.parameterSetName != "RandomNumberParameterSet", !items.isEmpty else { return }
        var pool = items
        let take = shuffle ? pool.count : min(count, pool.count)
        for _ in 0..<take {
            let index = withGenerator(context) { Int.random(in: 0..<pool.count, using: &$0) }
            try context.write(pool.remove(at: index))
        }
    }

    private func randomNumber(_ context: CommandContext) throws -> PSValue {
        let low = minimum.baseValue, high = maximum.baseValue
        if isFraction(low) || isFraction(high) {
            let lower = low.isNull ? 0 : try LanguagePrimitives.toDouble(low)
            let upper = high.isNull ? Double(Int32.max) : try LanguagePrimitives.toDouble(high)
            try checkRange(lower < upper, low, high, context)
            return .double(withGenerator(context) { Double.random(in: lower..<upper, using: &$0) })
        }
        let lower = low.isNull ? 0 : try LanguagePrimitives.toInt64(low)
        let upper = high.isNull ? Int64(Int32.max) : try LanguagePrimitives.toInt64(high)
        try checkRange(lower < upper, low, high, context)
        let value = withGenerator(context) { Int64.random(in: lower..<upper, using: &$0) }
        if isLong(low) || isLong(high) || lower < Int64(Int32.min) || upper > Int64(Int32.max) { return .long(value) }
        return .int(Int32(value))
    }

    private func checkRange(_ ok: Bool, _ low: PSValue, _ high: PSValue, _ context: CommandContext) throws {
        guard !ok else { return }
        let lowText = low.isNull ? "0" : LanguagePrimitives.toString(low, context: context.session)
        throw context.terminatingError(
            "The minimum (\(lowText)) must be less than the maximum (\(LanguagePrimitives.toString(high, context: context.session))).",
            id: "MinGreaterThanOrEqualMax", category: .InvalidArgument, target: high, exceptionType: "System.ArgumentException")
    }

    private func isFraction(_ value: PSValue) -> Bool {
        switch value {
        case .double: return true
        case .string(let s): return s.contains(".") && Double(s) != nil
        default: return value.asDecimal != nil
        }
    }

    private func isLong(_ value: PSValue) -> Bool {
        if case .long = value { return true }
        return false
    }

    private func state(_ context: CommandContext) -> RandomState {
        if let existing = context.session.service(RandomState.self) { return existing }
        let created = RandomState()
        context.session.register(service: created)
        return created
    }

    private func withGenerator<T>(_ context: CommandContext, _ body: (inout any RandomNumberGenerator) -> T) -> T {
        let shared = state(context)
        if var seeded = shared.seeded {
            var generator: any RandomNumberGenerator = seeded
            let result = body(&generator)
            if let advanced = generator as? SeededGenerator { seeded = advanced }
            shared.seeded = seeded
            return result
        }
        var generator: any RandomNumberGenerator = SystemRandomNumberGenerator()
        return body(&generator)
    }
}
