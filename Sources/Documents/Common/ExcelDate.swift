import CivilCalendar
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
            daysFromEpoch = CivilCalendar.dayNumber(year: 1904, month: 1, day: 1) + whole
        case .from1900:
            guard whole >= 1 else { return nil }
            // 1..59 count from 1899-12-31; 60 is the phantom 29 Feb (shown as 28 Feb here);
            // 61 and later count from 1899-12-30.
            if whole < 60 {
                daysFromEpoch = CivilCalendar.dayNumber(year: 1899, month: 12, day: 31) + whole
            } else if whole == 60 {
                daysFromEpoch = CivilCalendar.dayNumber(year: 1900, month: 2, day: 28)
            } else {
                daysFromEpoch = CivilCalendar.dayNumber(year: 1899, month: 12, day: 30) + whole
            }
        }
        return CivilCalendar.civil(fromDayNumber: daysFromEpoch)
    }
}
