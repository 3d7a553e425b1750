import Foundation

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// small, fast and the same on every platform, so a seed replays a random test exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `items` (not empty).
    public mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }
}

/// Where a random test's seed comes from, and how it is replayed: `CPDBOT_SEED=<n>` in the
/// environment wins over everything; otherwise a test's fixed seed, or a fresh one. The seed
/// is printed either way, with the line that replays it.
public enum TestSeed {
    /// The environment variable that replays a run: `CPDBOT_SEED=123 swift test --filter …`.
    public static let environmentVariable = "CPDBOT_SEED"

    /// The seed for the test `name` (printed). `fixed`: the seed the test uses when nothing
    /// is asked for (a deterministic test); nil draws a fresh one on every run.
    public static func seed(for name: String, fixed: UInt64? = nil) -> UInt64 {
        let requested = ProcessInfo.processInfo.environment[environmentVariable].flatMap { UInt64($0) }
        let seed = requested ?? fixed ?? UInt64.random(in: 1...UInt64.max)
        print("\(name): seed \(seed) (replay: \(environmentVariable)=\(seed))")
        return seed
    }

    /// A generator seeded by `seed(for:fixed:)`, and the seed for the failure messages.
    public static func generator(for name: String, fixed: UInt64? = nil) -> (generator: SplitMix64, seed: UInt64) {
        let seed = seed(for: name, fixed: fixed)
        return (SplitMix64(seed: seed), seed)
    }
}
