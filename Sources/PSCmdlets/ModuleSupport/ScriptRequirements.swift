import Foundation
import PSLanguage
import PSRuntime

extension ModuleLoader {
    /// Imports the modules a script names in `#Requires -Modules`, before it runs. A module that
    /// cannot be found stops the script with `ScriptRequiresMissingModules`.
    public static func satisfyRequirements(of ast: ScriptBlockAst, scriptPath: String?, context: ExecutionContext) throws {
        var missing: [String] = []
        for line in ast.requires {
            for requirement in try requiredModules(in: line, context: context) {
                if ModuleRegistry.of(context).module(named: requirement.name) != nil { continue }
                guard let file = findModule(named: requirement.name) else {
                    if builtinModule(named: requirement.name, context: context) != nil { continue }
                    missing.append(requirement.name)
                    continue
                }
                let module = try importModule(at: file, context: context) { _ in }
                if let minimum = requirement.version,
                   versionParts(module.version).lexicographicallyPrecedes(versionParts(minimum)) {
                    missing.append("\(requirement.name) (version \(minimum) or newer)")
                }
            }
        }
        guard !missing.isEmpty else { return }
        let script = scriptPath.map { ($0 as NSString).lastPathComponent } ?? "script"
        var error = RuntimeError(
            "The script '\(script)' needs modules that could not be found on PSModulePath (named by its #requires lines): \(missing.joined(separator: ", ")).",
            id: "ScriptRequiresMissingModules", category: .ResourceUnavailable,
            exceptionType: "System.Management.Automation.ScriptRequiresException", target: .string(script))
        error.isScriptTerminating = true
        throw error
    }

    /// The modules one `#Requires` line names after `-Modules`: plain names or
    /// `@{ModuleName=…; ModuleVersion=…}` tables.
    static func requiredModules(in line: String, context: ExecutionContext) throws -> [(name: String, version: String?)] {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first, first.count > 2, "-modules".hasPrefix(first.lowercased()), first.lowercased().hasPrefix("-mod"),
              words.count == 2 else { return [] }
        let list = words[1].trimmingCharacters(in: .whitespaces)
        guard !list.isEmpty else { return [] }
        var result: [(name: String, version: String?)] = []
        for piece in splitTopLevel(list) {
            if piece.hasPrefix("@") {
                guard let table = try context.evaluate(piece).first?.baseValue.asHashtable,
                      let name = table[string: "ModuleName"] else { continue }
                let version = table[string: "ModuleVersion"] ?? table[string: "RequiredVersion"]
                result.append((LanguagePrimitives.toString(name, context: context),
                               version.map { LanguagePrimitives.toString($0, context: context) }))
            } else {
                let name = piece.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
                if !name.isEmpty { result.append((name, nil)) }
            }
        }
        return result
    }

    /// Splits `a, @{x=1; y=2}, b` at the commas outside braces.
    private static func splitTopLevel(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                pieces.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current.trimmingCharacters(in: .whitespaces))
        return pieces.filter { !$0.isEmpty }
    }
}
