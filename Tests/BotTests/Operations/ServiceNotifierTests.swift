import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Bot

/// sd_notify's datagram protocol against a socket of our own, as systemd would listen.
@Suite struct ServiceNotifierTests {
    /// A bound datagram socket; `receive()` returns the next datagram (or nil after a second).
    final class Listener {
        let fd: Int32
        let path: String

        init(path: String) throws {
            self.path = path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            let (storage, length) = try #require(ServiceNotifier.address(path))
            var address = storage
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            try #require(bound == 0, "bind \(path): errno \(errno)")
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit {
            close(fd)
            if path.hasPrefix("/") { unlink(path) }
        }

        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }
    }

    @Test func messagesReachAFileSocket() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
        let listener = try Listener(path: path)
        let notifier = ServiceNotifier(environment: ["NOTIFY_SOCKET": path])
        notifier.ready()
        notifier.status("sending 120/2000")
        notifier.status("waiting: IMAP login failed\nsecond line, retry in 60 s")
        #expect(listener.receive() == "READY=1")
        #expect(listener.receive() == "STATUS=sending 120/2000")
        #expect(listener.receive() == "STATUS=waiting: IMAP login failed second line, retry in 60 s")
    }

    @Test func messagesReachAnAbstractSocket() throws {
        let name = "@cpdbot-test-\(UUID().uuidString.prefix(8))"
        let listener = try Listener(path: name)
        let notifier = ServiceNotifier(environment: ["NOTIFY_SOCKET": name, "WATCHDOG_USEC": "20000000"])
        #expect(notifier.watchdogInterval == .seconds(10))
        notifier.watchdog()
        #expect(listener.receive() == "WATCHDOG=1")
    }

    @Test func withoutNotifySocketNothingIsSent() {
        let notifier = ServiceNotifier(environment: [:])
        #expect(!notifier.send("READY=1"))
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func aWatchdogMeantForAnotherProcessIsIgnored() {
        let notifier = ServiceNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"])
        #expect(notifier.watchdogInterval == nil)
    }

    @Test(arguments: ["relative/path", "", String(repeating: "/a", count: 60)])
    func pathsSystemdWouldNeverGiveAreRefused(_ path: String) {
        #expect(ServiceNotifier.address(path) == nil)
    }
}
