import PSCmdlets
import PSRuntime

/// Runs script text in a fresh session with every built-in cmdlet and returns its output values
/// and the host that recorded text, warnings and errors.
func runScript(_ script: String, input: [String] = []) throws -> (values: [PSValue], host: RecordingHostUI) {
    let host = RecordingHostUI(inputLines: input)
    let session = BuiltinCmdlets.makeSession(host: host)
    let values = try session.evaluate(script)
    return (values, host)
}

/// The output of a script as strings (each value converted the PowerShell way).
func outputStrings(_ script: String) throws -> [String] {
    try runScript(script).values.map { LanguagePrimitives.toString($0, context: nil) }
}
