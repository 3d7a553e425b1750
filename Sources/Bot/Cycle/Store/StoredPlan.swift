public import Foundation
public import Regulation

/// Where a Plan stands: DSHR has seen the preview, has confirmed it, or it has gone to the staff.
public enum PlanState: String, Codable, Sendable {
    case previewed, confirmed, announced
}

/// A Plan as the store keeps it (`plans/<slot>/plan.json`), next to the file DSHR sent. The
/// file itself is the record: it is read again whenever the Plan is needed, so what staff get
/// is always what DSHR sent and saw in the preview.
public struct StoredPlan: Codable, Sendable, Equatable {
    /// `2026-2027` for a cycle's first Plan; `2026-2027.2`, `.3`… for supplements sent after
    /// an earlier Plan of the cycle was announced.
    public var slot: String
    /// The academic year the Plan is for.
    public var cycle: String
    /// Previewed, confirmed or announced.
    public var state: PlanState
    /// The attachment's name as DSHR sent it (shown, never used as a path).
    public var fileName: String
    /// The stored copy inside the slot folder (`plan.xlsx`, `plan.csv`…).
    public var storedFile: String
    /// Hex SHA-256 of the file, so that a resend of the same file is recognised.
    public var sha256: String
    /// The day the Plan was approved (the approval line's, else the day it arrived).
    public var approvalDate: CivilDate
    /// The approval line as written, when the message had one.
    public var approvalLine: String?
    /// §7.7: the staff learn the Plan by this day.
    public var deadline: CivilDate
    /// Who at DSHR sent it.
    public var from: String
    /// When it arrived.
    public var receivedAt: Date
    /// The preview mailed back to DSHR; a confirmation answers it.
    public var previewMessageID: String
    /// Who confirmed it.
    public var confirmedBy: String?
    /// When it was confirmed.
    public var confirmedAt: Date?
    /// When its announcements were queued.
    public var announcedAt: Date?

    enum CodingKeys: String, CodingKey {
        case slot, cycle, state, fileName = "file_name", storedFile = "stored_file", sha256
        case approvalDate = "approval_date", approvalLine = "approval_line", deadline, from
        case receivedAt = "received_at", previewMessageID = "preview_message_id", confirmedBy = "confirmed_by"
        case confirmedAt = "confirmed_at", announcedAt = "announced_at"
    }

    /// The key announcement purposes use: one announcement per person per slot.
    var announcementKey: String { slot }

    /// The outbox purpose of this Plan's announcement to `address` (`announce:<key>:<address>`).
    func announcementPurpose(to address: String) -> String { Self.announcementPrefix(key: announcementKey) + address.lowercased() }

    /// What the purpose of every announcement under `key` starts with.
    static func announcementPrefix(key: String) -> String { "announce:\(key):" }

    /// The announcement key of an outbox purpose; nil for a purpose that is not an announcement.
    static func announcementKey(ofPurpose purpose: String) -> String? {
        let parts = purpose.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "announce" else { return nil }
        return parts.dropFirst().dropLast().joined(separator: ":")
    }
}
