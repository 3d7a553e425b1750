/// An office file's zip container, read in memory with every inflated byte counted.
///
/// A zip bomb claims little and inflates to gigabytes, so members are inflated chunk by chunk,
/// the real bytes are counted, and reading stops as soon as one member, all members together,
/// or one member's compression ratio passes `DocumentLimits`. The sizes the archive claims are
/// never trusted. Nothing is written to disk, so member names (even `../../etc/passwd`) are
/// only looked up, never used as paths.
final class SafeArchive {
    private let bytes: [UInt8]
    private let directory: ZipDirectory
    private let limits: DocumentLimits
    private let fileName: String
    private var byName: [String: ZipDirectory.Member] = [:]
    private var inflatedTotal = 0

    /// Member names in archive order.
    var memberNames: [String] { directory.members.map(\.name) }

    /// Opens `bytes` as a zip archive; a missing central directory (truncated download) or a
    /// damaged header is `encrypted_or_corrupt`.
    init(bytes: [UInt8], fileName: String, limits: DocumentLimits) throws(DocumentError) {
        self.bytes = bytes
        self.limits = limits
        self.fileName = fileName
        directory = try ZipDirectory(bytes: bytes, fileName: fileName, limits: limits)
        // The first member of a name wins; duplicate names are a trick, not an office file.
        for member in directory.members where byName[member.name] == nil { byName[member.name] = member }
    }

    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The inflated bytes of member `name`, or nil when the archive has no such member.
    func member(_ name: String) throws(DocumentError) -> [UInt8]? {
        guard let member = byName[name] else { return nil }
        return try inflate(member)
    }

    private func inflate(_ member: ZipDirectory.Member) throws(DocumentError) -> [UInt8] {
        if member.flags & 1 != 0 {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName): member \(member.name) is encrypted; remove the password and send the file again.")
        }
        guard let range = directory.dataRange(of: member, in: bytes) else {
            throw corrupt(member, "its data lies outside the file")
        }
        let compressed = max(1, member.compressedSize)
        // Tiny members legitimately compress far better than the ratio cap (a run of spaces),
        // so the ratio only applies past a floor.
        let ratioCap = max(1 << 20, compressed.multipliedReportingOverflow(by: limits.maxCompressionRatio).partialValue)
        let memberCap = min(limits.maxMemberBytes, ratioCap)
        var output: [UInt8] = []
        // The claimed size is only a capacity hint, bounded by the cap.
        output.reserveCapacity(min(member.claimedSize, memberCap + 1))

        switch member.method {
        case 0:  // stored
            guard range.count <= memberCap, inflatedTotal + range.count <= limits.maxInflatedBytes else {
                throw bombError(member, inflated: range.count, memberCap: memberCap)
            }
            output.append(contentsOf: bytes[range])
        case 8:  // deflate
            var seen = 0
            let outcome = ZipInflater.inflate(bytes[range]) { chunk in
                // Checked before appending, so a bomb never grows the buffer past the cap.
                seen = output.count + chunk.count
                guard seen <= memberCap, inflatedTotal + seen <= limits.maxInflatedBytes else { return false }
                output.append(contentsOf: chunk)
                return true
            }
            switch outcome {
            case .finished: break
            case .stopped: throw bombError(member, inflated: seen, memberCap: memberCap)
            case .corrupt(let why): throw corrupt(member, why)
            }
        default:
            throw DocumentError(.unsupportedFormat,
                "\(fileName): member \(member.name) uses zip compression method \(member.method), which office "
                + "programs do not write. Save the file again from Excel, LibreOffice or Word.")
        }
        guard ZipInflater.crc32(output) == member.crc32 else { throw corrupt(member, "its checksum does not match") }
        inflatedTotal += output.count
        return output
    }

    private func corrupt(_ member: ZipDirectory.Member, _ why: String) -> DocumentError {
        DocumentError(.encryptedOrCorrupt, "\(fileName): member \(member.name) cannot be read (\(why)); the file is damaged.")
    }

    private func bombError(_ member: ZipDirectory.Member, inflated: Int, memberCap: Int) -> DocumentError {
        let total = inflatedTotal + inflated
        let reason: String
        if total > limits.maxInflatedBytes {
            reason = "members inflate to more than \(total) bytes in total (maximum \(limits.maxInflatedBytes))"
        } else if inflated > limits.maxMemberBytes {
            reason = "member \(member.name) inflates to more than \(inflated) bytes (maximum \(limits.maxMemberBytes))"
        } else {
            let compressed = max(1, member.compressedSize)
            reason = "member \(member.name) inflates from \(compressed) to more than \(inflated) bytes, "
                + "a ratio over \(inflated / compressed):1 (maximum \(limits.maxCompressionRatio):1)"
        }
        return DocumentError(.unsafeArchive, "\(fileName) looks like a zip bomb: \(reason). It was not unpacked.")
    }
}
