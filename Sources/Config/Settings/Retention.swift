extension CPDBotConfiguration {
    /// How long personal data is kept (`retention.*`, Law 94-V: only as long as its purpose
    /// needs). `cpdbot purge` applies it, and `run` once a day.
    public struct Retention: Sendable, Equatable {
        /// Raw messages received and sent (the archive and the sent outbox), in days. Three
        /// years: the evidence of an application outlives an appeal and an audit of the cycle.
        public var rawMessagesDays: Int
        /// After this many days, journal events lose the addresses they name (the event stays,
        /// anonymised, for the statistics).
        public var journalPersonalDays: Int
        /// Applications of a cycle are deleted this many years after the cycle ended. Five:
        /// the Regulation's obligations (§6.3) look back five years.
        public var closedCycleApplicationsYears: Int

        /// Defaults: raw messages and personal journal fields for 3 years, closed cycles' applications for 5.
        public init(rawMessagesDays: Int = 1095, journalPersonalDays: Int = 1095, closedCycleApplicationsYears: Int = 5) {
            self.rawMessagesDays = rawMessagesDays
            self.journalPersonalDays = journalPersonalDays
            self.closedCycleApplicationsYears = closedCycleApplicationsYears
        }
    }
}
