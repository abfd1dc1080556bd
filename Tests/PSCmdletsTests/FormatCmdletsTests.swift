import Testing
@testable import PSCmdlets
import PSRuntime

/// Format-Table, Format-List and Format-Wide through a full session, rendered with Out-String.
@Suite struct FormatCmdletsTests {
    private func text(_ script: String) throws -> String {
        try outputStrings(script).joined(separator: "\n")
    }

    private let people = "$p = [pscustomobject]@{Name='Ada';Age=36}, [pscustomobject]@{Name='Bob';Age=7};"

    @Test func formatTableShowsEveryPropertyAsAColumn() throws {
        #expect(try text(people + "$p | Format-Table | Out-String") == "\nName Age\n---- ---\nAda   36\nBob    7\n\n")
    }

    @Test func aliasAndPropertySelection() throws {
        #expect(try text(people + "$p | ft Name | Out-String") == "\nName\n----\nAda\nBob\n\n")
    }

    @Test func calculatedColumnsWithLabelFormatStringAndAlignment() throws {
        let out = try text(people + """
            $p | Format-Table Name, @{Label='Twice';Expression={$_.Age * 2}}, @{n='Pct';e={$_.Age/100};FormatString='P0';Alignment='Right'} | Out-String
            """)
        #expect(out == "\nName Twice Pct\n---- ----- ---\nAda     72 36%\nBob     14  7%\n\n")
    }

    @Test func calculatedColumnWidthCutsWithEllipsis() throws {
        let out = try text("[pscustomobject]@{Name='Alexandria'} | ft @{n='N';e={$_.Name};Width=5}, @{n='X';e={1}} | Out-String")
        #expect(out.contains("Alex…"))
    }

    @Test func wildcardPropertiesExpandInOrder() throws {
        let out = try text("[pscustomobject]@{Alpha=1;Beta=2;Alpine=3} | ft Al* | Out-String")
        #expect(out == "\nAlpha Alpine\n----- ------\n    1      3\n\n")
    }

    @Test func hideTableHeadersLeavesOnlyRows() throws {
        let out = try text(people + "$p | ft -HideTableHeaders | Out-String")
        #expect(!out.contains("Name") && !out.contains("-"))
        #expect(out.split(separator: "\n").map { $0.hasPrefix("Ada") || $0.hasPrefix("Bob") } == [true, true])
    }

    @Test func wrapBreaksLongCellsAtSpaces() throws {
        let out = try text("[pscustomobject]@{Id=1; Text='alpha beta gamma delta'} | ft -Wrap | Out-String -Width 12")
        #expect(out == "\nId Text\n-- ----\n 1 alpha\n   beta\n   gamma\n   delta\n\n")
    }

    @Test func withoutWrapLongCellsAreCut() throws {
        let out = try text("[pscustomobject]@{Id=1; Text='alpha beta gamma delta'} | ft | Out-String -Width 12")
        #expect(out == "\nId Text\n-- ----\n 1 alpha be…\n\n")
    }

    @Test func wideCharactersAlignByDisplayWidth() throws {
        let out = try text("[pscustomobject]@{Name='日本語'; N=1}, [pscustomobject]@{Name='ab'; N=22} | ft | Out-String")
        #expect(out == "\nName    N\n----    -\n日本語  1\nab     22\n\n")
    }

