// swift-tools-version: 6.1
// cpdbot: the e-mail bot that runs the university's professional development cycle.
// Dependencies point one way: cpdbot → CPDBotCommands → {Console →} Bot → {Intake, Mail, OAuth, Store, Config,
// Certificates, ICalendar, Wording}; Intake → {Regulation, Applications, MIME, Documents, Staff};
// Store → {Staff, CSV}; Documents → CSV; Regulation → Staff; Mail → Curl → CurlShim → CCurl; OAuth → {Curl, Config, swift-crypto}.
// Pure modules never import Curl. Inside Bot the folders depend one way too: Operations →
// Service → Mailbox → Cycle → Sending → Replies → Environment (docs/architecture.md).
import PackageDescription

/// The Swift 6 upcoming features every target is built with (issue 12), as the anchors (swift-nio,
/// swift-foundation) use them: `any` spelled out for existentials; a member is visible only when its
/// module is imported by the file itself; imports are internal unless marked `public import`
/// (only where the module's public API shows that module's types; C modules are `internal import`).
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "cpdbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cpdbot", targets: ["cpdbot"]),
        .executable(name: "cpdbot-bench", targets: ["cpdbot-bench"]),
        .executable(name: "cpdbot-bench-certificates", targets: ["cpdbot-bench-certificates"]),
        .executable(name: "cpdbot-bench-console", targets: ["cpdbot-bench-console"]),
        .executable(name: "cpdbot-bench-reading", targets: ["cpdbot-bench-reading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The console (issue 17): an HTTP server, and metrics in Prometheus's text format.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
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
        // Cairo draws the certificates' PDF pages; Pango shapes their text.
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // MARK: Transport (the only code that sees libcurl).
        .target(name: "Curl", dependencies: ["CurlShim", "CCurl"]),
        .target(name: "Mail", dependencies: ["Curl", .product(name: "Logging", package: "swift-log")]),
        // OAuth2 access tokens for IMAP/SMTP logins: token requests over libcurl (HTTPS only),
        // JWTs signed with swift-crypto (RS256 = RSA PKCS#1 v1.5 SHA-256 in _CryptoExtras).
        .target(name: "OAuth", dependencies: [
            "Curl", "Config",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),

        // MARK: Pure modules: bytes in, values out, no I/O.
        .target(name: "TextEncoding"),
        // The one CSV reader and writer (RFC 4180): the store's files and the applications people send.
        .target(name: "CSV"),
        // The one reader of cpdbot's YAML files (cpdbot.yml, policy.yml, holidays-kz.yml), with positions.
        .target(name: "YAMLFiles", dependencies: ["Yams"]),
        // SHA-256 in the store's spelling (lower-case hex), over swift-crypto: no hashing of our own.
        .target(name: "Digest", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "CivilCalendar"),
        .target(name: "Wording"),
        .target(name: "MIME", dependencies: ["TextEncoding", "Digest", "CivilCalendar", "CYTNEF"]),
        .target(name: "Documents", dependencies: [
            "TextEncoding", "CSV", "CivilCalendar", "CFreeXL", "CXLSXWriter", "CISAL",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Applications", dependencies: ["Documents", "TextEncoding", "CivilCalendar"]),
        // The people the bot knows (`Roster`) and the one roster reader; the store keeps the file.
        .target(name: "Staff"),
        .target(name: "Regulation", dependencies: ["Documents", "CivilCalendar", "Staff", "YAMLFiles", "Yams"]),
        // The intake core: a message's reading and its routing, values in, decisions out.
        .target(name: "Intake", dependencies: ["MIME", "Documents", "Applications", "Regulation", "Staff", "CivilCalendar"]),
        .target(name: "ICalendar"),
        // Values in, PDF bytes out: the certificate's layout, drawing and verification code.
        .target(name: "Certificates", dependencies: [
            "CCairo", "CQRencode", "YAMLFiles", .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // MARK: State and the service.
        .target(name: "Config", dependencies: ["CivilCalendar", "YAMLFiles", "Yams"]),
        .target(name: "Store", dependencies: ["Digest", "Staff", "CSV", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Bot", dependencies: [
            "Mail", "OAuth", "MIME", "Documents", "Applications", "Regulation", "Intake", "Staff", "Store", "Config", "Digest", "Wording",
            "Certificates", "ICalendar", "Curl", "CSV",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // DSHR's console: pages from the store over HTTP (Hummingbird), sign-in by e-mailed link.
        .target(name: "Console", dependencies: [
            "Bot", "Staff", "Store", "Config", "Wording", "CivilCalendar", "Regulation", "MIME", "Documents",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Mustache", package: "swift-mustache"),
            "YAMLFiles",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // MARK: The command line: a library of commands (testable), and the executable that starts it.
        .target(name: "CPDBotCommands", dependencies: [
            "Bot", "Console", "MIME", "Documents", "Applications", "Regulation", "Staff", "Store", "Config",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "cpdbot", dependencies: ["CPDBotCommands"]),

        // The sending half of scripts/bench (the rest drives the cpdbot CLI and the peers).
        .executableTarget(name: "cpdbot-bench", dependencies: [
            "Mail", "MIME", "Curl", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The certificate figure of scripts/bench: 2,000 certificates drawn, registered and queued.
        .executableTarget(name: "cpdbot-bench-certificates", dependencies: [
            "Bot", "Config", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The console figure of scripts/bench: a store of 10,000 people, five cycles, 100,000 journal lines.
        .executableTarget(name: "cpdbot-bench-console", dependencies: [
            "Bot", "Store", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The reading figure: what the intake's reading threads do per mail, in one process (docs/benchmarks.md).
        .executableTarget(name: "cpdbot-bench-reading", dependencies: ["Intake", "Digest"]),

        // MARK: Fuzzing: a libFuzzer target for the MIME parser (see Sources/MIMEFuzz for the build line).
        .executableTarget(name: "MIMEFuzz", dependencies: ["MIME", "FuzzHarness"], exclude: ["lld-toolset.json"]),
        // The same for the document readers (Sources/DocumentsFuzz; the run is documented there).
        .executableTarget(name: "DocumentsFuzz", dependencies: ["Documents", "FuzzHarness"]),
        // Their one entry point: libFuzzer's driver with -DFUZZING, a replay of named files without.
        .target(name: "FuzzHarness"),

        // MARK: Tests mirror Sources. Fixtures live in Tests/Fixtures (a copy of the samples).
        // What several test targets share: seeded generators, the sample corpus, bounded-work
        // clocks, the in-process mail fakes.
        .target(name: "TestSupport", dependencies: ["Mail"], path: "Tests/TestSupport"),
        .testTarget(name: "CurlTests", dependencies: ["Curl", "CurlShim"]),
        .testTarget(name: "MailTests", dependencies: ["TestSupport", "Mail", "Curl", "Config"]),
        .testTarget(name: "TextEncodingTests", dependencies: ["TextEncoding"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(name: "WordingTests", dependencies: ["Wording"]),
        .testTarget(name: "MIMETests", dependencies: ["TestSupport", "MIME", "TextEncoding", "Digest"]),
        .testTarget(name: "DocumentsTests", dependencies: ["TestSupport", "Documents"]),
        .testTarget(name: "ApplicationsTests", dependencies: ["TestSupport", "Applications", "Documents"]),
        .testTarget(name: "RegulationTests", dependencies: ["TestSupport", "Regulation", "Staff", "CSV", "Documents"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "OAuthTests", dependencies: [
            "OAuth", "Curl", "Config",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Staff", "Digest", "CSV"]),
        .testTarget(name: "CertificatesTests", dependencies: ["Certificates"]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"]),
        .testTarget(name: "BotTests", dependencies: ["TestSupport", "Bot", "Intake", "Staff", "Mail", "OAuth", "MIME", "Store", "Config", "Curl", "Applications", "Digest", "Wording", "Regulation"]),
        .testTarget(name: "CPDBotCommandsTests", dependencies: [
            "CPDBotCommands", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ConsoleTests", dependencies: [
            "Console", "Bot", "Intake", "Staff", "Store", "Config", "Regulation", "Documents", "Digest",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
    ]
)

// One settings array for every Swift target, Sources and Tests alike (system libraries take no settings).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
