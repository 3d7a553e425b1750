public import Foundation

/// An access token and how long it lives. `description` never shows the token.
public struct IssuedToken: Sendable, Equatable, CustomStringConvertible {
    /// The token itself (RFC 6749 §5.1 `access_token`); never logged.
    public var value: String
    /// When the endpoint answered.
    public var issuedAt: Date
    /// `issuedAt` + `expires_in` (RFC 6749 §5.1).
    public var expiresAt: Date

    /// A token with its lifetime.
    public init(value: String, issuedAt: Date, expiresAt: Date) {
        self.value = value
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// Renewal starts 5 minutes before expiry, or a quarter of the lifetime before it for
    /// tokens that live less than 20 minutes (a 20-second token is renewed after 15 seconds).
    public var renewalDate: Date {
        let lifetime = max(0, expiresAt.timeIntervalSince(issuedAt))
        return expiresAt.addingTimeInterval(-min(300, lifetime / 4))
    }

    /// Says when the token expires, never the token.
    public var description: String { "access token (hidden) valid until \(expiresAt)" }
}

/// Reads a token endpoint's answer (RFC 6749 §5.1 and §5.2). Pure: status and body in.
enum TokenResponse {
    /// Tokens that do not say how long they live are taken to live this long (RFC 6749 leaves
    /// `expires_in` optional; Entra ID and Google always send it).
    static let assumedLifetime: TimeInterval = 3600
    /// Server texts quoted in messages are cut to this many characters.
    static let quotedCharacters = 300

    enum Outcome: Equatable {
        case token(IssuedToken)
        case refused(error: String, description: String?)
        case unusable(String)
    }

    static func read(status: Int, body: Data, receivedAt now: Date) -> Outcome {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            let excerpt = quoted(String(decoding: body.prefix(200), as: UTF8.self))
            return .unusable(body.isEmpty ? "an empty answer" : "not JSON: \(excerpt)")
        }
        if let error = object["error"] as? String {
            return .refused(error: quoted(error), description: (object["error_description"] as? String).map(quoted))
        }
        guard (200..<300).contains(status) else { return .unusable("no \"error\" in the answer") }
        guard let token = object["access_token"] as? String, !token.isEmpty else {
            return .unusable("no access_token in the answer")
        }
        if let type = object["token_type"] as? String, type.lowercased() != "bearer" {
            return .unusable("token_type is \(quoted(type)), not Bearer")
        }
        let lifetime: TimeInterval
        switch object["expires_in"] {
        case let number as NSNumber: lifetime = number.doubleValue
        case let text as String: lifetime = Double(text) ?? assumedLifetime
        default: lifetime = assumedLifetime
        }
        guard lifetime > 0 else { return .unusable("expires_in is not positive") }
        return .token(IssuedToken(value: token, issuedAt: now, expiresAt: now.addingTimeInterval(lifetime)))
    }

    /// The first line, without control characters, at most `quotedCharacters` long (Entra ID's
    /// descriptions go on with trace and correlation IDs).
    static func quoted(_ text: String) -> String {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let clean = String(firstLine.unicodeScalars.filter { !$0.properties.generalCategory.isControl }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return clean.count > quotedCharacters ? String(clean.prefix(quotedCharacters)) + "…" : clean
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool { self == .control || self == .format }
}
