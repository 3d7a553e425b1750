/// The names an office container may hold. A reader that extracted members would write
/// `../../etc/cron.d/x`, `/etc/passwd`, `C:\Windows\…` where the name says; this one never
/// writes them, but a file built that way is not an office file made in good faith, and the
/// duplicate-name trick (two `xl/workbook.xml`, one for each reader) shows different content
/// to different programs. Either makes the whole file `unsafe_archive`.
enum ZipMemberName {
    /// Why `name` is unsafe, or nil.
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "an empty member name" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "a member name with a control character"
        }
        if name.hasPrefix("/") { return "an absolute member name" }
        if name.contains("\\") { return "a member name with a backslash path" }
        let bytes = Array(name.utf8)
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":"),
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0] & 0xDF) {
            return "a member name with a drive letter"
        }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "a member name that climbs out of the archive (..)"
        }
        return nil
    }

    /// A name as a detail may quote it: controls written as `\u{…}`.
    static func quoted(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return "\"" + out + "\""
    }
}
