import PSRuntime

/// Objects on the wire: CLIXML, as PowerShell remoting sends them. What comes back is a
/// deserialized property bag (type names prefixed `Deserialized.`), or the primitive itself.
public enum RemoteObjectCodec {
    public static func serialize(_ value: PSValue, context: ExecutionContext) -> String {
        let writer = Clixml.Writer(depth: 1, context: context)
        writer.add(value)
        return writer.document
    }

    public static func deserialize(_ text: String) throws -> [PSValue] {
        var reader = ClixmlReader()
        return try reader.read(text)
    }
}
