public import MIME

/// One file a message carries, as the intake sees it: MIME attachments, files inside a
/// winmail.dat container, and attached messages (listed, never read as applications).
public struct IncomingFile: Sendable {
    /// What the file is to the intake.
    public enum Role: Sendable, Equatable {
        /// A file the sender attached: a candidate application.
        case attachment
        /// An inline image referenced by Content-ID (a signature logo): decoration.
        case inlineImage
        /// A message/rfc822 container; its own parts are listed separately.
        case forwardedMessage
        /// A winmail.dat container; the files inside are listed separately.
        case tnefContainer
    }

    /// The name as the sender gave it (shown, never used as a path).
    public var filename: String
    /// The effective MIME type.
    public var mimeType: String
    /// The decoded bytes; nil when the part is damaged (truncated base64) or could not be decoded.
    public var bytes: [UInt8]?
    /// What the file is to the intake.
    public var role: Role
    /// The file is inside an attached (forwarded) message.
    public var insideForwardedMessage: Bool
    /// Why the bytes could not be had, for the reply and the journal.
    public var problem: String?

    /// A packed file: an archive by its name, or a zip by its first bytes (an office document
    /// is a zip too, but it is read before this matters: only unreadable files are asked).
    public var isArchive: Bool {
        let lower = filename.lowercased()
        if [".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz"].contains(where: lower.hasSuffix) { return true }
        return bytes.map { $0.starts(with: [0x50, 0x4B, 0x03, 0x04]) } ?? false
    }

    /// A name that is a path, holds control characters or is over 255 bytes (routing's rule).
    public var hasHostileName: Bool { HostileFileName.isHostile(filename) }
}

extension IncomingFile {
    /// Every file of a parsed message in MIME order; TNEF members follow their container.
    public static func files(of message: ParsedMessage, limits: MIMELimits) -> [IncomingFile] {
        var files: [IncomingFile] = []
        for part in message.fileParts {
            let name = part.filename ?? ""
            let mimeType = part.effectiveMimeType
            if part.contentType.isMessage {
                files.append(IncomingFile(filename: name, mimeType: mimeType, bytes: nil, role: .forwardedMessage,
                                          insideForwardedMessage: part.insideForwardedMessage))
                continue
            }
            var file = IncomingFile(filename: name, mimeType: mimeType, bytes: nil,
                                    role: part.isInlineReferenced && mimeType.hasPrefix("image/") ? .inlineImage : .attachment,
                                    insideForwardedMessage: part.insideForwardedMessage)
            do {
                let decoded = try part.decodedBody(limits: limits)
                if let damage = decoded.damage {
                    file.problem = damage.rawValue
                } else {
                    file.bytes = decoded.bytes
                }
            } catch {
                file.problem = error.description
            }
            let isTNEF = mimeType == "application/ms-tnef" || name.lowercased() == "winmail.dat"
            guard isTNEF, let container = file.bytes else {
                files.append(file)
                continue
            }
            file.role = .tnefContainer
            files.append(file)
            do {
                for inner in try TNEFReader.files(in: container, limits: limits) {
                    files.append(IncomingFile(filename: inner.filename, mimeType: inner.mimeType, bytes: inner.bytes,
                                              role: .attachment, insideForwardedMessage: part.insideForwardedMessage))
                }
            } catch {
                files[files.count - 1].problem = error.description
            }
        }
        return files
    }
}
