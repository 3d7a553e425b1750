/// Everything cpdbot can be configured with, with safe defaults: the defaults point at the
/// project's mail sandbox on 127.0.0.1, so a fresh checkout runs without a config file.
///
/// Reading it from YAML and the environment is `ConfigurationLoader`'s job; this type only
/// holds values. Secrets are never values here: `PasswordSource` says where a password comes
/// from, and resolving it yields a `Secret` that never prints.
public struct CPDBotConfiguration: Sendable, Equatable {
    /// The mailbox the bot reads (`imap.*`).
    public var imap: IMAP
    /// The server the bot sends through (`smtp.*`).
    public var smtp: SMTP
    /// Which certificate authorities to trust (`tls.*`).
    public var tls: TLS
    /// The bot's own address, DSHR's and the admins' (`bot.*`).
    public var bot: Bot
    /// Where the file store lives (`store.*`).
    public var store: Store
    /// Caps on untrusted input (`limits.*`).
    public var limits: Limits
    /// How often the bot may answer one sender (`replies.*`).
    public var replies: Replies
    /// The closing of every mail (`signature.*`); kept out of `init` so that adding it changed no caller.
    public var signature = Signature()
    /// DSHR's web console (`console.*`, issue 17); outside `init` like `signature`.
    public var console = Console()
    /// Where the Regulation's files are (`rules.*`); kept out of `init` like `signature`.
    public var rules = Rules()
    /// What certificates print and where their images are (`certificates.*`).
    public var certificates: Certificates
    /// How long personal data is kept (`retention.*`).
    public var retention: Retention
    /// Seconds between two polls of the mailbox when the server offers no IDLE.
    public var pollIntervalSeconds: Int
    /// Token logins for the mail servers (`oauth2.*`).
    public var oauth2: OAuth2
    /// When a service alert goes out (`alerts.*`).
    public var alerts: Alerts

    /// A configuration; every section defaults to the development sandbox's values.
    public init(
        imap: IMAP = IMAP(),
        smtp: SMTP = SMTP(),
        tls: TLS = TLS(),
        bot: Bot = Bot(),
        store: Store = Store(),
        limits: Limits = Limits(),
        replies: Replies = Replies(),
        certificates: Certificates = Certificates(),
        retention: Retention = Retention(),
        pollIntervalSeconds: Int = 30,
        oauth2: OAuth2 = OAuth2(),
        alerts: Alerts = Alerts()
    ) {
        self.oauth2 = oauth2
        self.alerts = alerts
        self.imap = imap
        self.smtp = smtp
        self.tls = tls
        self.bot = bot
        self.store = store
        self.limits = limits
        self.replies = replies
        self.certificates = certificates
        self.retention = retention
        self.pollIntervalSeconds = pollIntervalSeconds
    }

    /// True when IMAP or SMTP logs in with an OAuth2 token.
    public var usesOAuth2: Bool { imap.auth == .oauth2 || smtp.auth == .oauth2 }

    /// The poll interval as a `Duration`, for `Task.sleep(for:)`.
    public var pollInterval: Duration { .seconds(pollIntervalSeconds) }

    /// The configuration file used when `--config` is not given. It is not committed
    /// (`config/cpdbot.example.yml` is); when it is missing, defaults and the environment apply.
    public static let defaultPath = "config/cpdbot.yml"
}
