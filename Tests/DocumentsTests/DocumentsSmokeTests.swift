import Testing
@testable import Documents

@Suite struct DocumentsSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
