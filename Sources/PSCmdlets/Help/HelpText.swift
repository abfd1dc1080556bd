import Foundation
import PSRuntime

/// Renders a help topic as text, in the section layout pwsh uses (NAME, SYNOPSIS, SYNTAX, …).
enum HelpText {
    enum View {
        case basic, detailed, full, examples
    }

    static let width = 80

    static func render(_ topic: HelpTopic, view: View) -> String {
        var out: [String] = [""]
        section("NAME", [topic.name], into: &out)
        section("SYNOPSIS", [topic.synopsis], into: &out)
        if view == .examples {
            out.append("")
            examples(topic, into: &out)
            return finish(out)
        }
        out.append("")
        out.append("SYNTAX")
        for units in topic.syntaxUnits {
            out += wrap(units: units, indent: 4, hanging: 8)
            out.append("")
        }
        out.append("")
        section("DESCRIPTION", [topic.description.isEmpty ? topic.synopsis : topic.description], into: &out)
        if view == .detailed || view == .full {
            out.append("")
            out.append("PARAMETERS")
            for parameter in topic.parameters {
                out += parameterLines(parameter, topic: topic, full: view == .full)
            }
            if topic.supportsShouldProcess {
                out += shouldProcessLines(full: view == .full)
            }
            if topic.commonParameters {
                out.append("    <CommonParameters>")
                out += wrap("This command supports the common parameters: Verbose, Debug, ErrorAction, WarningAction, "
                            + "InformationAction, ErrorVariable, WarningVariable, InformationVariable, OutVariable, "
                            + "OutBuffer, PipelineVariable and ProgressAction (see about_CommonParameters).", indent: 8)
                out.append("")
            }
            if view == .full {
                section("INPUTS", topic.inputs.isEmpty ? ["None"] : topic.inputs, into: &out)
                out.append("")
                section("OUTPUTS", topic.outputs.isEmpty ? ["None"] : topic.outputs, into: &out)
                out.append("")
            }
            if !topic.notes.isEmpty {
                section("NOTES", [topic.notes], into: &out)
                out.append("")
            }
            examples(topic, into: &out)
        }
        if !topic.links.isEmpty {
            out.append("")
            section("RELATED LINKS", topic.links, into: &out)
        }
        out.append("")
        out.append("REMARKS")
        let quoted = topic.name.contains(" ") ? "'\(topic.name)'" : topic.name
        if !topic.examples.isEmpty && view != .detailed && view != .full {
            out.append("    Examples: \"Get-Help \(quoted) -Examples\".")
        }
        if view == .basic {
            out.append("    Parameter descriptions: \"Get-Help \(quoted) -Detailed\".")
        }
        if view != .full {
            out.append("    Everything, parameter attributes included: \"Get-Help \(quoted) -Full\".")
        } else {
            out.append("    This is the complete help for \(topic.name).")
        }
        return finish(out)
    }

    /// Only the PARAMETERS blocks of the parameters whose names match one of `patterns`.
    static func renderParameters(_ parameters: [ParameterMetadata], topic: HelpTopic) -> String {
        var out: [String] = [""]
        for parameter in parameters { out += parameterLines(parameter, topic: topic, full: true) }
        return finish(out)
    }

    // MARK: Pieces

