/// How much the reports to DSHR hold. A digest that lists thousands of auto-replies is read by
/// no one: the rest is counted, and the journal or the attached CSV has every line.
struct DSHRReportLimits: Sendable, Equatable {
    /// Messages listed in one daily summary (the counts are always complete).
    var summaryListed = 200
    /// With no earlier summary in the outbox, the first one looks back this many days.
    var firstSummaryDays = 7
    /// People listed in the body of the monthly compliance report (the CSV has them all).
    var complianceListed = 300
    /// Failed recipients named in a deadline alert.
    var alertListed = 50
}
