import Foundation

/// Cuts the byte stream from an IMAP server into complete responses (RFC 9051 §2.2.2, §4.3).
///
/// Incremental: feed whatever `recv` returned, then pull responses. A literal's bytes go
/// straight from the input into one buffer reserved at its announced size, so a 12 MB message
/// is held once, never in the line buffer and never re-copied. Pure: no I/O.
struct ResponseFramer {
    struct Limits: Sendable, Equatable {
        /// Longest line (outside literals) accepted; a `UID SEARCH` of 100,000 UIDs is ~700 KB.
        var maxLineBytes = 8 * 1024 * 1024
        /// Literal bytes kept per response; a literal that would go past it is counted and
        /// skipped instead (a FETCH of BODY[] carries one literal; a hostile server sending
        /// many must not multiply the memory).
        var maxLiteralBytes = 64 * 1024 * 1024
    }

    enum FramingError: Error, Equatable {
        case lineTooLong(actual: Int, maximum: Int)
        case badLiteralSize(String)
    }

    let limits: Limits
    private var line: [UInt8] = []
    private var current = RawResponse()
    private var literal: (remaining: Int, size: Int, data: Data?)?
    private var ready: [RawResponse] = []
    private var readyIndex = 0

    init(limits: Limits = Limits()) { self.limits = limits }

    /// The next complete response, if one has been framed.
    mutating func next() -> RawResponse? {
        guard readyIndex < ready.count else { return nil }
        let response = ready[readyIndex]
        readyIndex += 1
        if readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
        }
        return response
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(FramingError) {
        var offset = 0
        while offset < bytes.count {
            if literal != nil {
                offset += consumeLiteral(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                continue
            }
            let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else {
                try appendToLine(rest)
                return
            }
            try appendToLine(UnsafeRawBufferPointer(rebasing: rest[..<newline]))
            offset += newline + 1
            try finishLine()
        }
    }

    mutating func append(_ bytes: [UInt8]) throws(FramingError) {
        var outcome: Result<Void, FramingError> = .success(())
        bytes.withUnsafeBytes { buffer in
            outcome = Result { () throws(FramingError) in try append(buffer) }
        }
        try outcome.get()
    }

    private mutating func appendToLine(_ bytes: UnsafeRawBufferPointer) throws(FramingError) {
        guard line.count + bytes.count <= limits.maxLineBytes else {
            throw .lineTooLong(actual: line.count + bytes.count, maximum: limits.maxLineBytes)
        }
        line.append(contentsOf: bytes)
    }

    /// A line ended (LF seen). If it announces a literal, switch to literal mode; else the
    /// response is complete.
    private mutating func finishLine() throws(FramingError) {
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        let announced = try Self.announcedLiteralSize(line)
        current.pieces.append(line)
        line.removeAll(keepingCapacity: true)
        guard let size = announced else {
            ready.append(current)
            current = RawResponse()
            return
        }
        let kept = current.literals.reduce(0) { total, literal in
            if case .data(let data) = literal { return total + data.count }
            return total
        }
        if size > limits.maxLiteralBytes - kept {
            literal = (size, size, nil)
        } else {
            var data = Data()
            data.reserveCapacity(size)
            literal = (size, size, data)
        }
        if size == 0 { completeLiteral() }
    }

    private mutating func consumeLiteral(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var state = literal else { return 0 }
        let count = min(state.remaining, bytes.count)
        // Move the buffer out of `literal` while appending so it stays uniquely referenced.
        literal = nil
        state.data?.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<count]))
        state.remaining -= count
        literal = state
        if state.remaining == 0 { completeLiteral() }
        return count
    }

    private mutating func completeLiteral() {
        guard let state = literal else { return }
        literal = nil
        current.literals.append(state.data.map { .data($0) } ?? .tooLarge(size: state.size))
    }

    /// `{123}`, `{123+}` (LITERAL+) or `~{123}` (literal8) at the end of a line.
    static func announcedLiteralSize(_ line: [UInt8]) throws(FramingError) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else {
            return nil
        }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") || digits.last == UInt8(ascii: "-") { digits = digits.dropLast() }
        guard !digits.isEmpty,
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            return nil  // "{…}" that is not a number: plain text (e.g. in a human-readable reply)
        }
        guard digits.count <= 18 else {
            throw .badLiteralSize(String(decoding: line.suffix(40), as: UTF8.self))
        }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
