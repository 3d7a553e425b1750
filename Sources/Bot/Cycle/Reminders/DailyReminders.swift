import Foundation
import Regulation

/// `cpdbot run` sends the day's reminders itself: once per calendar day (Almaty), before the
/// poll whose outbox flush then sends them. A failure is logged, never stops the service, and
/// is tried again the next day (or by `cpdbot remind`); purposes keep every message single.
struct DailyReminders {
    let environment: BotEnvironment
    private(set) var lastDay: CivilDate?

    init(environment: BotEnvironment) {
        self.environment = environment
    }

    mutating func runIfDue() {
        let today = CivilDate.almaty(environment.now())
        guard today != lastDay else { return }
        lastDay = today
        do {
            let report = try CycleDesk(environment: environment).remind(today: today)
            if !report.queued.isEmpty {
                environment.logger.info("reminders for \(today.iso): \(report.queued.sorted { $0.key < $1.key })")
            }
        } catch {
            environment.logger.error("reminders for \(today.iso) not sent: \(error); run 'cpdbot remind' after fixing it")
        }
    }
}
