import Testing
@testable import TextEncoding

@Suite struct TextEncodingSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
