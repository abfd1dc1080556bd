import PSCmdlets
import PSRuntime
import Testing

/// SecureString values: hidden in output, revealed only on purpose, round-tripped as text.
@Suite("SecureString")
struct SecureStringTests {
    func run(_ script: String, input: [String] = []) throws -> (values: [String], host: RecordingHostUI) {
        let host = RecordingHostUI(inputLines: input, isInteractive: true)
        let session = BuiltinCmdlets.makeSession(host: host)
        let values = try session.evaluate(script).map { LanguagePrimitives.toString($0, context: session) }
        return (values, host)
    }

    @Test func readHostAsSecureStringMasksAndHides() throws {
        let result = try run("$s = Read-Host 'Pin' -AsSecureString; \"$s\"; $s.Length; $s -is [securestring]; ConvertFrom-SecureString $s -AsPlainText",
                             input: ["1234"])
        #expect(result.values == ["System.Security.SecureString", "4", "True", "1234"])
        #expect(result.host.output == "Pin: ****\n")
    }

    @Test func maskInputReturnsPlainText() throws {
        let result = try run("Read-Host 'Token' -MaskInput", input: ["abc"])
        #expect(result.values == ["abc"])
        #expect(result.host.output == "Token: ***\n")
    }

    @Test func plainTextAndTheStandardFormRoundTrip() throws {
        let result = try run("""
            $s = ConvertTo-SecureString 'Pässw0rd' -AsPlainText -Force
            $text = $s | ConvertFrom-SecureString
            $text
            ($text | ConvertTo-SecureString) | ConvertFrom-SecureString -AsPlainText
            """)
        #expect(result.values == ["5000e400730073007700300072006400", "Pässw0rd"])
    }

    @Test func methodsChangeTheSecretAndReadOnlyStopsThem() throws {
        let result = try run("""
            $s = [securestring]::new()
            'a','b','c' | ForEach-Object { $s.AppendChar($_) }
            $s.RemoveAt(1); $s.InsertAt(0, 'z')
            ConvertFrom-SecureString $s -AsPlainText
            $s.MakeReadOnly()
            try { $s.AppendChar('d') } catch { 'read-only' }
            $s.IsReadOnly()
            """)
        #expect(result.values == ["zac", "read-only", "True"])
    }

    @Test func badInputIsAClearError() throws {
        let result = try run("ConvertTo-SecureString 'zz'; ConvertFrom-SecureString 'plain'; ConvertTo-SecureString 'x' -AsPlainText -Key (1..16)")
        let errors = result.host.text(of: .error)
        #expect(result.values.isEmpty)
        #expect(errors.contains("is not the text ConvertFrom-SecureString writes"))
        #expect(errors.contains("is not a System.Security.SecureString"))
        #expect(errors.contains("not supported"))
    }
}
