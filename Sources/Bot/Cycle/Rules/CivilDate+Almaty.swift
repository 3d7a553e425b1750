import Foundation
import Regulation

extension CivilDate {
    /// The university's calendar day of `date` (UTC+5 all year since 2024).
    static func almaty(_ date: Date) -> CivilDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 5 * 3600
        return CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// DD.MM.YYYY, as people in Kazakhstan write dates in letters.
    var dotted: String {
        let iso = self.iso
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
