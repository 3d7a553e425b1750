public import Config
public import Foundation
import Intake
import Logging
import Regulation
import Staff
import Store

/// The certificate figure of `scripts/bench` (issue 16: 2,000 certificates drawn, registered
/// and queued in under 60 s): a throw-away store with a roster of `count` people, a Plan that
/// gives each of them one of 20 courses, and then DSHR's `[COMPLETIONS]` list with every one of
/// them `completed` – handled as the bot handles that mail, so each certificate is numbered,
/// recorded in the registry, drawn as a PDF and queued with its notice. Only the completions
/// list is timed; the roster and the Plan are set-up.
public struct CertificateBenchmark {
    /// What one run measured.
    public struct Result: Sendable, Codable {
        /// The certificates asked for (`count` of the benchmark).
        public var count: Int
        /// Wall-clock seconds to handle the completions list: the figure issue 16 caps at 60.
        public var wallSeconds: Double
        /// User + system CPU of the whole process (every thread) while the list was handled.
        public var cpuSeconds: Double
        /// The notices in the outbox afterwards (each carries one PDF).
        public var queued: Int
        /// The PDF of the first certificate, in bytes.
        public var pdfBytes: Int
        /// Threads that draw (`CertificatePrinter`).
        public var workers: Int
        /// CPU milliseconds to draw one certificate alone (the first 100 again, on one thread,
        /// after the run): the share of drawing in `cpuSeconds`, the rest being the registry,
        /// the notices and the outbox.
        public var drawingMillisecondsPerCertificate: Double
    }

    /// How many people, and so certificates, the run makes.
    public var count: Int
    /// The folder with the certificate and notice templates, as the bot uses in production.
    public var templatesDirectory: URL
    /// The signature, stamp and logo PNGs (DSHR's, or the samples in Tests/Fixtures/certificate).
    public var images: CPDBotConfiguration.Certificates
    /// The throw-away store; emptied before and removed after the run.
    public var storeDirectory: URL

    /// A benchmark; nothing is written until `run()`, and only under `storeDirectory`.
    public init(count: Int, templatesDirectory: URL, images: CPDBotConfiguration.Certificates, storeDirectory: URL) {
        self.count = count
        self.templatesDirectory = templatesDirectory
        self.images = images
        self.storeDirectory = storeDirectory
    }

    static let dshr = "dshr.bench@kazguu.kz"
    static let bot = "hr-intake@kazguu.kz"

    /// Sets up the store, times the completions list and measures the drawing alone.
    /// Throws when the set-up or the bot's handling fails: the benchmark measures only a working run.
    public func run() throws -> Result {
        try? FileManager.default.removeItem(at: storeDirectory)
        defer { try? FileManager.default.removeItem(at: storeDirectory) }
        let store = try FileStore(root: storeDirectory)
        var configuration = CPDBotConfiguration()
        configuration.bot.address = Self.bot
        configuration.bot.dshr = [Self.dshr]
        configuration.store.path = storeDirectory.path
        configuration.certificates = images
        let environment = BotEnvironment(configuration: configuration, store: store, templatesDirectory: templatesDirectory,
                                         logger: Logger(label: "cpdbot.bench.certificates"))
        let emails = (1...count).map { String(format: "staff%04d@kazguu.kz", $0) }
        try store.roster.replace(with: Data(Self.roster(emails).utf8))
        let roster = try store.roster.load()
        guard let dshr = roster.person(address: Self.dshr) else { preconditionFailure("the benchmark's roster lists its DSHR") }
        let desk = try CycleDesk(environment: environment)
        let limits = MessageReading.Limits(configuration.limits)
        _ = try desk.plan.receive(from: dshr, reading: MessageReading.read(Self.command(
            tag: "[PLAN]", id: "bench-plan", body: "Approved: 2026-07-03", fileName: "plan.csv", csv: Self.plan(emails)),
            receivedAt: Date(), limits: limits), hash: "bench-plan", roster: roster)
        let completions = Self.command(tag: "[COMPLETIONS]", id: "bench-completions", body: "", fileName: "results.csv",
                                       csv: Self.completions(emails))

        let cpuBefore = Self.processCPUSeconds()
        let started = ContinuousClock.now
        let reading = try MessageReading.read(completions, receivedAt: Date(), limits: limits)
        _ = try desk.completions.receive(from: dshr, reading: reading, hash: "bench-completions", roster: roster)
        let wall = ContinuousClock.now - started
        let cpu = Self.processCPUSeconds() - cpuBefore

        let queued = try store.outbox.all().filter { $0.purpose.hasPrefix("certificate:") }
        let sample = Array(try store.certificates.all().prefix(100))
        let maker = try CertificateMaker(environment: environment)
        let pdf = try sample.first.map { try maker.pdf($0).count } ?? 0
        let drawingStarted = Self.threadCPUSeconds()
        for certificate in sample { _ = try maker.pdf(certificate) }
        let drawing = (Self.threadCPUSeconds() - drawingStarted) * 1000 / Double(max(1, sample.count))
        let workers = max(1, min(CertificatePrinter.maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        return Result(count: count, wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
                      cpuSeconds: cpu, queued: queued.count, pdfBytes: pdf, workers: workers,
                      drawingMillisecondsPerCertificate: drawing)
    }

    // MARK: The mail and the tables

    /// Kazakh, Russian and English names in turn, so that all three languages are drawn.
    static func roster(_ emails: [String]) -> String {
        let names = ["Әсел Нұрланқызы", "Қанат Өмірбеков", "Ұлжан Үсенова", "Ілияс Ғабдуллин", "Анна Ли"]
        var csv = "email,full_name,category,unit,role,leadership,lang\n\(dshr),Айгерим Сатпаева,ABP,HR,dshr,no,ru\n"
        for (index, email) in emails.enumerated() {
            csv += "\(email),\(names[index % names.count]) \(index),PPS,Law,staff,no,\(["kk", "ru", "en"][index % 3])\n"
        }
        return csv
    }

    static func plan(_ emails: [String]) -> String {
        var csv = "course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r\n"
        for (index, email) in emails.enumerated() {
            csv += "B-\(index % 20),Құқықтық зерттеу әдістері \(index % 20),professional_knowledge_and_research,PPS,qualification,"
                + "domestic,medium,72,2026-09-01,2026-09-30,kk,blended,0,\(email)\r\n"
        }
        return csv
    }

    static func completions(_ emails: [String]) -> String {
        var csv = "course_id,participant_email,status,completion_date\r\n"
        for (index, email) in emails.enumerated() {
            csv += "B-\(index % 20),\(email),completed,2026-09-30\r\n"
        }
        return csv
    }

    /// DSHR's command mail with the table attached, as a mail program writes it.
    static func command(tag: String, id: String, body: String, fileName: String, csv: String) -> [UInt8] {
        let lines = [
            "From: DSHR <\(dshr)>", "To: <\(bot)>", "Subject: \(tag)", "Date: Mon, 05 Oct 2026 10:00:00 +0500",
            "Message-ID: <\(id)@kazguu.kz>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b-\(id)\"", "",
            "--b-\(id)", "Content-Type: text/plain; charset=utf-8", "", body,
            "--b-\(id)", "Content-Type: text/csv; charset=utf-8; name=\"\(fileName)\"",
            "Content-Disposition: attachment; filename=\"\(fileName)\"", "Content-Transfer-Encoding: base64", "",
            Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]),
            "--b-\(id)--", "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// CPU time of the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// User + system CPU time of this process, all threads.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
