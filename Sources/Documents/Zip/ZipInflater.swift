#if canImport(CZlib)
import CZlib  // the zlib module map ZIPFoundation ships on Linux

/// Raw DEFLATE (RFC 1951) through zlib, pulled a chunk at a time so the caller counts the real
/// output and can stop at its limits – or hand each chunk to a parser and never hold the whole.
final class ZipInflater {
    enum Step {
        /// `count` bytes were produced (possibly 0 while zlib consumed input).
        case produced(Int)
        case finished
        case corrupt(String)
    }

    private var stream = z_stream()
    private let input: [UInt8]
    private var inputOffset: Int
    private let inputEnd: Int
    private var scratch: UnsafeMutableBufferPointer<UInt8>
    private var isOpen = false

    /// Inflates `input[range]`. The array is shared (copy on write), not copied. `outputCap` is
    /// for the push-only fallback below; here the caller counts each chunk it pulls.
    init?(_ input: [UInt8], range: Range<Int>, chunkSize: Int = 64 * 1024, outputCap: Int = .max) {
        self.input = input
        inputOffset = range.lowerBound
        inputEnd = range.upperBound
        scratch = .allocate(capacity: max(1024, chunkSize))
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        isOpen = true
    }

    deinit {
        if isOpen { inflateEnd(&stream) }
        scratch.deallocate()
    }

    /// Produces the next chunk into the scratch buffer; read it with `withChunk` before the next call.
    func step() -> Step {
        if ended { return .finished }
        let remaining = inputEnd - inputOffset
        let status: Int32 = input.withUnsafeBufferPointer { source in
            // zlib reads next_in only during the call, so a pointer valid for the call is enough.
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + inputOffset })
            stream.avail_in = UInt32(clamping: remaining)
            stream.next_out = scratch.baseAddress
            stream.avail_out = UInt32(scratch.count)
            return CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        let consumed = Int(UInt32(clamping: remaining)) - Int(stream.avail_in)
        inputOffset += consumed
        let produced = scratch.count - Int(stream.avail_out)
        lastProduced = produced
        switch status {
        case Z_STREAM_END:
            ended = true
            return produced > 0 ? .produced(produced) : .finished
        case Z_OK, Z_BUF_ERROR:
            // Nothing consumed and nothing made: the stream was cut short.
            if produced == 0 && consumed == 0 { return .corrupt("the compressed data ends early") }
            return .produced(produced)
        default:
            return .corrupt("the compressed data is damaged (zlib \(status))")
        }
    }

    private var lastProduced = 0
    private var ended = false

    /// A copy of the bytes the last `step()` produced.
    func copyChunk() -> [UInt8] {
        Array(UnsafeBufferPointer(rebasing: scratch[0..<lastProduced]))
    }

    /// Runs `body` over the bytes the last `step()` produced.
    func withChunk<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(DocumentError) -> R) throws(DocumentError) -> R {
        try body(UnsafeBufferPointer(rebasing: scratch[0..<lastProduced]))
    }

    static func crc32(_ previous: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(CZlib.crc32(UInt(previous), bytes.baseAddress, UInt32(bytes.count)))
    }
}
#endif

#if !canImport(CZlib)
import Foundation
import ZIPFoundation

/// Apple platforms: ZIPFoundation inflates with the Compression framework. It only pushes, so
/// the member is inflated up front (bounded by `outputCap`) and then served chunk by chunk.
final class ZipInflater {
    enum Step {
        case produced(Int)
        case finished
        case corrupt(String)
    }

    private struct Stop: Error {}
    private var output: [UInt8] = []
    private var served = 0
    private var lastRange = 0..<0
    private var failure: String?
    private let chunkSize: Int

    init?(_ input: [UInt8], range: Range<Int>, chunkSize: Int = 64 * 1024, outputCap: Int = .max) {
        self.chunkSize = chunkSize
        let data = Data(input[range])
        do {
            _ = try Data.decompress(size: Int64(data.count), bufferSize: chunkSize, skipCRC32: true,
                                    provider: { position, size in
                                        data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                                    }, consumer: { [self] chunk in
                                        output.append(contentsOf: chunk)
                                        if output.count > outputCap { throw Stop() }
                                    })
        } catch is Stop {
        } catch {
            failure = "the compressed data is damaged (\(error))"
        }
    }

    func step() -> Step {
        if served == output.count {
            if let failure { return .corrupt(failure) }
            return .finished
        }
        let end = min(output.count, served + chunkSize)
        lastRange = served..<end
        served = end
        return .produced(lastRange.count)
    }

    func copyChunk() -> [UInt8] { Array(output[lastRange]) }

    func withChunk<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(DocumentError) -> R) throws(DocumentError) -> R {
        let slice = Array(output[lastRange])
        return try slice.withUnsafeBufferPointer { buffer throws(DocumentError) in try body(buffer) }
    }

    static func crc32(_ previous: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        Data(buffer: bytes).crc32(checksum: previous)
    }
}
#endif
