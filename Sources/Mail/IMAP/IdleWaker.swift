import Foundation

/// Ends an `IMAPClient.idle` early from another thread (e.g. on SIGTERM), through a pipe the
/// idle wait polls together with the connection.
public final class IdleWaker: Sendable {
    let readFD: Int32
    private let writeFD: Int32

    /// A waker with its own pipe; throws when the process is out of file descriptors.
    public init() throws(MailError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw .invalidArgument("could not create the idle wake-up pipe: \(String(cString: strerror(errno)))")
        }
        readFD = fds[0]
        writeFD = fds[1]
        _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Safe from any thread; several calls before the wait ends count as one.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe so the next idle waits again.
    func reset() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }
}
