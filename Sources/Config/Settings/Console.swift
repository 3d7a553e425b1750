extension CPDBotConfiguration {
    /// DSHR's web console (`console.*`): where it listens, the address its links carry, and the
    /// limits of sign-in and sessions.
    public struct Console: Sendable, Equatable {
        /// `HOST:PORT`; nil: no console (an empty value in the file or the environment).
        public var listen: Listen?
        /// The console as people reach it (behind nginx: `https://hr.kazguu.kz/console`); the
        /// sign-in links are made from it, and an `https` address makes the session cookie `Secure`.
        public var publicURL: String
        /// A sign-in link works this long, once.
        public var linkValidMinutes: Int
        /// A session ends after this long without a request …
        public var sessionIdleMinutes: Int
        /// … and this long after signing in, whatever happens.
        public var sessionAbsoluteHours: Int
        /// Sign-in links mailed to one address in an hour.
        public var signInPerAddressPerHour: Int
        /// Sign-in requests from one client (IP address) in an hour.
        public var signInPerClientPerHour: Int
        /// How long a console action that changes the store (Confirm and announce, Retry, a
        /// sign-in) waits for the mail loop to let go of the store before the page says "try again".
        public var writeWaitSeconds: Int = 60
        /// The nice value of the console's threads (0–19; Linux nices each thread): the pages are
        /// made at a lower CPU priority than the mail loop, so browsing does not slow the intake.
        public var nice: Int = 10
        /// Threads that make pages at once; more requests wait their turn.
        public var workers: Int = 2
        /// While one request makes a page again after the store changed, others for the same page
        /// get the page made before if it is at most this many milliseconds old (0: they wait).
        public var stalePageMilliseconds: Int = 1_000
        /// Requests the console answers a second at most (0: no pace); more wait their turn. People
        /// browsing never meet it; clients asking without pause are slowed to it (20 of them wait
        /// 20 ms each), so the mail loop keeps the CPU.
        public var maxRequestsPerSecond: Int = 1_000
        /// The longest a request waits for its turn under that pace; longer, it is answered "busy" (503).
        public var maxRequestWaitMilliseconds: Int = 2_000

        /// Where the console listens (`console.listen`, `host:port`).
        public struct Listen: Sendable, Equatable, CustomStringConvertible {
            /// An address or host name; IPv6 without brackets.
            public var host: String
            /// The TCP port.
            public var port: Int
            /// A listening address as given.
            public init(host: String, port: Int) {
                self.host = host
                self.port = port
            }
            /// `host:port`, with IPv6 in brackets (RFC 3986 §3.2.2).
            public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
        }

        /// Settings with safe defaults: loopback only, short-lived links and sessions.
        public init(
            listen: Listen? = Listen(host: "127.0.0.1", port: 8080), publicURL: String = "http://127.0.0.1:8080",
            linkValidMinutes: Int = 15, sessionIdleMinutes: Int = 30, sessionAbsoluteHours: Int = 12,
            signInPerAddressPerHour: Int = 5, signInPerClientPerHour: Int = 20
        ) {
            self.listen = listen
            self.publicURL = publicURL
            self.linkValidMinutes = linkValidMinutes
            self.sessionIdleMinutes = sessionIdleMinutes
            self.sessionAbsoluteHours = sessionAbsoluteHours
            self.signInPerAddressPerHour = signInPerAddressPerHour
            self.signInPerClientPerHour = signInPerClientPerHour
        }

        /// True when the links point at an `https` address (the cookie is then `Secure`).
        public var isBehindTLS: Bool { publicURL.lowercased().hasPrefix("https://") }
    }
}
