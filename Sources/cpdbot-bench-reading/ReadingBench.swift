import Digest
import Foundation
import Intake

/// The reading figure: what `MessageHandler.prepare` does for each mail of a folder of `.eml`
/// files (MIME parse, every attachment read into application rows, the body's SHA-256), in one
/// thread, ROUNDS times over, with the files already in memory – so that `perf stat` of this
/// process is the reading threads' CPU per mail without IMAP, the store or sending.
///
///     cpdbot-bench-reading DIR [ROUNDS]          # prints mails, rounds, seconds, µs per mail
///     cpdbot-bench-reading DIR --dump            # prints every reading (or why the parser refused
///                                                # the mail), to compare two builds
@main
struct ReadingBench {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let directory = arguments.first else {
            FileHandle.standardError.write(Data("usage: cpdbot-bench-reading DIR [ROUNDS | --dump]\n".utf8))
            exit(2)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".eml") }.sorted()
        let mails = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent($0))) }
        let limits = MessageReading.Limits()
        let receivedAt = Date(timeIntervalSince1970: 1_778_558_400)  // 2026-05-12, as the corpus's Date:
        if arguments.dropFirst().first == "--dump" {
            for (name, mail) in zip(names, mails) {
                print("== \(name) \(SHA256.hexDigest(mail))")
                let reading: MessageReading
                do {
                    reading = try MessageReading.read(mail, receivedAt: receivedAt, limits: limits)
                } catch {
                    print("refused: \(error)")
                    continue
                }
                print(String(reflecting: reading.summary))
                for verdict in reading.files {
                    print(verdict.file.filename, verdict.file.bytes?.count ?? -1)
                    print(String(reflecting: verdict.reading))
                }
                print(String(reflecting: reading.bodyTable))
            }
            return
        }
        let rounds = Int(arguments.dropFirst().first ?? "1") ?? 1
        var rows = 0
        let start = ContinuousClock.now
        for _ in 0..<rounds {
            for mail in mails {
                guard let reading = try? MessageReading.read(mail, receivedAt: receivedAt, limits: limits) else { continue }
                rows += reading.validRows.count
                rows += SHA256.hexDigest(mail).utf8.count
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perMail = seconds / Double(rounds * mails.count) * 1e6
        print("mails \(mails.count) rounds \(rounds) seconds \(String(format: "%.3f", seconds)) µs/mail \(String(format: "%.0f", perMail)) (rows+digests \(rows))")
    }
}
