import PSLanguage

/// `Set-StrictMode`: a version kept per scope like a preference (a child scope inherits its
/// parent's, and may set its own). Every check runs only where the lenient result would be
/// `$null` (a missing variable, property or array element), so code that runs cleanly pays
/// nothing for it.
///
/// - Version 1: reading a variable that was never set (outside strings).
/// - Version 2: also inside strings; a property the object does not have; calling a command
///   as if it were a method (`add(1,2)`).
/// - Version 3: also an array index out of bounds.
extension ExecutionContext {
    /// The highest version `-Version Latest` stands for.
    public static let latestStrictModeVersion = 3

    /// The strict mode in effect in the current scope; 0 when off.
    public var strictModeVersion: Int {
        guard strictModeEverSet else { return 0 }
        var scope: Scope? = currentScope
        while let current = scope {
            if let version = current.strictModeVersion { return version }
            scope = current.parent
        }
        return 0
    }

    /// Sets the strict mode of the current scope (0 turns it off there and below).
    public func setStrictMode(_ version: Int) {
        strictModeEverSet = true
        currentScope.strictModeVersion = version
    }

    /// Sets the strict mode of the given scope (used to run a block under a version).
    public func setStrictMode(_ version: Int?, in scope: Scope) {
        if version != nil { strictModeEverSet = true }
        scope.strictModeVersion = version
    }
}

/// The errors strict mode raises, with PowerShell's ids and messages.
enum StrictModeError {
    /// Automatic variables that every scope behaves as if it had, even when nothing set them.
    static let alwaysDefined: Set<String> = ["_", "psitem", "args", "input", "this", "null", "true", "false", "psscriptroot",
                                              "pscommandpath", "myinvocation", "host"]

    static func undefinedVariable(_ path: VariablePath, extent: SourceExtent) -> RuntimeError {
        let shown = path.qualifier.map { "\($0):\(path.name)" } ?? path.name
        return RuntimeError("The variable '$\(shown)' cannot be retrieved because it has not been set.",
                            id: "VariableIsUndefined", category: .InvalidOperation,
                            target: .string(path.name), extent: extent)
    }

    static func propertyNotFound(_ name: String, extent: SourceExtent) -> RuntimeError {
        RuntimeError("The property '\(name)' cannot be found on this object. Verify that the property exists.",
                     id: "PropertyNotFoundStrict", category: .InvalidOperation,
                     exceptionType: "System.Management.Automation.PropertyNotFoundException", extent: extent)
    }

    static func functionCallWithParens(extent: SourceExtent) -> RuntimeError {
        RuntimeError("The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.",
                     id: "StrictModeFunctionCallWithParens", category: .InvalidOperation, extent: extent)
    }

    /// An array read past its end (.NET's own exception, so its id is the exception's name).
    static func indexOutOfRange(extent: SourceExtent) -> RuntimeError {
        RuntimeError("Index was outside the bounds of the array.", id: "System.IndexOutOfRangeException",
                     category: .OperationStopped, exceptionType: "System.IndexOutOfRangeException", extent: extent)
    }

    /// Version 3: true when `index` (one or several) points outside the array `value`.
    static func isOutOfBounds(_ value: PSValue, _ index: PSValue) -> Bool {
        guard let array = value.asArray else { return false }
        func outside(_ i: PSValue) -> Bool {
            guard let n = try? LanguagePrimitives.toInt32(i) else { return false }
            let position = n < 0 ? array.items.count + Int(n) : Int(n)
            return position < 0 || position >= array.items.count
        }
        if let many = index.enumerated { return many.contains(where: outside) }
        return outside(index)
    }

    /// True for `name(a, b)`: a bareword command followed, with no space, by one parenthesised
    /// comma list — the call syntax of a method.
    static func isMethodStyleCall(_ command: CommandAst) -> Bool {
        guard command.invocation == .none, case .stringConstant = command.name.kind,
              command.elements.count == 1, case .argument(let argument) = command.elements[0],
              case .paren(let statement) = argument.kind,
              argument.extent.startOffset == command.name.extent.endOffset else { return false }
        guard case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
              case .expression(let expression, _) = chain.first.elements[0] else { return false }
        if case .arrayLiteral = expression.kind { return true }
        return false
    }
}
