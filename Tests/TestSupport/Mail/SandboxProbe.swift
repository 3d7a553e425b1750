#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the mail sandbox (scripts/mail-sandbox) is up in this network namespace: its IMAP
/// port answers on 127.0.0.1. A sandbox folder left behind by an earlier `up` is not a running
/// sandbox; without this the integration tests would fail instead of skipping when it is down.
public enum SandboxProbe {
    /// `SANDBOX_IMAP_PORT` of scripts/lib/sandbox-paths.sh.
    public static let imapPort: UInt16 = 10143

    /// True when something accepts a TCP connection on 127.0.0.1:`port` (loopback only).
    public static func isListening(port: UInt16 = imapPort) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
