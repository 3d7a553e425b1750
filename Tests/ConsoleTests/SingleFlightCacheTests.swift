import Foundation
import Testing
@testable import Console

/// `SingleFlightCache`: one build per key and change, stale pages only while another request
/// makes the page again and only up to the bound. The clock is injected and the builds are held
/// with semaphores: nothing depends on how fast the machine is.
@Suite struct SingleFlightCacheTests {
    /// A clock the test sets.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: TimeInterval = 1_000
        var now: Date { lock.withLock { Date(timeIntervalSince1970: seconds) } }
        func set(_ value: TimeInterval) { lock.withLock { seconds = 1_000 + value } }
    }

    /// A build that signals when it has started and goes on only when released.
    final class HeldBuild: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        func run(_ value: String) -> String {
            started.signal()
            release.wait()
            return value
        }
    }

    /// Work on a thread of its own (not Swift's few cooperative threads, which the held builds
    /// would block); `value` waits for it.
    final class Background<T>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: T?
        init(_ work: @escaping @Sendable () -> T) {
            Thread { [self] in
                result = work()
                done.signal()
            }.start()
        }
        var value: T {
            done.wait()
            return result!
        }
    }

    let clock = Clock()
    var cache: SingleFlightCache<Int, String> { SingleFlightCache(capacity: 4, clock: { [clock] in clock.now }) }

    func value(_ cache: SingleFlightCache<Int, String>, version: Int, settled: Bool = true, maxStale: TimeInterval = 1,
               build: () throws -> String) rethrows -> String {
        try cache.value(key: "page", maxStale: maxStale, version: { (version, settled) }, keep: { !$0.isEmpty }, build: build)
    }

    @Test func aPageIsKeptWhileItsSettledVersionIsCurrentAndMadeAgainAfterAChange() {
        let cache = cache
        #expect(value(cache, version: 1) { "one" } == "one")
        clock.set(3_600)
        #expect(value(cache, version: 1) { "unexpected" } == "one")
        #expect(value(cache, version: 2) { "two" } == "two")
        #expect(cache.builds == 2)
    }

    @Test func aPageMadeWhileTheStoreWasUnsettledIsReusedOnlyUpToTheBound() {
        let cache = cache
        #expect(value(cache, version: 1, settled: false) { "early" } == "early")
        clock.set(0.5)
        #expect(value(cache, version: 1, settled: true) { "unexpected" } == "early")
        clock.set(2)
        #expect(value(cache, version: 1, settled: true) { "settled" } == "settled")
        clock.set(3_600)
        #expect(value(cache, version: 1, settled: true) { "unexpected" } == "settled")
        #expect(value(cache, version: 1, settled: true, maxStale: 0) { "unexpected" } == "settled")
        #expect(cache.builds == 2)
    }

    @Test func whileOneRequestMakesThePageAgainOthersGetThePreviousOneUpToTheBound() {
        let cache = cache
        _ = value(cache, version: 1) { "old" }
        clock.set(0.5)
        let held = HeldBuild()
        let builder = Background { [self] in value(cache, version: 2) { held.run("new") } }
        held.started.wait()
        // Made at 0, asked at 0.5 with a bound of 1 s: served without a second build.
        #expect(value(cache, version: 2) { "unexpected" } == "old")
        held.release.signal()
        #expect(builder.value == "new")
        #expect(value(cache, version: 2) { "unexpected" } == "new")
        #expect(cache.builds == 2)
    }

    @Test func aPreviousPageOlderThanTheBoundIsNotServedTheRequestGetsTheNewOne() {
        let cache = cache
        _ = value(cache, version: 1) { "old" }
        clock.set(5)
        let held = HeldBuild()
        let builder = Background { [self] in value(cache, version: 2) { held.run("new") } }
        held.started.wait()
        // Asked at 5 s, the kept page is from 0: this request waits for the build under way.
        let waiter = Background { [self] in value(cache, version: 2) { "unexpected" } }
        held.release.signal()
        #expect(builder.value == "new")
        #expect(waiter.value == "new")
        #expect(cache.builds == 2)
    }

    @Test func withNoStalenessAllowedRequestsShareTheBuildOfTheirOwnVersion() {
        let cache = cache
        _ = value(cache, version: 1, maxStale: 0) { "old" }
        clock.set(0.5)
        let held = HeldBuild()
        let builder = Background { [self] in value(cache, version: 2, maxStale: 0) { held.run("new") } }
        held.started.wait()
        let waiter = Background { [self] in value(cache, version: 2, maxStale: 0) { "unexpected" } }
        held.release.signal()
        #expect(builder.value == "new")
        #expect(waiter.value == "new")
        #expect(cache.builds == 2)
    }

    @Test func aFailedBuildOrAPageNotToKeepIsMadeAgainNextTime() {
        struct Failure: Error {}
        let cache = cache
        #expect(throws: Failure.self) { try value(cache, version: 1) { throw Failure() } }
        #expect(value(cache, version: 1) { "" } == "")
        #expect(value(cache, version: 1) { "page" } == "page")
        #expect(value(cache, version: 1) { "unexpected" } == "page")
        #expect(cache.builds == 3)
    }

    @Test func theOldestPageGoesWhenTheCacheIsFull() {
        let cache = cache
        for number in 0..<5 {
            clock.set(TimeInterval(number))
            _ = cache.value(key: "page\(number)", maxStale: 1, version: { (1, true) }, keep: { _ in true }) { "p\(number)" }
        }
        #expect(cache.value(key: "page4", maxStale: 1, version: { (1, true) }, keep: { _ in true }) { "again" } == "p4")
        #expect(cache.value(key: "page0", maxStale: 1, version: { (1, true) }, keep: { _ in true }) { "again" } == "again")
    }
}

/// `console.nice` and `console.workers`: the console's threads run at the configured nice value.
@Suite struct ConsoleWorkersTests {
    @Test func theWorkersRunAtTheConfiguredNiceValue() async {
        let workers = ConsoleWorkers(count: 2, nice: 7)
        defer { workers.stop() }
        let base = ThreadPriority.current()
        let seen = await workers.run { ThreadPriority.current() }
        // Raising needs no privilege; lowering does (a runner already above 7 may keep its value).
        #expect(seen == 7 || (base > 7 && seen == base))
        // The calling thread is not changed.
        #expect(ThreadPriority.current() == base)
    }

    @Test func everyJobIsRunWithTwoWorkers() async {
        let workers = ConsoleWorkers(count: 2, nice: 0)
        defer { workers.stop() }
        let sums = await withTaskGroup(of: Int.self) { group in
            for number in 1...50 { group.addTask { await workers.run { number } } }
            return await group.reduce(0, +)
        }
        #expect(sums == 1_275)
    }
}
