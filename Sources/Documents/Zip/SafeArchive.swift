import Foundation
import ZIPFoundation

/// An office file's zip container, read in memory with every inflated byte counted.
///
/// ZIPFoundation trusts the sizes an archive claims; a zip bomb claims little and inflates to
/// gigabytes. So members are inflated chunk by chunk through `extract(_:consumer:)`, the real
/// bytes are counted, and reading stops as soon as one member, all members together, or one
/// member's compression ratio passes `DocumentLimits`. Nothing is ever written to disk, so
/// member names (even `../../etc/passwd`) are only looked up, never used as paths.
final class SafeArchive {
    private let archive: Archive
    private let limits: DocumentLimits
    private let fileName: String
    /// Member names in archive order (names that are not valid paths are kept as-is).
    let memberNames: [String]
    private var entriesByName: [String: Entry] = [:]
    private var inflatedTotal = 0

    /// Opens `bytes` as a zip archive; a missing central directory (truncated download) or a
    /// damaged header is `encrypted_or_corrupt`.
    init(bytes: [UInt8], fileName: String, limits: DocumentLimits) throws(DocumentError) {
        self.limits = limits
        self.fileName = fileName
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is not a complete zip container (\(error)); the file is probably "
                + "truncated or damaged. Save it again and resend it.")
        }
        var names: [String] = []
        var byName: [String: Entry] = [:]
        for entry in archive {
            guard names.count < limits.maxArchiveMembers else {
                throw DocumentError(.unsafeArchive,
                    "\(fileName) lists more than \(limits.maxArchiveMembers) members "
                    + "(maximum maxArchiveMembers = \(limits.maxArchiveMembers)); it was not unpacked.")
            }
            names.append(entry.path)
            // The first member of a name wins; duplicates are a trick, not an office file.
            if byName[entry.path] == nil { byName[entry.path] = entry }
        }
        memberNames = names
        entriesByName = byName
    }

    func contains(_ name: String) -> Bool { entriesByName[name] != nil }

    /// The inflated bytes of member `name`, or nil when the archive has no such member.
    func member(_ name: String) throws(DocumentError) -> [UInt8]? {
        guard let entry = entriesByName[name] else { return nil }
        return try inflate(entry)
    }

    private func inflate(_ entry: Entry) throws(DocumentError) -> [UInt8] {
        guard entry.type == .file else { return [] }
        let compressed = max(1, Int(clamping: entry.compressedSize))
        // Tiny members legitimately compress far better than the ratio cap (a run of spaces),
        // so the ratio only applies past a floor.
        let ratioCap = max(1 << 20, compressed.multipliedReportingOverflow(by: limits.maxCompressionRatio).partialValue)
        let memberCap = min(limits.maxMemberBytes, ratioCap)
        var output: [UInt8] = []
        // The claimed size is only a capacity hint (bounded by the cap, so a lie costs nothing
        // real: untouched reserved pages are not resident). It saves the copies of growing.
        output.reserveCapacity(min(Int(clamping: entry.uncompressedSize), memberCap + 1))
        var exceeded: DocumentError?
        let totalBefore = inflatedTotal
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                output.append(contentsOf: chunk)
                let total = totalBefore + output.count
                if output.count > memberCap || total > self.limits.maxInflatedBytes {
                    exceeded = self.bombError(entry: entry, inflated: output.count, total: total,
                                              compressed: compressed, memberCap: memberCap)
                    throw InflateStopped()
                }
            }
        } catch {
            if let exceeded { throw exceeded }
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName): member \(entry.path) cannot be inflated (\(error)); the file is damaged.")
        }
        inflatedTotal += output.count
        return output
    }

    private func bombError(entry: Entry, inflated: Int, total: Int, compressed: Int,
                           memberCap: Int) -> DocumentError {
        let reason: String
        if total > limits.maxInflatedBytes {
            reason = "members inflate to more than \(total) bytes in total (maximum \(limits.maxInflatedBytes))"
        } else if inflated > limits.maxMemberBytes {
            reason = "member \(entry.path) inflates to more than \(inflated) bytes (maximum \(limits.maxMemberBytes))"
        } else {
            reason = "member \(entry.path) inflates from \(compressed) to more than \(inflated) bytes, "
                + "a ratio over \(inflated / compressed):1 (maximum \(limits.maxCompressionRatio):1)"
        }
        return DocumentError(.unsafeArchive,
            "\(fileName) looks like a zip bomb: \(reason). It was not unpacked.")
    }
}

/// Thrown from the extract consumer to stop inflating; the real reason is kept aside.
private struct InflateStopped: Error {}
