/// Said out loud, as swift-corelibs-foundation's curl wrapper does: a libcurl easy handle must
/// not cross threads while in use (libcurl's thread-safety rules), so the compiler refuses to
/// send one, instead of merely not being told it may.
@available(*, unavailable)
extension EasyHandle: Sendable {}
