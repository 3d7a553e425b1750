import ArgumentParser
import Bot
import Config
import Foundation

/// The certificate half of `scripts/bench`: COUNT completed participants' certificates drawn,
/// registered and queued with their notices in a throw-away store, timed (wall and CPU) and
/// printed as one JSON object. Talks to no server.
@main
struct CertificateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpdbot-bench-certificates",
        abstract: "Issues COUNT certificates as the bot does for a [COMPLETIONS] list and prints the time as JSON.")

    @Option var count = 2000
    @Option(help: "The templates folder (with certificate/).") var templates = "templates"
    @Option(help: "A folder with signature.png, stamp.png and logo.png.") var images = "Tests/Fixtures/certificate"
    @Option(help: "The throw-away store (emptied before, removed after).") var store = "var/bench/certificate-store"

    func validate() throws {
        guard (1...100_000).contains(count) else { throw ValidationError("count 1…100000") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: images)
        let settings = CPDBotConfiguration.Certificates(
            signatureImage: folder.appendingPathComponent("signature.png").path,
            stampImage: folder.appendingPathComponent("stamp.png").path,
            logoImage: folder.appendingPathComponent("logo.png").path)
        let result = try CertificateBenchmark(count: count, templatesDirectory: URL(fileURLWithPath: templates),
                                              images: settings, storeDirectory: URL(fileURLWithPath: store)).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
