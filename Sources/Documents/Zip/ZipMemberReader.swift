/// One archive member, read front to back a chunk at a time with every inflated byte counted.
///
/// The member's cap (its own size, and its ratio to the compressed size) and the archive's
/// total are checked before a chunk is handed out, so a bomb never grows a caller's buffer
/// past the limits; the checksum is verified when the member ends. A parser can consume the
/// chunks as they come (a 60 MB worksheet is never held whole) – `SafeArchive.member` is the
/// same reader drained into one array for the small parts.
final class ZipMemberReader: XMLByteSource {
    let name: String
    private let source: Source
    private let budget: InflatedBytes
    private let messageBudget: InflationBudget?
    private let memberCap: Int
    private let expectedCRC: UInt32
    private let fileName: String
    private let limits: DocumentLimits
    private let compressedSize: Int
    /// What the archive says the member inflates to: only a capacity hint.
    private let claimedSize: Int
    private var produced = 0
    private var crc: UInt32 = 0
    private var isFinished = false
    /// How far a stored (uncompressed) member has been read.
    private var storedOffset = 0

    private enum Source {
        case stored(bytes: [UInt8], range: Range<Int>)
        case deflated(ZipInflater)
        case inflatedAhead(BackgroundInflater)
    }

    /// The running total of inflated bytes over one archive.
    final class InflatedBytes {
        var total = 0
    }

    init(member: ZipDirectory.Member, bytes: [UInt8], dataRange: Range<Int>, budget: InflatedBytes,
         messageBudget: InflationBudget? = nil, fileName: String, limits: DocumentLimits) throws(DocumentError) {
        name = member.name
        self.budget = budget
        self.messageBudget = messageBudget
        self.fileName = fileName
        self.limits = limits
        expectedCRC = member.crc32
        compressedSize = max(1, member.compressedSize)
        claimedSize = member.claimedSize
        // Tiny members legitimately compress far better than the ratio cap (a run of spaces),
        // so the ratio only applies past a floor.
        let ratioCap = max(1 << 20, compressedSize.multipliedReportingOverflow(by: limits.maxCompressionRatio).partialValue)
        memberCap = min(limits.maxMemberBytes, ratioCap)
        switch member.method {
        case 0:
            source = .stored(bytes: bytes, range: dataRange)
            storedOffset = dataRange.lowerBound
        case 8:
            // Large members are inflated on a second core while the first one parses.
            let ahead = dataRange.count >= limits.inflateAheadMinBytes
            guard let inflater = ZipInflater(bytes, range: dataRange, chunkSize: ahead ? 256 * 1024 : 64 * 1024,
                                             outputCap: memberCap) else {
                throw DocumentError(.encryptedOrCorrupt, "\(fileName): zlib could not start to read member \(member.name).")
            }
            source = ahead ? .inflatedAhead(BackgroundInflater(inflater, cap: memberCap)) : .deflated(inflater)
        default:
            throw DocumentError(.unsupportedFormat,
                "\(fileName): member \(member.name) uses zip compression method \(member.method), which office "
                + "programs do not write. Save the file again from Excel, LibreOffice or Word.")
        }
    }

    deinit {
        // A parser that stopped early (an error, a limit) leaves the producer waiting for room.
        if case .inflatedAhead(let background) = source { background.cancel() }
    }

    /// Appends the member's next bytes (at least `atLeast` unless the member ends first) to
    /// `buffer`; returns how many were appended, 0 once the member is finished.
    func read(appendingTo buffer: inout [UInt8], atLeast: Int) throws(DocumentError) -> Int {
        var appended = 0
        while appended < max(1, atLeast), !isFinished {
            switch source {
            case .stored(let bytes, let range):
                let offset = storedOffset
                let end = min(range.upperBound, offset + max(atLeast - appended, 64 * 1024))
                guard offset < end else { try finish(); break }
                try count(end - offset)
                bytes.withUnsafeBufferPointer { all in
                    let chunk = UnsafeBufferPointer(rebasing: all[offset..<end])
                    crc = ZipInflater.crc32(crc, chunk)
                    buffer.append(contentsOf: chunk)
                }
                appended += end - offset
                storedOffset = end
            case .deflated(let inflater):
                switch inflater.step() {
                case .produced(let size):
                    guard size > 0 else { continue }
                    try count(size)
                    crc = try inflater.withChunk { chunk throws(DocumentError) in
                        buffer.append(contentsOf: chunk)
                        return ZipInflater.crc32(crc, chunk)
                    }
                    appended += size
                case .finished:
                    try finish()
                case .corrupt(let why):
                    throw corrupt(why)
                }
            case .inflatedAhead(let background):
                switch background.next() {
                case .chunk(let chunk):
                    try count(chunk.count)
                    chunk.withUnsafeBufferPointer { crc = ZipInflater.crc32(crc, $0) }
                    buffer.append(contentsOf: chunk)
                    appended += chunk.count
                case .finished:
                    try finish()
                case .corrupt(let why):
                    throw corrupt(why)
                }
            }
        }
        return appended
    }

    /// Every remaining byte of the member; more than `atMost` is refused as unsafe.
    func readAll(atMost: Int) throws(DocumentError) -> [UInt8] {
        var output: [UInt8] = []
        // The claimed size is only a capacity hint, bounded by the caps.
        output.reserveCapacity(min(claimedSize, memberCap + 1, atMost + 1))
        while try read(appendingTo: &output, atLeast: min(1 << 20, atMost + 1)) > 0 {
            if output.count > atMost {
                throw DocumentError(.unsafeArchive,
                    "\(fileName): member \(name) inflates to more than \(output.count) bytes, far more than such a part "
                    + "holds (maximum \(atMost), limits.max_xml_token_bytes). It was not unpacked.")
            }
        }
        return output
    }

    // Checked before the bytes are appended anywhere.
    private func count(_ size: Int) throws(DocumentError) {
        produced += size
        budget.total += size
        guard produced <= memberCap, budget.total <= limits.maxInflatedBytes else { throw bombError() }
        if let messageBudget, !messageBudget.spend(size) {
            throw DocumentError(.unsafeArchive,
                "\(fileName): the files of this message inflate to more than \(messageBudget.used) bytes together "
                + "(maximum \(messageBudget.maximum), limits.max_inflated_bytes_per_message). It was not unpacked.")
        }
    }

    private func finish() throws(DocumentError) {
        isFinished = true
        if case .inflatedAhead(let background) = source { background.cancel() }
        guard crc == expectedCRC else { throw corrupt("its checksum does not match") }
    }

    private func corrupt(_ why: String) -> DocumentError {
        DocumentError(.encryptedOrCorrupt, "\(fileName): member \(name) cannot be read (\(why)); the file is damaged.")
    }

    private func bombError() -> DocumentError {
        let reason: String
        if budget.total > limits.maxInflatedBytes {
            reason = "members inflate to more than \(budget.total) bytes in total (maximum \(limits.maxInflatedBytes), limits.max_inflated_bytes_per_file)"
        } else if produced > limits.maxMemberBytes {
            reason = "member \(name) inflates to more than \(produced) bytes (maximum \(limits.maxMemberBytes), limits.max_inflated_bytes_per_file)"
        } else {
            reason = "member \(name) inflates from \(compressedSize) to more than \(produced) bytes, "
                + "a ratio over \(produced / compressedSize):1 (maximum \(limits.maxCompressionRatio):1, limits.max_compression_ratio)"
        }
        return DocumentError(.unsafeArchive, "\(fileName) looks like a zip bomb: \(reason). It was not unpacked.")
    }
}
