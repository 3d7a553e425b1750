public import Foundation

extension Outbox {
    /// Records that a message the server accepted came back undelivered (a delivery status
    /// notification, RFC 3464): it failed for good after all, so that a later confirmation may
    /// send it once more (`requeueFailed`). Only a sent message changes; a notification read a
    /// second time finds it failed already. Returns whether the entry changed.
    @discardableResult
    public func markReturned(messageID: String, reason: String, now: Date = Date()) throws -> Bool {
        var changed = false
        _ = try update(messageID) { entry in
            guard case .sent = entry.state else { return }
            entry.state = .failedPermanent(attempts: 1, reason: reason)
            entry.updatedAt = now
            changed = true
        }
        return changed
    }
}
