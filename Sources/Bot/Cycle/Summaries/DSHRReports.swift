import Foundation
public import Regulation

/// What one day's reports to DSHR did (`cpdbot remind` merges it into its report).
public struct DSHRReportsRun: Sendable, Equatable, Codable {
    /// The day run, `yyyy-mm-dd`.
    public var date: String
    /// Per kind (`daily_summary`, `compliance_report`, `deadline_alert`): queued now.
    public var queued: [String: Int] = [:]
    /// Due today but queued by an earlier run.
    public var alreadyQueued = 0
    /// Reports that could not be made, each with its reason; the others still went.
    public var failures: [String] = []
}

extension CycleDesk {
    /// The day's messages to DSHR besides the reminders: the daily summary of refused, reported
    /// and ignored mail, the monthly compliance report on the month's first working day, and
    /// the alert for a §7.7 deadline that will be missed. Each is idempotent (its purpose names
    /// the day, month or Plan); one failing does not keep the others from going.
    public func reportToDSHR(today: CivilDate) -> DSHRReportsRun {
        var run = DSHRReportsRun(date: today.iso)
        func note(_ kind: String, _ outcomes: [DSHRReportOutcome]) {
            for outcome in outcomes {
                switch outcome {
                case .queued: run.queued[kind, default: 0] += 1
                case .alreadyQueued: run.alreadyQueued += 1
                case .nothingDue: break
                }
            }
        }
        do {
            note("daily_summary", [try DailySummary(environment: environment, mail: mail).send(today: today)])
        } catch {
            run.failures.append("daily summary for \(today.iso): \(error)")
        }
        do {
            note("compliance_report", [try MonthlyCompliance(desk: self).send(today: today)])
        } catch {
            run.failures.append("compliance report for \(today.iso): \(error)")
        }
        do {
            note("deadline_alert", try DeadlineAlert(desk: self).send(today: today))
        } catch {
            run.failures.append("§7.7 deadline alert for \(today.iso): \(error)")
        }
        return run
    }
}
