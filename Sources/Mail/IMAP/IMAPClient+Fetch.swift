import Foundation
import Logging

extension IMAPClient {
    /// Fetches the messages with these UIDs from the selected mailbox and hands each to `sink`
    /// as it arrives, in batches of `limits.fetchBatchSize` per `UID FETCH`.
    ///
    /// Uses `BODY.PEEK[]`, so nothing on the server changes: a message is "done" only when the
    /// caller moves or flags it. Each body is held once (read straight into one buffer of its
    /// announced size); messages over `limits.maxMessageBytes` arrive as `.tooLarge`.
    /// If `sink` throws, the rest of the batch is drained and the error rethrown.
    public func fetch(uids: [UInt32], into sink: (FetchedMessage) throws -> Void) throws {
        _ = try requireSelected("UID FETCH")
        let wanted = Set(uids)
        for set in IMAPSyntax.uidSets(uids, maximum: limits.fetchBatchSize) {
            try fetchBatch(set: set, accept: { wanted.contains($0) }, into: sink)
        }
    }

    /// Fetches every message whose UID lies in `uids` (no per-UID list is sent).
    public func fetch(uids: ClosedRange<UInt32>, into sink: (FetchedMessage) throws -> Void) throws {
        _ = try requireSelected("UID FETCH")
        // Only UIDs inside the range: "n:m" with n above every UID still returns the last message.
        try fetchBatch(set: "\(uids.lowerBound):\(uids.upperBound)", accept: { uids.contains($0) }, into: sink)
    }

    private func fetchBatch(set: String, accept: (UInt32) -> Bool, into sink: (FetchedMessage) throws -> Void) throws {
        let maximum = limits.maxMessageBytes
        let fields = FetchedMessage.headerFieldNames.joined(separator: " ")
        let command = IMAPCommand("UID FETCH \(set) (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (\(fields))] BODY.PEEK[])")
        logger.trace("IMAP command", metadata: ["command": "\(command.display)"])
        try connection.execute(command) { response in
            // Unsolicited FETCH (flag changes by another client) carries no body: skip it.
            guard case .fetch(_, let attributes) = response, let uid = attributes.uid, accept(uid),
                let body = attributes.body
            else { return }
            let content: FetchedMessage.Content
            switch body {
            case .data(let data): content = .complete(data)
            case .tooLarge(let size): content = .tooLarge(size: size, maximum: maximum)
            }
            let size = attributes.size ?? body.size
            try sink(FetchedMessage(uid: uid, size: size, flags: attributes.flags ?? [],
                                      internalDate: attributes.internalDate,
                                      headerFields: { if case .data(let data)? = attributes.headerFields { data } else { nil } }(),
                                      content: content))
        }
    }
}

extension RawResponse.Literal {
    var size: Int {
        switch self {
        case .data(let data): data.count
        case .tooLarge(let size): size
        }
    }
}
