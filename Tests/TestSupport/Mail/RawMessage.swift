public import Foundation

/// Reading raw RFC 5322 bytes the simple way tests need: no MIME, no decoding.
public enum RawMessage {
    /// The value of the first header field called `name` (case-insensitive), unfolded and
    /// trimmed; nil when the header has no such field. Only the first 256 KiB are looked at.
    public static func header(_ name: String, in raw: Data) -> String? {
        let text = String(decoding: raw.prefix(256 * 1024), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? text
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        for line in unfolded.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
