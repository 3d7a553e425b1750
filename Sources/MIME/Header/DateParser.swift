import CivilCalendar
import Foundation

/// Parses Date headers: RFC 5322 §3.3 plus the forms seen in real mail – no day name, 2-digit
/// years, zone names (GMT, UT, EST…), a missing zone (taken as UTC), "-0000", a trailing comment
/// "(+05)", dashes or dots as separators ("12-May-2026", "12.05.2026"), and ISO 8601.
public enum DateParser {
    /// The instant and offset of a Date header (RFC 5322 §3.3, obsolete forms of §4.3 included); nil when nothing date-like is found.
    public static func parse(_ text: String) -> MessageDate? {
        let cleaned = ParameterizedValue.stripComments(text).trimmingWhitespace()
        return parseISO(cleaned) ?? parseRFC(cleaned)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
        "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "msk": 3, "almt": 5, "qyzt": 5,
    ]

    private static func parseRFC(_ s: String) -> MessageDate? {
        let tokens = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "-" && false }).map(String.init)
        var day: Int?, month: Int?, year: Int?
        var h = 0, mi = 0, sec = 0
        var offset: Int?
        var sawTime = false
        for token in tokens {
            let lower = token.lowercased()
            if !sawTime, token.contains(":"), let t = time(token) {
                (h, mi, sec) = t; sawTime = true; continue
            }
            if day == nil, month == nil, token.contains("-") || token.contains(".") || token.contains("/") {
                // "12-May-2026", "12.05.2026", "12/05/2026" (day first)
                let parts = token.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map(String.init)
                if parts.count == 3, let d = Int(parts[0]) {
                    day = d
                    month = Int(parts[1]) ?? monthIndex(parts[1])
                    year = Int(parts[2]).map(fullYear)
                    continue
                }
            }
            if let m = monthIndex(lower) { month = m; continue }
            if (token.hasPrefix("+") || token.hasPrefix("-")), token.count == 5, let v = Int(token.dropFirst()) {
                let sign = token.hasPrefix("-") ? -1 : 1
                offset = sign * ((v / 100) * 3600 + (v % 100) * 60); continue
            }
            if let z = zones[lower] { offset = z * 3600; continue }
            if let n = Int(token) {
                if day == nil, n >= 1, n <= 31, token.count <= 2 { day = n } else if year == nil { year = fullYear(n) }
            }
        }
        guard let d = day, let m = month, let y = year, (1...12).contains(m), (1...31).contains(d),
              (0...23).contains(h), (0...59).contains(mi), (0...60).contains(sec) else { return nil }
        let off = offset ?? 0
        guard abs(off) <= 14 * 3600 else { return nil }
        let epoch = CivilCalendar.dayNumber(year: y, month: m, day: d) * 86_400 + h * 3600 + mi * 60 + min(sec, 59) - off
        return MessageDate(date: Date(timeIntervalSince1970: TimeInterval(epoch)), utcOffsetSeconds: off)
    }

    private static func parseISO(_ s: String) -> MessageDate? {
        // yyyy-mm-ddThh:mm[:ss][.fff](Z|±hh:mm)
        let u = Array(s.utf8)
        guard u.count >= 16, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ") else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? { Int(String(decoding: u[a..<b], as: UTF8.self)) }
        guard let y = num(0, 4), let m = num(5, 7), let d = num(8, 10), let h = num(11, 13), let mi = num(14, 16) else { return nil }
        var i = 16
        var sec = 0
        if i + 2 < u.count + 0, i < u.count, u[i] == UInt8(ascii: ":"), let s2 = num(i + 1, min(i + 3, u.count)) { sec = s2; i += 3 }
        while i < u.count, u[i] == UInt8(ascii: ".") || (u[i] >= 48 && u[i] <= 57) { i += 1 }
        var off = 0
        if i < u.count {
            let rest = String(decoding: u[i...], as: UTF8.self).trimmingWhitespace()
            if rest == "Z" || rest.isEmpty { off = 0 } else {
                let sign = rest.hasPrefix("-") ? -1 : 1
                let digits = rest.dropFirst().filter(\.isNumber)
                guard digits.count == 4, let v = Int(digits) else { return nil }
                off = sign * ((v / 100) * 3600 + (v % 100) * 60)
            }
        }
        guard (1...12).contains(m), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi) else { return nil }
        let epoch = CivilCalendar.dayNumber(year: y, month: m, day: d) * 86_400 + h * 3600 + mi * 60 + min(sec, 59) - off
        return MessageDate(date: Date(timeIntervalSince1970: TimeInterval(epoch)), utcOffsetSeconds: off)
    }

    private static func time(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":").map { Int($0) }
        guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        return (parts[0] ?? 0, parts[1] ?? 0, parts.count == 3 ? (parts[2] ?? 0) : 0)
    }

    private static func monthIndex(_ s: String) -> Int? {
        let p = s.lowercased().prefix(3)
        return months.firstIndex(of: String(p)).map { $0 + 1 }
    }

    /// RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900.
    private static func fullYear(_ n: Int) -> Int {
        if n < 50 { return 2000 + n }
        if n < 1000 { return 1900 + n }
        return n
    }
}
