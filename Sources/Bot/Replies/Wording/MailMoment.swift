import Foundation
import Mustache
import Regulation
import Wording

/// A `MailTimestamp` in a template. `{{at}}` is the whole moment ("2026 жылғы 12 мамыр, сағат
/// 09:41", "12 мая 2026 г. в 09:41", "12 May 2026 at 09:41"); `{{at.short}}` leaves out the year
/// ("12 мамыр, сағат 09:41"), for lists of one day's mail; `{{at.clock}}` is the time of day alone.
struct MailMoment: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let moment: MailTimestamp
    let language: WordingLanguage

    /// The day and time on the university's clock (`bot.time_zone`).
    private var parts: (day: CivilDate, hour: Int, minute: Int) {
        let local = LocalTime(moment.date, in: moment.timeZone)
        return (local.day, local.hour, local.minute)
    }

    var renderText: String {
        let (day, hour, minute) = parts
        return LongDate.text(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, language: language)
    }

    var isNull: Bool { false }
    var description: String { renderText }

    func child(named name: String) -> Any? {
        let (day, hour, minute) = parts
        switch name {
        case "short": return LongDate.dayAndMonth(month: day.month, day: day.day, hour: hour, minute: minute, language: language)
        case "clock": return LongDate.clock(hour: hour, minute: minute, language: language)
        default: return nil
        }
    }
}
