import Testing

/// All tests against the real sandbox, run one after another: they share one Dovecot, and the
/// memory test reads the process's peak RSS, which parallel tests would disturb.
@Suite(.serialized, .enabled(if: Sandbox.isConfigured, Sandbox.skipMessage))
struct MailIntegrationTests {}
