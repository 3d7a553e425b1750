import Foundation

/// The command lines the client sends (RFC 5321 §4.1.1), as bytes ready to write.
/// Addresses are checked by `isPlausibleAddress` before they get here.
enum SMTPCommand {
    static func ehlo(_ name: String) -> String { "EHLO \(name)\r\n" }

    /// `MAIL FROM:<a> SIZE=n SMTPUTF8`: SIZE (RFC 1870) lets the server refuse an oversized
    /// message before it is sent; SMTPUTF8 (RFC 6531) is needed for non-ASCII addresses.
    static func mailFrom(_ address: String, size: Int?, smtpUTF8: Bool) -> String {
        var line = "MAIL FROM:<\(address)>"
        if let size { line += " SIZE=\(size)" }
        if smtpUTF8 { line += " SMTPUTF8" }
        return line + "\r\n"
    }

    static func recipient(_ address: String) -> String { "RCPT TO:<\(address)>\r\n" }

    static let data = "DATA\r\n"
    static let reset = "RSET\r\n"
    static let quit = "QUIT\r\n"

    /// An address that can go between angle brackets: no controls, spaces or brackets, so it
    /// can never end the command line or add a command.
    static func isPlausibleAddress(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.count <= 320 && address.contains("@")
            && !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }

    /// The EHLO name from an `smtp://host:port/name` URL (what libcurl sends too); "localhost"
    /// when the path is empty or not a plain domain or address literal.
    static func ehloName(fromURL url: String) -> String {
        guard let slash = url.range(of: "://").flatMap({ url[$0.upperBound...].firstIndex(of: "/") }) else {
            return "localhost"
        }
        let name = url[url.index(after: slash)...].prefix { $0 != "?" && $0 != "#" }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-.[]:".unicodeScalars.contains($0)
        }
        return !name.isEmpty && name.count <= 255 && allowed ? String(name) : "localhost"
    }
}