    @Test func autoSizeIgnoresViewWidths() throws {
        let out = try text("Get-Variable HOME | ft -AutoSize | Out-String")
        let header = out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix("Name Value"))
    }

    @Test func groupByStartsAGroupPerValue() throws {
        let out = try text("""
            [pscustomobject]@{D='IT';N='a'}, [pscustomobject]@{D='IT';N='b'}, [pscustomobject]@{D='HR';N='c'} | ft N -GroupBy D | Out-String
            """)
        #expect(out.contains("   D: IT\n"))
        #expect(out.contains("   D: HR\n"))
        #expect(out.components(separatedBy: "   D: ").count == 3)
        #expect(out.contains("N\n-\na\nb\n"))
    }

    @Test func scalarsStayPlainLines() throws {
        #expect(try text("1, 2 | Format-Table | Out-String") == "1\n2\n")
    }

    @Test func formatListShowsEveryPropertyWithStar() throws {
        let out = try text(people + "$p[0] | Format-List * | Out-String")
        #expect(out == "\nName : Ada\nAge  : 36\n\n")
    }

    @Test func formatListWithCalculatedItem() throws {
        let out = try text(people + "$p | fl Name, @{n='Next';e={$_.Age + 1}} | Out-String")
        #expect(out == "\nName : Ada\nNext : 37\n\nName : Bob\nNext : 8\n\n")
    }

    @Test func formatListRejectsWidthKey() throws {
        let out = try text(people + "try { $p | fl @{n='x';e={1};Width=3} } catch { $_.FullyQualifiedErrorId }")
        #expect(out.hasPrefix("DictionaryKeyIllegal"))
    }

    @Test func unknownHashtableKeyIsAnError() throws {
        let result = try runScript(people + "try { $p | ft @{n='x';e={1};Bogus=3} } catch { $_.FullyQualifiedErrorId }")
        let id = result.values.map { LanguagePrimitives.toString($0, context: nil) }.first ?? ""
        #expect(id.hasPrefix("DictionaryKeyIllegal"))
    }

    @Test func formatWideUsesNamePropertyInTwoColumns() throws {
        let out = try text("'a','b','c' | ForEach-Object { [pscustomobject]@{Size=1; Name=$_} } | Format-Wide | Out-String -Width 21")
        #expect(out == "\na" + String(repeating: " ", count: 10) + "b\nc\n\n")
    }

    @Test func formatWideColumnsAndAutoSize() throws {
        #expect(try text("1..5 | Format-Wide -Column 3 | Out-String -Width 11") == "\n1   2   3\n4   5\n\n")
        #expect(try text("'aa','bb','cc','dd' | fw -AutoSize | Out-String -Width 10") == "\naa  bb  cc\ndd\n\n")
    }

    @Test func formatObjectIsNotAPlainValue() throws {
        let result = try runScript("[pscustomobject]@{A=1} | Format-Table")
        let typeName = result.values.first.map { LanguagePrimitives.typeName(of: $0) }
        #expect(typeName == "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData")
    }

    @Test func tableHeaderStyleWrapsHeaderLinesOnly() {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        let formatting = FormattingSession(context: session, views: FormatViewRegistry(), width: 80)
        formatting.headerStyle = DefaultFormatter.tableHeaderStyle
        formatting.add(.object(PSObject([("A", .int(1))])))
        formatting.finish()
        #expect(formatting.takeText() == "\n\u{1B}[32;1mA\u{1B}[0m\n\u{1B}[32;1m-\u{1B}[0m\n1\n\n")
    }

    @Test("A session without a formatter gets one on first use, and views registered then are the ones used")
    func formatterInstalledOnFirstUse() {
        let session = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        #expect(session.formatter == nil)
        FormatData.registerListView(session, name: "Probe", typeNames: ["Probe.Type"], properties: ["B"])
        let formatter = DefaultFormatter.of(session)
        #expect(session.formatter === formatter && DefaultFormatter.of(session) === formatter)
        #expect(formatter.views.view(for: ["Probe.Type"], shape: .list)?.name == "Probe")
    }

    @Test func hostSessionsStyleHeadersOnlyWhenEnabled() {
        let session = BuiltinCmdlets.makeSession(host: RecordingHostUI())
        guard let formatter = session.formatter as? DefaultFormatter else {
            Issue.record("no default formatter")
            return
        }
        let object = PSValue.object(PSObject([("A", .int(1))]))
        let plain = formatter.makeHostSession(context: session, width: 80)
        plain.add(object)
        plain.finish()
        #expect(!plain.takeText().contains("\u{1B}"))
        BuiltinCmdlets.setTableHeaderStyling(session, enabled: true)
        let styled = formatter.makeHostSession(context: session, width: 80)
        styled.add(object)
        styled.finish()
        #expect(styled.takeText().contains("\u{1B}[32;1mA\u{1B}[0m"))
        // Out-String's sessions never carry escapes.
        #expect(formatter.format([object], context: session, width: 80) == "\nA\n-\n1\n\n")
    }

    @Test func formatWidePrefersTheNameOverATableViewColumn() throws {
        let out = try text("Get-Command Get-Date, Get-Item | Format-Wide -Column 2 | Out-String -Width 40")
        #expect(out == "\nGet-Date" + String(repeating: " ", count: 13) + "Get-Item\n\n")
    }

    @Test func centerAlignmentAndScriptBlockLabels() throws {
        let out = try text("[pscustomobject]@{Name='Ada';Age=36} | ft Name, @{n='Age';e='Age';a='center';w=7}, {'z'} | Out-String")
        #expect(out == "\nName   Age   'z'\n----   ---   ---\nAda    36    z\n\n")
    }

    @Test func inputObjectParameterFormatsOneObject() throws {
        #expect(try text("Format-List -InputObject ([pscustomobject]@{A=1}) | Out-String") == "\nA : 1\n\n")
    }
}
