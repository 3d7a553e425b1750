import Testing
@testable import Mail

@Suite struct MailSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
