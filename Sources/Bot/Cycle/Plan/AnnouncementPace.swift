import Config
public import Foundation
import Regulation

/// How long sending the announcement takes at the configured pace
/// (`smtp.max_messages_per_minute`, `smtp.max_recipients_per_day`), and whether the last
/// message leaves by the §7.7 deadline. Pure: counts, limits and dates in, an estimate out.
public struct AnnouncementPace: Sendable, Equatable {
    /// When the last announcement starts, if sending begins at `start`.
    public var finish: Date
    /// Seconds from `start` to `finish`.
    public var duration: TimeInterval
    /// The last message would leave after the deadline day (in the university's zone).
    public var missesDeadline: Bool

    /// nil without limits (the announcement takes as long as the server needs, minutes).
    /// `learned`: what `smtp.server_saves_sent: auto` found out (the store's mailbox state).
    static func estimate(messages: Int, configuration: CPDBotConfiguration, learned: Bool? = nil, deadline: CivilDate,
                         start: Date) -> AnnouncementPace? {
        let smtp = configuration.smtp
        guard messages > 0, smtp.maxMessagesPerMinute > 0 || smtp.maxRecipientsPerDay > 0 else { return nil }
        let zone = configuration.bot.timeZone
        let limits = SendPacer.Limits(messagesPerMinute: smtp.maxMessagesPerMinute, recipientsPerDay: smtp.maxRecipientsPerDay,
                                      timeZone: zone)
        // Each announcement has one recipient, and the bot's own copy unless the server keeps its own.
        let savesSent = smtp.serverSavesSent == .yes || (smtp.serverSavesSent == .auto && learned == true)
        let recipientsEach = savesSent ? 1 : 2
        let finish = SendPacer.estimatedFinish(messages: messages, recipientsEach: recipientsEach, limits: limits, start: start)
        return AnnouncementPace(finish: finish, duration: finish.timeIntervalSince(start),
                                missesDeadline: CivilDate(finish, in: zone) > deadline, timeZone: zone)
    }

    /// The university's zone, in which `finish` is read.
    public var timeZone: TimeZone

    /// `finish` as people at the university read it: `25.11.2026 14:05`.
    public var finishText: String { LocalTime(finish, in: timeZone).dotted }

    /// Whole minutes, rounded up (at least 1).
    public var minutes: Int { max(1, Int((duration / 60).rounded(.up))) }

    /// The template's values: the duration as counts (hours and the minutes left over, worded
    /// with their nouns: "14 сағат 33 минут", "14 часов 33 минуты") and the finish as a moment
    /// the reader's language writes ("11 июля 2026 г., 00:33").
    var contextValues: [String: Any] {
        [
            "has_pace": true, "pace_hours": minutes / 60, "pace_minutes": minutes % 60, "pace_has_hours": minutes >= 60,
            "pace_has_minutes": minutes % 60 > 0, "pace_finish": MailTimestamp(finish, in: timeZone), "pace_misses_deadline": missesDeadline,
        ]
    }
}
