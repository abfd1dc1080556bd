// SKELETON — being implemented by the lead.
/// Checks `[Validate…]` rules.
public enum ParameterValidation {
    /// Throws the error `makeError(reason)` builds when `value` breaks a rule.
    public static func validate(_ value: PSValue, with validators: [ParameterValidator], context: ExecutionContext,
                                makeError: (String) -> RuntimeError) throws {
    }
}
