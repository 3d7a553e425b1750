public import Foundation

/// What becomes of a head's application: the cycle it counts for, the Message-ID it is
/// recorded under, and whether it replaces the unit's stored rows. Pure: the reading and what
/// the store holds for the unit in, the decision out; `MessageHandler` stores and answers.
public struct ApplicationDecision: Sendable, Equatable {
    /// The cycle the application counts for, and whether it is late (DESIGN.md "Application records").
    public var cycle: ApplicationCycle
    /// The message's Message-ID, or `sha256:<hash>` for a message without one.
    public var messageID: String
    /// False when the store holds a newer application of the unit: mail can arrive out of
    /// order, and an older message never replaces a newer one (it stays in the archive only).
    public var replacesStored: Bool

    /// A decision from its parts.
    public init(cycle: ApplicationCycle, messageID: String, replacesStored: Bool) {
        self.cycle = cycle
        self.messageID = messageID
        self.replacesStored = replacesStored
    }

    /// Decides for a message received at `receivedAt`. `stored` is the unit's current
    /// application in that cycle (when and in which message it came), nil when there is none.
    public init(receivedAt: Date, calendar: ApplicationCycle.Calendar = .init(), messageID: String?, hash: String,
                stored: (receivedAt: Date, messageID: String)?) {
        cycle = ApplicationCycle.of(receivedAt: receivedAt, calendar: calendar)
        let id = messageID ?? "sha256:\(hash)"
        self.messageID = id
        replacesStored = stored.map { !($0.receivedAt > receivedAt && $0.messageID != id) } ?? true
    }
}
