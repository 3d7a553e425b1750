import Foundation

/// Scheme, host and port of a mail server URL: what error messages name and what the
/// plaintext rule looks at.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// The schemes cpdbot connects with (RFC 9051 §2.1 / RFC 8314 for the implicit-TLS ones).
    public enum Scheme: String, Sendable, CaseIterable {
        case imap, imaps, smtp, smtps

        /// Implicit TLS from the first byte (imaps, smtps); the others need STARTTLS.
        public var isImplicitTLS: Bool { self == .imaps || self == .smtps }

        var defaultPort: Int {
            switch self {
            case .imap: 143
            case .imaps: 993
            case .smtp: 25
            case .smtps: 465
            }
        }
    }

    /// The URL's scheme.
    public var scheme: Scheme
    /// The host name or address, without brackets.
    public var host: String
    /// The port, or the scheme's default when the URL names none.
    public var port: Int

    /// Parses `imaps://host:port/…`; throws `.badURL` or `.protocolNotAllowed`.
    public init(url: String) throws(CurlError) {
        guard let components = URLComponents(string: url), let rawScheme = components.scheme,
            let host = components.host, !host.isEmpty
        else {
            throw CurlError(kind: .badURL, step: "read the server URL", server: url,
                            detail: "expected e.g. imaps://mail.example.org:993")
        }
        guard let scheme = Scheme(rawValue: rawScheme.lowercased()) else {
            throw CurlError(kind: .protocolNotAllowed, step: "read the server URL", server: url)
        }
        self.scheme = scheme
        // Brackets of an IPv6 literal are syntax, not part of the host; `description` adds them.
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = components.port ?? scheme.defaultPort
    }

    /// "127.0.0.1:10993" – how messages name the server.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// True for 127.0.0.0/8, ::1 and "localhost": traffic that never leaves the machine.
    public var isLoopback: Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else {
            return false
        }
        return octets[0] == "127"
    }
}
