// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pcsh",
    products: [
        .executable(name: "pcsh", targets: ["pcsh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // libedit (line editing, history, completion) for the interactive shell.
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        // zlib: the export file's messages are a gzip stream made at a fast level (ZIPFoundation
        // deflates at zlib's default level only).
        .systemLibrary(name: "CZlibStream", path: "Sources/CZlibStream", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // XML/HTML escaping and the self-contained HTML report page every -Report writes. No dependencies.
        .target(name: "Markup"),
        // The language: lexer, parser, AST. Only BigInt, for the values of `n`-suffixed literals.
        .target(name: "PSLanguage", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Values, conversions, operators, evaluator, pipeline, binder, errors.
        // Release builds skip dynamic exclusivity checks in the engine: it is single-threaded, and
        // the checks were 40% of a tight loop's time. Debug builds and tests keep them.
        .target(name: "PSRuntime", dependencies: ["PSLanguage", "Markup", .product(name: "BigInt", package: "BigInt")],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // The built-in cmdlets (Microsoft.PowerShell.Utility/Management subset).
        .target(name: "PSCmdlets", dependencies: ["PSRuntime", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                .product(name: "Crypto", package: "swift-crypto"),
                                                .product(name: "SystemPackage", package: "swift-system")]),
        // The deployment domain: the Central Management Store on SQLite (topology, directory,
        // services, trusted applications, endpoints, RBAC, audit). Knows nothing of the shell.
        .target(name: "LyncDeployment", dependencies: ["Markup", "CZlibStream", .product(name: "GRDB", package: "GRDB.swift"),
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The Lync Server cmdlets and the role check: they adapt the domain to the runtime.
        .target(name: "LyncCmdlets", dependencies: ["PSRuntime", "PSCmdlets", "LyncDeployment", "Markup"]),
        // The host: command line, script runner, console output. Only it touches the terminal.
        .target(name: "PSHost", dependencies: ["PSRuntime", "PSCmdlets", "LyncCmdlets", "CEditLine"]),
        .executableTarget(name: "pcsh", dependencies: ["PSHost"]),
        .testTarget(name: "PSLanguageTests", dependencies: ["PSLanguage", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "PSRuntimeTests", dependencies: ["PSRuntime", "PSCmdlets", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "PSCmdletsTests", dependencies: ["PSCmdlets", "PSHost"]),
        .testTarget(name: "LyncDeploymentTests", dependencies: ["LyncDeployment", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LyncCmdletsTests", dependencies: ["LyncCmdlets", "LyncDeployment", "PSCmdlets", "PSHost",
                                                            .product(name: "GRDB", package: "GRDB.swift"),
                                                            .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "PcshTests", dependencies: ["PSHost", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Golden"), .copy("Conformance")]),
    ],
    swiftLanguageModes: [.v6]
)
