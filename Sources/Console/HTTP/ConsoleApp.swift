public import Bot
import Config
import Foundation
import Staff
import Logging
import Store

/// The console's routes: who may see what, which page, which cookie. HTTP-free (see
/// `ConsoleRequest`); `ConsoleServer` puts it behind Hummingbird.
public final class ConsoleApp: Sendable {
    let environment: BotEnvironment
    let templates: ConsoleTemplates
    let auth: ConsoleAuth
    /// The `/metrics` figures.
    public let metrics: ConsoleMetrics
    /// One console write at a time (`whileWriting`).
    let writes = NSLock()
    /// The threads that make answers (`console.workers` at `console.nice`).
    let workers: ConsoleWorkers
    /// The pace of requests (`console.max_requests_per_second`).
    let pacer: RequestPacer

    static let sessionCookie = "cpdbot_session"
    static let browserCookie = "cpdbot_browser"
    static let languageCookie = "cpdbot_lang"

    /// The console over the bot's store, templates and sign-in mailer.
    public convenience init(environment: BotEnvironment, templates: ConsoleTemplates, mailer: any SignInMailing) {
        let console = environment.configuration.console
        self.init(environment: environment, templates: templates, mailer: mailer,
                  pacer: RequestPacer(perSecond: console.maxRequestsPerSecond,
                                      maximumWaitMilliseconds: console.maxRequestWaitMilliseconds))
    }

    /// The console with its own pace of requests (tests: a pace no machine's delays can dodge).
    init(environment: BotEnvironment, templates: ConsoleTemplates, mailer: any SignInMailing, pacer: RequestPacer) {
        self.environment = environment
        self.templates = templates
        let configuration = environment.configuration
        auth = ConsoleAuth(settings: configuration.console, store: environment.store, mailer: mailer,
                           dshr: configuration.bot.dshr,
                           defaultLanguage: RosterPerson.Language(rawValue: configuration.bot.language.rawValue) ?? .kk)
        metrics = ConsoleMetrics()
        workers = ConsoleWorkers(count: configuration.console.workers, nice: configuration.console.nice)
        self.pacer = pacer
    }

    deinit { workers.stop() }

    var settings: CPDBotConfiguration.Console { environment.configuration.console }
    var store: FileStore { environment.store }

    /// Answers one request; a failure inside becomes a 500 page that names no secret.
    public func handle(_ request: ConsoleRequest) -> ConsoleResponse {
        var response: ConsoleResponse
        do {
            // A POST may change the store: it waits for the mail loop's writing lock, so that a
            // console confirm and a mail confirm never run at once. A GET only reads, and at a big
            // university's size unchanged files are not decoded again (`StoreReadCache`).
            response = request.method == "POST"
                ? try whileWriting { try route(request) }
                : try store.withReadCache { try route(request) }
        } catch StoreError.locked {
            environment.logger.warning("console: \(request.method) \(request.path): the store stayed busy for console.write_wait_seconds")
            response = anonymousPage("message", request: request, values: ["message_key": "store_busy"], status: 503)
        } catch {
            environment.logger.error("console: \(request.method) \(request.path): \(error)")
            response = .html(plainPage(status: 500, text: "500 – \(error)"), status: 500)
        }
        response.headers += ConsoleResponse.securityHeaders
        metrics.count(request: request, status: response.status)
        return response
    }

    /// The answer to a request over the pace that would wait longer than
    /// `console.max_request_wait_ms`: "busy, reload in a few seconds", in the reader's language.
    func busy(_ request: ConsoleRequest) -> ConsoleResponse {
        var response = anonymousPage("message", request: request, values: ["message_key": "console_busy"], status: 503)
        response.headers += ConsoleResponse.securityHeaders + [(name: "Retry-After", value: "2")]
        metrics.count(request: request, status: response.status)
        return response
    }

