import Bot
import Config
import Foundation
import Staff
import Logging
import Store
@testable import Console

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A recording mailer: what the console would have mailed.
final class RecordingMailer: SignInMailing, @unchecked Sendable {
    private(set) var sent: [(to: String, link: String, language: RosterPerson.Language)] = []
    private let lock = NSLock()

    func send(to person: RosterPerson, link: String, validMinutes: Int, key: String) throws -> String {
        lock.withLock { sent.append((person.email, link, person.language)) }
        return "<console-\(key)@kazguu.kz>"
    }

    var links: [String] { lock.withLock { sent.map(\.link) } }
    var lastToken: String? { links.last.map { String($0.split(separator: "/").last ?? "") } }
}

/// A settable clock for tests of expiry.
final class TestClock: @unchecked Sendable {
    private var value: Date
    private let lock = NSLock()
    init(_ start: Date) { value = start }
    var now: Date { lock.withLock { value } }
    func advance(_ seconds: TimeInterval) { lock.withLock { value = value.addingTimeInterval(seconds) } }
}

/// A store in a temporary folder with a small roster: DSHR, two heads of two units, a staff member.
struct ConsoleFixture {
    static let roster = """
        email,full_name,category,unit,role,leadership,lang
        dshr.console@kazguu.kz,Әлиева Дана Серікқызы,ABP,Стратегия және HR бөлімі,dshr,no,kk
        head.law@kazguu.kz,Сейтқали Әлібек Қайратұлы,PPS,Құқық жоғары мектебі,head,yes,kk
        head.econ@kazguu.kz,Nurmagambetova Gulnar,PPS,Экономика мектебі,head,yes,en
        staff.law@kazguu.kz,Омаров Дәурен,PPS,Құқық жоғары мектебі,staff,no,ru

        """

    let root: URL
    let store: FileStore
    let clock: TestClock
    let mailer = RecordingMailer()
    let app: ConsoleApp
    let environment: BotEnvironment

    init(now: Date = Date(timeIntervalSince1970: 1_780_000_000), console: CPDBotConfiguration.Console = .init()) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("console-tests-\(UUID().uuidString)")
        store = try FileStore(root: root.appendingPathComponent("store"))
        _ = try store.roster.replace(with: Data(Self.roster.utf8))
        let clock = TestClock(now)
        self.clock = clock
        var configuration = CPDBotConfiguration()
        configuration.console = console
        configuration.bot.dshr = ["dshr@kazguu.kz"]
        var logger = Logger(label: "console-tests")
        logger.logLevel = .critical
        environment = BotEnvironment(configuration: configuration, store: store,
                                     templatesDirectory: repositoryRoot.appendingPathComponent("templates"),
                                     ruleFiles: RuleFiles(directory: repositoryRoot.appendingPathComponent("config")),
                                     logger: logger, now: { clock.now })
        let templates = try ConsoleTemplates(directory: repositoryRoot.appendingPathComponent("templates/console"))
        app = ConsoleApp(environment: environment, templates: templates, mailer: mailer)
    }

    /// Rows of `unit` as the intake stores them.
    func apply(unit: String, names: [(String, String)], late: Bool = false, file: String = "өтінім.xlsx",
               cycle: String? = nil, messageID: String? = nil) throws {
        let cycle = cycle ?? ConsoleCycleFacts(now: clock.now).cycle
        let rows = names.enumerated().map { index, person in
            StoredApplicationRow(no: index + 1, school: unit, fullName: person.0, trainingDirection: "Құқық",
                                 programme: "Бағдарлама \(index + 1)", lastCourse: nil, lastCourseDate: nil,
                                 lastCourseHours: nil, phone: nil, email: person.1, unit: unit,
                                 submittedBy: "head@kazguu.kz", messageID: messageID ?? "<m-\(unit.hashValue)@x>",
                                 receivedAt: clock.now, sourceFile: file, cycle: cycle, late: late)
        }
        _ = try store.applications.replace(unit: unit, cycle: cycle, rows: rows, now: clock.now)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A browser for `ConsoleApp.handle`: keeps cookies, follows nothing by itself.
final class TestBrowser {
    let app: ConsoleApp
    var cookies: [String: String] = [:]
    let client: String

    init(app: ConsoleApp, client: String = "10.0.0.1") {
        self.app = app
        self.client = client
    }

    @discardableResult
    func get(_ path: String, query: [String: String] = [:]) -> ConsoleResponse {
        take(app.handle(ConsoleRequest(method: "GET", path: path, query: query, cookies: cookies, client: client)))
    }

    @discardableResult
    func post(_ path: String, form: [String: String]) -> ConsoleResponse {
        take(app.handle(ConsoleRequest(method: "POST", path: path, cookies: cookies, form: form, client: client)))
    }

    private func take(_ response: ConsoleResponse) -> ConsoleResponse {
        for line in response.header("Set-Cookie") {
            guard let pair = line.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            if line.contains("Max-Age=0") { cookies[String(parts[0])] = nil } else { cookies[String(parts[0])] = String(parts[1]) }
        }
        return response
    }

    /// The hidden CSRF field of the last page.
    static func csrf(in page: ConsoleResponse) -> String? {
        let text = page.bodyText
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Signs in as `email` through the whole flow; returns the mailed link's token.
    @discardableResult
    func signIn(_ email: String, mailer: RecordingMailer) -> String? {
        let form = get("/sign-in")
        post("/sign-in", form: ["email": email, "csrf": Self.csrf(in: form) ?? ""])
        guard let token = mailer.lastToken else { return nil }
        let confirm = get("/sign-in/" + token)
        post("/sign-in/" + token, form: ["csrf": Self.csrf(in: confirm) ?? ""])
        return token
    }
}
