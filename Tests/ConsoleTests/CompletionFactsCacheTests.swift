import Foundation
import Regulation
import Store
import Testing
@testable import Bot

/// `CompletionFactsCache`: the completion facts are worked out again only when the ledger, a
/// Plan or the day changed. The fixture's clock stands a minute after the files are written, so
/// they count as settled.
@Suite struct CompletionFactsCacheTests {
    @Test func theFactsAreWorkedOutAgainOnlyWhenTheLedgerAPlanOrTheDayChanged() throws {
        let fixture = try ConsoleFixture(now: Date().addingTimeInterval(60))
        defer { fixture.remove() }
        let cache = CompletionFactsCache()
        let facts = CompletionFacts(reimbursements: [.init(email: "staff.law@kazguu.kz", courseID: "C1", courseTitle: "Құқық",
                                                           amountKZT: 50_000)])
        func read() throws -> CompletionFacts { try cache.facts(environment: fixture.environment) { facts } }

        #expect(try read().reimbursements == facts.reimbursements)
        #expect(try read().reimbursements == facts.reimbursements)
        #expect(cache.computations == 1)
        // A journal line (any other change of the store) leaves them.
        try fixture.store.journal.append(JournalEvent(at: fixture.clock.now, event: .poll))
        _ = try read()
        #expect(cache.computations == 1)

        try fixture.store.trainingLedger.save(TrainingLedger())
        _ = try read()
        _ = try read()
        #expect(cache.computations == 2)

        try fixture.store.plans.save(["state": "previewed"], slot: "2026-2027-main")
        _ = try read()
        #expect(cache.computations == 3)

        fixture.clock.advance(86_400)
        _ = try read()
        #expect(cache.computations == 4)
    }
}