    private func route(_ request: ConsoleRequest) throws -> ConsoleResponse {
        let now = environment.now()
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let get = request.method == "GET", post = request.method == "POST"
        // Pages anyone may open.
        switch parts.count {
        case 1 where get && parts[0] == "console.css":
            return ConsoleResponse(status: 200, contentType: "text/css; charset=utf-8", body: templates.stylesheet)
        case 1 where get && parts[0] == "healthz":
            return try health()
        case 1 where get && parts[0] == "metrics":
            return try metricsPage()
        case 1 where get && parts[0] == "sign-in":
            return signInForm(request)
        case 1 where post && parts[0] == "sign-in":
            return try requestLink(request, now: now)
        case 2 where get && parts[0] == "sign-in":
            return confirmLink(request, token: parts[1])
        case 2 where post && parts[0] == "sign-in":
            return try redeem(request, token: parts[1], now: now)
        default:
            break
        }
        guard let session = auth.sessions.find(request.cookies[Self.sessionCookie], now: now) else {
            return get ? .redirect(settings.publicURL + "/sign-in") : forbidden(request)
        }
        var language = session.language
        if let asked = request.query["lang"].flatMap(RosterPerson.Language.init(rawValue:)) {
            language = asked
            auth.sessions.setLanguage(asked, for: session.id)
        }
        let page = PageContext(app: self, session: session, language: language, path: request.path)
        if post, parts == ["sign-out"] {
            guard page.csrfMatches(request) else { return forbidden(request) }
            auth.sessions.close(session.id)
            auth.journal("signed out", email: session.viewer.email, client: request.client, now: now)
            var response = ConsoleResponse.redirect(settings.publicURL + "/sign-in")
            response.headers.append(("Set-Cookie", cookie(Self.sessionCookie, "", maxAge: 0)))
            return response
        }
        // "Confirm and announce": the first click shows what will happen, the second does it.
        if post, parts.count == 3, parts[0] == "plan", parts[2] == "confirm" {
            guard page.csrfMatches(request) else { return forbidden(request) }
            return try page.plans(confirming: parts[1])
        }
        if post, parts.count == 3, parts[0] == "plan", parts[2] == "announce" {
            return try page.announce(slot: parts[1], request: request)
        }
        // "Retry" of failed announcements: again a step to confirm, then the same path.
        if post, parts.count == 3, parts[0] == "plan", parts[2] == "retry" {
            guard page.csrfMatches(request) else { return forbidden(request) }
            return try page.plans(retrying: parts[1])
        }
        if post, parts.count == 3, parts[0] == "plan", parts[2] == "resend" {
            return try page.resend(slot: parts[1], request: request)
        }
        guard get else { return page.notFound() }
        return try PageCache.shared.response(for: request, session: session.id, language: language.rawValue, store: store,
                                             now: now, maxStale: TimeInterval(settings.stalePageMilliseconds) / 1_000) { try getPage(page, request, parts: parts, session: session) }
    }

    /// A signed-in GET's page (`PageCache` keeps it while the store is unchanged).
    private func getPage(_ page: PageContext, _ request: ConsoleRequest, parts: [String], session: SessionBook.Session) throws -> ConsoleResponse {
        switch parts.count {
        case 0:
            switch session.viewer.role {
            case .dshr: return try page.overview()
            case .head: return .redirect(settings.publicURL + "/units/" + UnitID.of(session.viewer.unit ?? ""))
            case .staff: return .redirect(settings.publicURL + "/me")
            }
        case 1 where parts[0] == "units":
            return try page.units()
        case 2 where parts[0] == "units":
            return try page.unit(id: parts[1])
        case 4 where parts[0] == "units" && parts[2] == "files":
            return try page.applicationFile(unitID: parts[1], number: parts[3])
        case 1 where parts[0] == "plan":
            return try page.plans()
        case 1 where parts[0] == "me":
            return try page.person()
        case 1 where parts[0] == "completions":
            return try page.completions(request)
        case 1 where parts[0] == "completions.xlsx":
            return try page.certificatesWorkbook()
        case 1 where parts[0] == "messages":
            return try page.messages(request)
        case 2 where parts[0] == "messages":
            return try page.message(sha256: parts[1])
        case 1 where parts[0] == "compliance":
            return try page.compliance(request)
        case 1 where parts[0] == "compliance.csv":
            return try page.complianceCSV(request)
        case 1 where parts[0] == "compliance.xlsx":
            return try page.complianceWorkbook(request)
        case 2 where parts[0] == "certificates":
            return try page.certificatePDF(file: parts[1])
        default:
            return page.notFound()
        }
    }

    // MARK: Signing in

    private func language(of request: ConsoleRequest) -> RosterPerson.Language {
        request.query["lang"].flatMap(RosterPerson.Language.init(rawValue:))
            ?? request.cookies[Self.languageCookie].flatMap(RosterPerson.Language.init(rawValue:))
            ?? auth.defaultLanguage
    }

    /// The browser's nonce: the cookie it has, or a new one to set.
    private func browserNonce(_ request: ConsoleRequest) -> (nonce: String, isNew: Bool) {
        if let nonce = request.cookies[Self.browserCookie], ConsoleSecrets.looksLikeToken(nonce) { return (nonce, false) }
        return (ConsoleSecrets.token(), true)
    }

    /// The anonymous forms' CSRF token: derived from the nonce cookie, never the nonce itself.
    static func anonymousCSRF(_ nonce: String) -> String { ConsoleSecrets.sha256("csrf:" + nonce) }

