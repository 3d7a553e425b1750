import Testing
@testable import Applications

@Suite struct ApplicationsSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
