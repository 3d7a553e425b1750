import Foundation

/// A parsed server response (RFC 9051 §7): only what the client acts on is typed; everything
/// else is kept as `.other` so an unexpected response never breaks a session.
enum IMAPResponse: Sendable, Equatable {
    /// `+ text`: the server waits for a literal or for IDLE's DONE.
    case continuation(String)
    case tagged(tag: String, StatusResponse)
    case untagged(Untagged)
}

enum Untagged: Sendable, Equatable {
    /// `* OK/NO/BAD/BYE/PREAUTH [code] text`
    case status(StatusResponse)
    case capability(Set<String>)
    case exists(UInt32)
    case recent(UInt32)
    case expunge(UInt32)
    case fetch(sequence: UInt32, FetchAttributes)
    case search([UInt32])
    case flags([String])
    case other(name: String, values: [IMAPValue])
}

struct StatusResponse: Sendable, Equatable {
    enum Status: String, Sendable { case ok = "OK", no = "NO", bad = "BAD", bye = "BYE", preauth = "PREAUTH" }

    var status: Status
    var code: ResponseCode?
    var text: String

    /// "NO [TRYCREATE] Mailbox doesn't exist" – how errors quote the server.
    var summary: String {
        var parts = [status.rawValue]
        if let code { parts.append("[\(code.name)]") }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }
}

/// `[NAME args]` after a status (RFC 9051 §7.1).
struct ResponseCode: Sendable, Equatable {
    var name: String
    var values: [IMAPValue]

    var number: UInt32? { values.first?.uid }

    /// `[APPENDUID uidvalidity uid]` (RFC 4315).
    var appendedUID: UInt32? {
        guard name == "APPENDUID", values.count >= 2 else { return nil }
        return values[1].uid
    }
}

/// The FETCH items the client asks for (RFC 9051 §7.5.2).
struct FetchAttributes: Sendable, Equatable {
    var uid: UInt32?
    var size: Int?
    var flags: [String]?
    /// When the server took the message in (`INTERNALDATE`).
    var internalDate: Date?
    /// `BODY[HEADER.FIELDS (…)]`: a few header fields, so that a message too large to download
    /// can still be answered.
    var headerFields: RawResponse.Literal?
    /// BODY[] / BINARY[] of the whole message.
    var body: RawResponse.Literal?
}
