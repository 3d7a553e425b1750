/// Spreadsheet serial numbers to calendar dates.
enum ExcelDate {
    enum System: Sendable { case from1900, from1904 }

    /// The civil date of serial `serial` (the time of day is dropped), or nil when the serial is
    /// not a date Excel can show (negative, or past 9999-12-31).
    ///
    /// 1900 system: serial 1 is 1900-01-01 and Excel keeps Lotus 1-2-3's phantom 1900-02-29 as
    /// serial 60, so serials from 61 on are one day ahead of a true count. Serial 60 names a day
    /// that never existed; it is reported as 1900-02-28 (no application date is that old).
    /// 1904 system (old Mac workbooks, `date1904="1"`): serial 0 is 1904-01-01.
    static func date(serial: Double, system: System) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let daysFromEpoch: Int
        switch system {
        case .from1904:
            daysFromEpoch = daysFromCivil(1904, 1, 1) + whole
        case .from1900:
            guard whole >= 1 else { return nil }
            // 1..59 count from 1899-12-31; 60 is the phantom 29 Feb (shown as 28 Feb here);
            // 61 and later count from 1899-12-30.
            if whole < 60 {
                daysFromEpoch = daysFromCivil(1899, 12, 31) + whole
            } else if whole == 60 {
                daysFromEpoch = daysFromCivil(1900, 2, 28)
            } else {
                daysFromEpoch = daysFromCivil(1899, 12, 30) + whole
            }
        }
        return civil(fromDays: daysFromEpoch)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
