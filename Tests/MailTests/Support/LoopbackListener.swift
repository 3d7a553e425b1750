import Foundation

/// A listening TCP socket on 127.0.0.1 with a port the kernel picks, for the small scripted
/// servers some tests need.
enum LoopbackListener {
    static func open() throws -> (socket: Int32, port: UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { close(listener); throw Sandbox.Unusable(description: "cannot listen on 127.0.0.1") }
        return (listener, UInt16(bigEndian: address.sin_port))
    }
}