    func anonymousPage(_ name: String, request: ConsoleRequest, values: [String: Any] = [:],
                               status: Int = 200) -> ConsoleResponse {
        let language = language(of: request)
        let (nonce, isNew) = browserNonce(request)
        var values = values
        values["csrf"] = Self.anonymousCSRF(nonce)
        values["path"] = request.path
        values["languages"] = PageContext.languageLinks(path: request.path, current: language)
        var response = ConsoleResponse.html(templates.render(name, language: language, values: values), status: status)
        // An hour: long enough to outlive a link (at most 60 minutes by console.link_valid_minutes).
        if isNew { response.headers.append(("Set-Cookie", cookie(Self.browserCookie, nonce, maxAge: 3_600))) }
        if request.query["lang"] != nil {
            response.headers.append(("Set-Cookie", cookie(Self.languageCookie, language.rawValue, maxAge: 31_536_000)))
        }
        return response
    }

    private func signInForm(_ request: ConsoleRequest) -> ConsoleResponse {
        anonymousPage("sign_in", request: request)
    }

    private func requestLink(_ request: ConsoleRequest, now: Date) throws -> ConsoleResponse {
        guard let nonce = request.cookies[Self.browserCookie], ConsoleSecrets.looksLikeToken(nonce),
              let csrf = request.form["csrf"], ConsoleSecrets.same(csrf, Self.anonymousCSRF(nonce)) else {
            return forbidden(request)
        }
        let outcome = try auth.requestLink(address: request.form["email"] ?? "", client: request.client,
                                           browserNonce: nonce, now: now)
        if outcome == .limitedClient {
            return anonymousPage("message", request: request, values: ["message_key": "sign_in_limited"], status: 429)
        }
        // Known, unknown or limited address: the same page, so the answer tells nothing.
        return anonymousPage("sign_in_sent", request: request, values: ["minutes": settings.linkValidMinutes])
    }

    /// A GET on the link only shows a button: mail scanners that open links must not spend it.
    private func confirmLink(_ request: ConsoleRequest, token: String) -> ConsoleResponse {
        guard ConsoleSecrets.looksLikeToken(token) else { return notFoundAnonymous(request) }
        return anonymousPage("sign_in_confirm", request: request, values: ["token": token])
    }

    private func redeem(_ request: ConsoleRequest, token: String, now: Date) throws -> ConsoleResponse {
        guard let nonce = request.cookies[Self.browserCookie], ConsoleSecrets.looksLikeToken(nonce),
              let csrf = request.form["csrf"], ConsoleSecrets.same(csrf, Self.anonymousCSRF(nonce)) else {
            return forbidden(request)
        }
        switch try auth.redeem(token: token, browserNonce: nonce, client: request.client, now: now) {
        case .signedIn(let session):
            var response = ConsoleResponse.redirect(settings.publicURL + "/")
            response.headers.append(("Set-Cookie", cookie(Self.sessionCookie, session.id,
                                                          maxAge: settings.sessionAbsoluteHours * 3600)))
            return response
        case .refused(let why):
            let key: String
            switch why {
            case .expired: key = "link_expired"
            case .alreadyUsed: key = "link_used"
            case .otherBrowser: key = "link_other_browser"
            default: key = "link_unknown"
            }
            return anonymousPage("message", request: request, values: ["message_key": key], status: 403)
        }
    }

    func forbidden(_ request: ConsoleRequest) -> ConsoleResponse {
        anonymousPage("message", request: request, values: ["message_key": "forbidden"], status: 403)
    }

    private func notFoundAnonymous(_ request: ConsoleRequest) -> ConsoleResponse {
        anonymousPage("message", request: request, values: ["message_key": "not_found"], status: 404)
    }

    /// `Set-Cookie`: always HttpOnly and SameSite=Strict; Secure when the console is reached over https.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (settings.isBehindTLS ? "; Secure" : "")
    }

    private func plainPage(status: Int, text: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(status)</title></head><body><p>"
            + text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            + "</p></body></html>"
    }

    // MARK: Health and metrics

    private func health() throws -> ConsoleResponse {
        let report = try StatusReport.read(store: store, mailbox: environment.configuration.imap.mailbox)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return ConsoleResponse(status: 200, contentType: "application/json", body: try encoder.encode(HealthPage(report: report)))
    }

    private func metricsPage() throws -> ConsoleResponse {
        let report = try StatusReport.read(store: store, mailbox: environment.configuration.imap.mailbox)
        return ConsoleResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                               body: Data(metrics.exposition(report: report, now: environment.now()).utf8))
    }
}
