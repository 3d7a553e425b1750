import Testing
@testable import Bot

@Suite struct BotSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
