// swift-tools-version: 6.1
// cpdbot: the e-mail bot that runs the university's professional development cycle.
// Dependencies point one way: cpdbot → Bot → {Mail, MIME, Documents, Applications,
// Regulation, Store, Config}; Mail → Curl → CurlShim → CCurl. Pure modules never import Curl.
import PackageDescription

let package = Package(
    name: "cpdbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cpdbot", targets: ["cpdbot"]),
        .executable(name: "cpdbot-bench", targets: ["cpdbot-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: C libraries (Debian -dev packages) and the shim Swift needs for libcurl.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CurlShim", dependencies: ["CCurl"]),
        .systemLibrary(
            name: "CFreeXL", pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        .systemLibrary(
            name: "CISAL", pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .systemLibrary(
            name: "CYTNEF", pkgConfig: "libytnef",
            providers: [.apt(["libytnef0-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // MARK: Transport (the only code that sees libcurl).
        .target(name: "Curl", dependencies: ["CurlShim", "CCurl"]),
        .target(name: "Mail", dependencies: ["Curl", .product(name: "Logging", package: "swift-log")]),

        // MARK: Pure modules: bytes in, values out, no I/O.
        .target(name: "TextEncoding"),
        .target(name: "Digest"),
        .target(name: "CivilCalendar"),
        .target(name: "MIME", dependencies: ["TextEncoding", "Digest", "CivilCalendar", "CYTNEF"]),
        .target(name: "Documents", dependencies: [
            "TextEncoding", "CivilCalendar", "CFreeXL", "CXLSXWriter", "CISAL",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Applications", dependencies: ["Documents", "TextEncoding", "CivilCalendar"]),
        .target(name: "Regulation", dependencies: ["Documents", "CivilCalendar", "Yams"]),

        // MARK: State and the service.
        .target(name: "Config", dependencies: ["Yams"]),
        .target(name: "Store", dependencies: ["Digest", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Bot", dependencies: [
            "Mail", "MIME", "Documents", "Applications", "Regulation", "Store", "Config", "Digest",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // MARK: The command line, thin.
        .executableTarget(name: "cpdbot", dependencies: [
            "Bot", "Mail", "MIME", "Documents", "Applications", "Regulation", "Store", "Config",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // The sending half of scripts/bench (the rest drives the cpdbot CLI and the peers).
        .executableTarget(name: "cpdbot-bench", dependencies: [
            "Mail", "MIME", "Curl", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Fuzzing: a libFuzzer target for the MIME parser (see Sources/MIMEFuzz for the build line).
        .executableTarget(name: "MIMEFuzz", dependencies: ["MIME"], exclude: ["lld-toolset.json"]),
        // The same for the document readers (Sources/DocumentsFuzz; the run is documented there).
        .executableTarget(name: "DocumentsFuzz", dependencies: ["Documents"]),

        // MARK: Tests mirror Sources. Fixtures live in Tests/Fixtures (a copy of the samples).
        .testTarget(name: "CurlTests", dependencies: ["Curl", "CurlShim"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Curl", "Config"]),
        .testTarget(name: "TextEncodingTests", dependencies: ["TextEncoding"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(name: "MIMETests", dependencies: ["MIME", "TextEncoding", "Digest"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents"]),
        .testTarget(name: "ApplicationsTests", dependencies: ["Applications", "Documents"]),
        .testTarget(name: "RegulationTests", dependencies: ["Regulation"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Digest"]),
        .testTarget(name: "BotTests", dependencies: ["Bot", "Mail", "MIME", "Store", "Config", "Curl", "Applications", "Digest"]),
    ]
)
