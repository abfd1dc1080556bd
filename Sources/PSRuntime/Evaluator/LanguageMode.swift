/// PowerShell's language modes. A role-restricted session runs in constrained language: only
/// core types may be called, created or converted to, so a script cannot reach the file system
/// or the environment behind the cmdlets' (role-checked) backs.
public enum PSLanguageMode: String, Sendable {
    case fullLanguage = "FullLanguage"
    case constrainedLanguage = "ConstrainedLanguage"
}

extension ExecutionContext {
    /// Types whose static methods and constructors constrained language still allows: pure
    /// computations on values.
    private static func isCoreType(_ type: PSTypeInfo) -> Bool {
        switch type.kind {
        case .file, .directory, .environment, .scriptBlock, .type, .interface, .other: false
        default: true
        }
    }

    /// Refuses `[T]::Method()` and `[T]::new()` on a non-core type in constrained language.
    func checkMethodInvocation(on type: PSTypeInfo) throws {
        guard languageMode == .constrainedLanguage, !Self.isCoreType(type) else { return }
        throw refusal(RuntimeError("Cannot invoke method. Method invocation is supported only on core types in this language mode.",
                                   id: "MethodInvocationNotSupportedInConstrainedLanguage", category: .InvalidOperation,
                                   exceptionType: "System.Management.Automation.PSInvalidOperationException"), type: type)
    }

    /// Refuses `New-Object T` of a non-core type in constrained language.
    public func checkObjectCreation(of type: PSTypeInfo) throws {
        guard languageMode == .constrainedLanguage, !Self.isCoreType(type) else { return }
        throw refusal(RuntimeError("Cannot create type. Only core types are supported in this language mode.",
                                   id: "CannotCreateTypeConstrainedLanguage", category: .PermissionDenied,
                                   exceptionType: "System.Management.Automation.PSNotSupportedException"), type: type)
    }

    /// Refuses a cast to a non-core type in constrained language.
    func checkConversion(to type: PSTypeInfo) throws {
        guard languageMode == .constrainedLanguage, !Self.isCoreType(type) else { return }
        throw refusal(RuntimeError("Cannot convert to type \"\(type.fullName)\". Only core types are supported in this language mode.",
                                   id: "ConversionSupportedOnlyToCoreTypes", category: .PermissionDenied,
                                   exceptionType: "System.Management.Automation.PSInvalidCastException"), type: type)
    }

    /// A refusal of the constrained language, told to the authorizer (which audits it) first.
    private func refusal(_ error: RuntimeError, type: PSTypeInfo) -> RuntimeError {
        error.record.targetObject = .string("[\(type.fullName)]")
        authorizer?.recordLanguageRefusal(error.record, context: self)
        return error
    }
}
