import Foundation
import Regulation

/// A moment as people in Almaty read it: `25.11.2026 14:05` (UTC+5 all year since 2024).
enum AlmatyTime {
    static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 5 * 3600
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let day = CivilDate.almaty(date)
        let hours = secondOfDay / 3600, minutes = secondOfDay % 3600 / 60
        return day.dotted + " " + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
