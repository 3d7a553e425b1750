import Testing
@testable import Regulation

@Suite struct RegulationSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
