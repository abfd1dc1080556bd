// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pcsh",
    products: [
        .executable(name: "pcsh", targets: ["pcsh"]),
    ],
    targets: [
        // The language: lexer, parser, AST. No dependencies.
        .target(name: "PSLanguage"),
        // Values, conversions, operators, evaluator, pipeline, binder, errors.
        // Release builds skip dynamic exclusivity checks in the engine: it is single-threaded, and
        // the checks were 40% of a tight loop's time. Debug builds and tests keep them.
        .target(name: "PSRuntime", dependencies: ["PSLanguage"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // The built-in cmdlets (Microsoft.PowerShell.Utility/Management subset).
        .target(name: "PSCmdlets", dependencies: ["PSRuntime"]),
        // The host: command line, script runner, console output. Only it touches the terminal.
        .target(name: "PSHost", dependencies: ["PSRuntime", "PSCmdlets"]),
        .executableTarget(name: "pcsh", dependencies: ["PSHost"]),
        .testTarget(name: "PSLanguageTests", dependencies: ["PSLanguage"]),
        .testTarget(name: "PSRuntimeTests", dependencies: ["PSRuntime", "PSCmdlets"]),
        .testTarget(name: "PSCmdletsTests", dependencies: ["PSCmdlets", "PSHost"]),
        .testTarget(name: "PcshTests", dependencies: ["PSHost"], resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
