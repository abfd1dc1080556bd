import Foundation

/// The variables every session starts with: preferences and automatic values.
enum AutomaticVariables {
    static func install(in context: ExecutionContext) {
        let g = context.globalScope
        func set(_ name: String, _ value: PSValue, _ options: VariableOptions = []) {
            context.define(PSVariable(name: name, value: value, options: options), in: g)
        }
        set("ErrorActionPreference", .string("Continue"))
        set("WarningPreference", .string("Continue"))
        set("VerbosePreference", .string("SilentlyContinue"))
        set("DebugPreference", .string("SilentlyContinue"))
        set("InformationPreference", .string("SilentlyContinue"))
        set("ProgressPreference", .string("Continue"))
        set("ConfirmPreference", .string("High"))
        set("WhatIfPreference", .bool(false))
        set("FormatEnumerationLimit", .int(4))
        set("MaximumHistoryCount", .int(4096))
        set("Error", .object(context.errorList), .constant)
        set("true", .bool(true), .constant)
        set("false", .bool(false), .constant)
        set("null", .null, .constant)
        set("PID", .int(Int32(ProcessInfo.processInfo.processIdentifier)), .constant)
        set("HOME", .string(NSHomeDirectory()), .readOnly)
        set("IsLinux", .bool(true), .constant)
        set("IsWindows", .bool(false), .constant)
        set("IsMacOS", .bool(false), .constant)
        set("IsCoreCLR", .bool(true), .constant)
        set("ShellId", .string("pcsh"), .constant)
        set("PSEdition", .string("Core"), .constant)
        set("NestedPromptLevel", .int(0))
        set("LASTEXITCODE", .int(0))
        set("PSCulture", .string("en-US"))
        set("PSUICulture", .string("en-US"))
        set("PSHOME", .string(Bundle.main.executableURL?.deletingLastPathComponent().path ?? "/"), .readOnly)
        let versionTable = PSHashtable()
        let versionType = PSTypeInfo.resolve(name: "version")
        versionTable[string: "PSVersion"] = versionType.flatMap { try? LanguagePrimitives.convert(.string(PcshVersion.psVersion), to: $0, context: nil) }
            ?? .string(PcshVersion.psVersion)
        versionTable[string: "PSEdition"] = .string("Core")
        versionTable[string: "PcshVersion"] = .string(PcshVersion.version)
        versionTable[string: "Platform"] = .string("Unix")
        versionTable[string: "OS"] = .string("Linux")
        set("PSVersionTable", .object(versionTable), .readOnly)
        set("ExecutionContext", .object(EngineIntrinsics(context: context)), .constant)
    }
}

/// The version pcsh reports.
public enum PcshVersion {
    public static let version = "0.1.0"
    /// The PowerShell language version pcsh follows.
    public static let psVersion = "7.4.0"
}
