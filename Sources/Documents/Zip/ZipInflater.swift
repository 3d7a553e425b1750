#if canImport(CZlib)
import CZlib  // the zlib module map ZIPFoundation ships on Linux

/// Raw DEFLATE (RFC 1951) through zlib, fed exactly the member's compressed bytes and read out
/// in fixed chunks so the caller can count real output and stop at its limits.
enum ZipInflater {
    enum Outcome {
        case finished
        /// The consumer asked to stop (a limit was reached).
        case stopped
        case corrupt(String)
    }

    /// Inflates `input`, handing each produced chunk to `consume`; `consume` returns false to stop.
    static func inflate(_ input: ArraySlice<UInt8>, consume: (UnsafeBufferPointer<UInt8>) -> Bool) -> Outcome {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        return input.withUnsafeBufferPointer { source -> Outcome in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            return output.withUnsafeMutableBufferPointer { buffer -> Outcome in
                while true {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let before = stream.avail_in
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = buffer.count - Int(stream.avail_out)
                    if produced > 0, !consume(UnsafeBufferPointer(rebasing: buffer[0..<produced])) { return .stopped }
                    switch status {
                    case Z_STREAM_END:
                        return .finished
                    case Z_OK, Z_BUF_ERROR:
                        // No input left and no output made: the stream was cut short.
                        if produced == 0 && (stream.avail_in == 0 || stream.avail_in == before) {
                            return .corrupt("the compressed data ends early")
                        }
                    default:
                        return .corrupt("the compressed data is damaged (zlib \(status))")
                    }
                }
            }
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}
#endif

#if !canImport(CZlib)
import Foundation
import ZIPFoundation

/// Apple platforms: ZIPFoundation inflates with the Compression framework, bounded by `size`.
enum ZipInflater {
    enum Outcome {
        case finished
        case stopped
        case corrupt(String)
    }

    private struct Stop: Error {}

    static func inflate(_ input: ArraySlice<UInt8>, consume: (UnsafeBufferPointer<UInt8>) -> Bool) -> Outcome {
        let data = Data(input)
        do {
            _ = try Data.decompress(size: Int64(data.count), bufferSize: 64 * 1024, skipCRC32: true,
                                    provider: { position, size in
                                        data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                                    }, consumer: { chunk in
                                        let keepGoing = chunk.withUnsafeBytes { consume($0.bindMemory(to: UInt8.self)) }
                                        if !keepGoing { throw Stop() }
                                    })
            return .finished
        } catch is Stop {
            return .stopped
        } catch {
            return .corrupt("the compressed data is damaged (\(error))")
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 { Data(bytes).crc32(checksum: 0) }
}
#endif
