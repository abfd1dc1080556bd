import PSRuntime

/// PowerShell's default formatting (what Out-Default, Out-String and Out-File show).
final class DefaultFormatter: ValueFormatter {
    /// The views it knows; later format data registers more here.
    let views: FormatViewRegistry

    init(views: FormatViewRegistry = FormatViewRegistry()) {
        self.views = views
    }

    /// The session's formatter, installed on first use when the session has none, so every
    /// view registered and every Out- cmdlet goes through the same one.
    static func of(_ context: ExecutionContext) -> DefaultFormatter {
        if let formatter = context.formatter as? DefaultFormatter { return formatter }
        let formatter = DefaultFormatter()
        if context.formatter == nil { context.formatter = formatter }
        return formatter
    }

    func format(_ values: [PSValue], context: ExecutionContext, width: Int) -> String {
        let session = makeSession(context: context, width: width)
        for value in values { session.add(value) }
        session.finish()
        return session.takeText()
    }

    /// A session formatting values one at a time (for cmdlets that stream their output).
    func makeSession(context: ExecutionContext, width: Int) -> FormattingSession {
        FormattingSession(context: context, views: views, width: width)
    }

    /// Whether sessions made for the host colour table headers (set by a host whose standard
    /// output is a terminal; never for Out-String or files).
    var stylesHostTableHeaders = false

    /// A session for text the host writes to its output (Out-Default, Out-Host).
    func makeHostSession(context: ExecutionContext, width: Int) -> FormattingSession {
        let session = makeSession(context: context, width: width)
        if stylesHostTableHeaders { session.headerStyle = Self.tableHeaderStyle }
        return session
    }

    /// `$PSStyle.Formatting.TableHeader`'s default: bold bright green.
    static let tableHeaderStyle = (start: "\u{1B}[32;1m", end: "\u{1B}[0m")
}

extension BuiltinCmdlets {
    /// Installs the default value formatter (used by Out-Default, Out-String and the host).
    static func installFormatter(_ context: ExecutionContext) {
        context.formatter = DefaultFormatter()
    }

    /// Turns colouring of table headers in the host's output on or off; a host calls this with
    /// true only when its standard output is a terminal and `NO_COLOR` is not set.
    public static func setTableHeaderStyling(_ context: ExecutionContext, enabled: Bool) {
        DefaultFormatter.of(context).stylesHostTableHeaders = enabled
    }
}
