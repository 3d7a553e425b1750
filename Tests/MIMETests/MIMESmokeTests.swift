import Testing
@testable import MIME

@Suite struct MIMESmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
