import PSRuntime

/// PowerShell's default formatting (what Out-Default, Out-String and Out-File show).
final class DefaultFormatter: ValueFormatter {
    /// The views it knows; later format data registers more here.
    let views: FormatViewRegistry

    init(views: FormatViewRegistry = FormatViewRegistry()) {
        self.views = views
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
}

extension BuiltinCmdlets {
    /// Installs the default value formatter (used by Out-Default, Out-String and the host).
    static func installFormatter(_ context: ExecutionContext) {
        context.formatter = DefaultFormatter()
    }
}
