#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as a `TextOutputStream` with its own buffer, for long output written piece
/// by piece (a 5,000-row validation record) instead of built whole in memory first.
/// Call `flush()` at the end.
struct StandardOutputStream: TextOutputStream {
    private var buffer: [UInt8] = []
    private let capacity = 64 * 1024

    init() { buffer.reserveCapacity(capacity) }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= capacity { flush() }
    }

    mutating func flush() {
        buffer.withUnsafeBytes(writeToStandardOutput)
        buffer.removeAll(keepingCapacity: true)
    }
}

private func writeToStandardOutput(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
        let written = write(STDOUT_FILENO, base + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return  // a closed pipe (`| head`): nothing more can be shown
        }
        offset += written
    }
}
