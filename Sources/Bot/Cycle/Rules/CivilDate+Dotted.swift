import Foundation
import Regulation

extension CivilDate {
    /// DD.MM.YYYY, as people in Kazakhstan write dates in letters.
    var dotted: String {
        let iso = self.iso
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
