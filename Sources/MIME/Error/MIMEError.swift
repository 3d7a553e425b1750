/// The one error type of the MIME module.
public enum MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configured limit was exceeded. `actual` may be a lower bound: parsing stops at the first byte past the limit.
    case limitExceeded(limit: MIMELimits.Name, actual: Int, maximum: Int)
    /// The input is not a message at all (empty, or no header field in it).
    case notAMessage(reason: String)
    /// A winmail.dat (TNEF) container could not be read.
    case unreadableTNEF(reason: String)

    /// What went wrong and which limit or part it concerns.
    public var description: String {
        switch self {
        case let .limitExceeded(limit, actual, maximum):
            return "the message exceeds the \(limit.rawValue) limit: \(actual) > \(maximum)"
        case let .notAMessage(reason):
            return "the input is not an e-mail message: \(reason)"
        case let .unreadableTNEF(reason):
            return "the winmail.dat (TNEF) attachment cannot be read: \(reason); ask the sender to send the file as an ordinary attachment"
        }
    }
}
