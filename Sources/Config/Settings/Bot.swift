public import Foundation

extension CPDBotConfiguration {
    /// Who the bot is and whom it answers to (`bot.*`).
    public struct Bot: Sendable, Equatable {
        /// The bot's own address: the From of everything it sends.
        public var address: String
        /// DSHR's addresses: the only senders whose commands and forwards are obeyed.
        public var dshr: [String]
        /// The language for people whose language is not known (not in the roster).
        public var language: Language
        /// The `authserv-id` of the receiving server whose `Authentication-Results`
        /// headers are trusted (RFC 8601); headers from anyone else are ignored.
        public var trustedAuthservID: String
        /// Who runs the service: told with DSHR when the bot cannot log in (none by default).
        public var admin: [String]
        /// The university's time zone (`bot.time_zone`, an IANA name): its calendar days, the
        /// times in mails and the offset in their Date headers. Asia/Almaty is UTC+5 all year
        /// since 1 March 2024 (tzdata 2024a and later).
        public var timeZone = CPDBotConfiguration.defaultTimeZone
        /// The templates folder (`bot.templates_dir`); nil: the installation's (`InstallationLayout`).
        public var templatesDirectory: String?

        /// Settings with the development defaults (the sandbox's addresses).
        public init(
            address: String = "hr-intake@kazguu.kz",
            dshr: [String] = ["dshr@kazguu.kz"],
            language: Language = .kk,
            trustedAuthservID: String = "mx.kazguu.kz",
            admin: [String] = []
        ) {
            self.admin = admin
            self.address = address
            self.dshr = dshr
            self.language = language
            self.trustedAuthservID = trustedAuthservID
        }
    }

    /// The languages people are written to in.
    public enum Language: String, Sendable, Equatable, CaseIterable {
        case kk, ru, en
    }
}
