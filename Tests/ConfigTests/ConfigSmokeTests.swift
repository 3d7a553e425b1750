import Testing
@testable import Config

@Suite struct ConfigSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
