public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify(3)'s datagram protocol): `READY=1` once
/// the mail loop runs, `STATUS=` lines that `systemctl status` shows, `WATCHDOG=1` from the
/// loop so that a hung loop is restarted (`WatchdogSec=`), `STOPPING=1` on the way out.
/// Without `NOTIFY_SOCKET` (not under systemd, `Type=simple`) every call does nothing.
public final class ServiceNotifier: Sendable {
    /// The socket path; `@name` is an abstract socket (a leading NUL on the wire).
    public let socketPath: String?
    /// How often the loop must ping, from `WATCHDOG_USEC` (half of it, as sd_watchdog_enabled(3)
    /// advises); nil without a watchdog.
    public let watchdogInterval: Duration?

    /// A notifier for the socket `NOTIFY_SOCKET` names and the interval `WATCHDOG_USEC` gives.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        // WATCHDOG_PID, when set, must be ours: a child must not ping for its parent.
        let forUs = environment["WATCHDOG_PID"].map { $0 == String(getpid()) } ?? true
        if forUs, let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 {
            watchdogInterval = .microseconds(microseconds / 2)
        } else {
            watchdogInterval = nil
        }
    }

    /// A notifier that does nothing.
    public static let none = ServiceNotifier(environment: [:])

    /// `READY=1`: the mail loop runs (for `Type=notify`).
    public func ready() { send("READY=1") }
    /// `STOPPING=1`: the service is shutting down.
    public func stopping() { send("STOPPING=1") }
    /// `WATCHDOG=1`: the loop is alive (`WatchdogSec=`).
    public func watchdog() { send("WATCHDOG=1") }
    /// One line for `systemctl status`, e.g. "polling", "sending 120/2000".
    public func status(_ text: String) {
        send("STATUS=" + text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// Sends one datagram; failures are ignored (systemd not listening must never stop the bot).
    /// Returns whether the datagram was sent, for tests.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath, let address = Self.address(socketPath) else { return false }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var storage = address.storage
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { buffer in
                    sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), socketAddress, address.length)
                }
            }
        }
        return sent == bytes.count
    }

    /// `sockaddr_un` for `path`: a file path, or `@name` for the abstract namespace. Nil when
    /// it does not fit (108 bytes) or is not a path systemd would give.
    static func address(_ path: String) -> (storage: sockaddr_un, length: socklen_t)? {
        var bytes = Array(path.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "@") else { return nil }
        let abstract = first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        // A file path needs its terminating NUL; an abstract name is exactly its bytes.
        guard bytes.count + (abstract ? 0 : 1) <= capacity else { return nil }
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let length = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1)
        return (storage, socklen_t(length))
    }
}
