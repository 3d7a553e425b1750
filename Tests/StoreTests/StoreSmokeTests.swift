import Testing
@testable import Store

@Suite struct StoreSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