    private static func section(_ title: String, _ paragraphs: [String], into out: inout [String]) {
        out.append(title)
        for paragraph in paragraphs where !paragraph.isEmpty {
            for line in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? [""] : wrap(String(line), indent: 4)
            }
        }
        out.append("")
    }

    private static func examples(_ topic: HelpTopic, into out: inout [String]) {
        guard !topic.examples.isEmpty else { return }
        out.append("EXAMPLES")
        for (index, example) in topic.examples.enumerated() {
            out.append("    -------------------------- EXAMPLE \(index + 1) --------------------------")
            out.append("")
            for line in example.code.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append("    PS> " + line)
            }
            out.append("")
            if !example.remarks.isEmpty {
                for line in example.remarks.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += line.isEmpty ? [""] : wrap(String(line), indent: 4)
                }
                out.append("")
            }
            out.append("")
        }
    }

    static func parameterLines(_ parameter: ParameterMetadata, topic: HelpTopic, full: Bool) -> [String] {
        var out = ["    -\(parameter.name) " + (parameter.isSwitch ? "[<SwitchParameter>]" : "<\(parameter.typeName)>")]
        let help = topic.help(for: parameter)
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) where !help.isEmpty {
            out += line.isEmpty ? [""] : wrap(String(line), indent: 8)
        }
        if let allowed = parameter.allowedValues, !allowed.isEmpty {
            out += wrap("Possible values: " + allowed.joined(separator: ", "), indent: 8)
        }
        out.append("")
        if full {
            out += attributeLines(parameter)
            out.append("")
        }
        return out
    }

    /// The Required?/Position?/… block of `-Full` help.
    static func attributeLines(_ parameter: ParameterMetadata) -> [String] {
        let memberships = parameter.sets.isEmpty ? [ParameterSetMembership()] : parameter.sets
        let required = memberships.contains { $0.mandatory }
        let position = memberships.compactMap(\.position).first.map(String.init) ?? "Named"
        var modes: [String] = []
        if memberships.contains(where: { $0.valueFromPipeline }) { modes.append("ByValue") }
        if memberships.contains(where: { $0.valueFromPipelineByPropertyName }) { modes.append("ByPropertyName") }
        let pipeline = modes.isEmpty ? "False" : "True (\(modes.joined(separator: ", ")))"
        let defaultValue = parameter.defaultValueText ?? (parameter.isSwitch ? "False" : "None")
        var lines = [
            attribute("Required?", required ? "true" : "false"),
            attribute("Position?", position),
            attribute("Default value", defaultValue.isEmpty ? "None" : defaultValue),
            attribute("Accept pipeline input?", pipeline),
            attribute("Aliases", parameter.aliases.isEmpty ? "None" : parameter.aliases.joined(separator: ", ")),
        ]
        // The file fact the role check follows (a pcsh addition to pwsh's list).
        if let files = parameter.files { lines.append(attribute("File access", files.rawValue)) }
        return lines
    }

    private static func attribute(_ label: String, _ value: String) -> String {
        "        " + label.padding(toLength: 29, withPad: " ", startingAt: 0) + value
    }

    private static func shouldProcessLines(full: Bool) -> [String] {
        let entries = [("WhatIf", "wi", "Shows what the command would do, without doing it."),
                       ("Confirm", "cf", "Asks for confirmation before each change.")]
        var out: [String] = []
        for (name, alias, text) in entries {
            out.append("    -\(name) [<SwitchParameter>]")
            out += wrap(text, indent: 8)
            out.append("")
            if full {
                out += [attribute("Required?", "false"), attribute("Position?", "Named"), attribute("Default value", "False"),
                        attribute("Accept pipeline input?", "False"), attribute("Aliases", alias), ""]
            }
        }
        return out
    }

    /// Word-wraps one line to `width` columns; continuation lines get `hanging` spaces.
    static func wrap(_ text: String, indent: Int, hanging: Int? = nil) -> [String] {
        wrap(units: text.split(separator: " ", omittingEmptySubsequences: true).map(String.init), indent: indent, hanging: hanging)
    }

    /// Wraps pieces that must stay whole (words, or `[-Tail <Int32>]`) to `width` columns.
    static func wrap(units: [String], indent: Int, hanging: Int? = nil) -> [String] {
        let first = String(repeating: " ", count: indent)
        let next = String(repeating: " ", count: hanging ?? indent)
        var lines: [String] = []
        var current = first
        var currentIsEmpty = true
        for word in units {
            if !currentIsEmpty && current.count + 1 + word.count > width - 1 {
                lines.append(current)
                current = next + word
            } else {
                current += (currentIsEmpty ? "" : " ") + word
            }
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }

    private static func finish(_ lines: [String]) -> String {
        var list = lines
        while let last = list.last, last.isEmpty { list.removeLast() }
        return list.joined(separator: "\n") + "\n"
    }
}
