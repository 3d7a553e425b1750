extension CPDBotConfiguration {
    /// How the bot trusts its servers (`tls.*`). Verification is always on.
    public struct TLS: Sendable, Equatable {
        /// A PEM file with the CA certificates to trust instead of the system's;
        /// `nil` (an empty value in the file) means the system trust store.
        public var caFile: String?
        /// Allows logging in without TLS, but only to a server on 127.0.0.1/::1/localhost:
        /// meant for a local test server, never for a real one.
        public var allowPlaintextOnLoopback: Bool

        /// The development defaults: the sandbox's CA, and TLS even on loopback.
        public init(caFile: String? = "var/mail-sandbox/ca.pem", allowPlaintextOnLoopback: Bool = false) {
            self.caFile = caFile
            self.allowPlaintextOnLoopback = allowPlaintextOnLoopback
        }
    }
}
