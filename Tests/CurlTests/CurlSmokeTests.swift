import Testing
@testable import Curl

@Suite struct CurlSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
