import Foundation
import Logging
import Regulation

/// `cpdbot run` sends the day's reminders and reports to DSHR itself: once per calendar day (Almaty), before the
/// poll whose outbox flush then sends them. A failure is logged, never stops the service, and
/// is tried again the next day (or by `cpdbot remind`); purposes keep every message single.
struct DailyReminders {
    let environment: BotEnvironment
    private(set) var lastDay: CivilDate?

    init(environment: BotEnvironment) {
        self.environment = environment
    }

    mutating func runIfDue() {
        let today = CivilDate(environment.now(), in: environment.timeZone)
        guard today != lastDay else { return }
        lastDay = today
        let desk: CycleDesk
        do {
            desk = try CycleDesk(environment: environment)
            let report = try desk.remind(today: today)
            if !report.queued.isEmpty {
                environment.logger.info("reminders for \(today.iso): \(report.queued.sorted { $0.key < $1.key })")
            }
        } catch {
            environment.logger.error("reminders for \(today.iso) not sent: \(error); run 'cpdbot remind' after fixing it")
            return
        }
        // DSHR's summary, monthly compliance report and deadline alerts (Cycle/Summaries).
        let reports = desk.reportToDSHR(today: today)
        if !reports.queued.isEmpty {
            environment.logger.info("reports to DSHR for \(today.iso): \(reports.queued.sorted { $0.key < $1.key })")
        }
        for failure in reports.failures {
            environment.logger.error("\(failure); run 'cpdbot remind' after fixing it")
        }
    }
}
