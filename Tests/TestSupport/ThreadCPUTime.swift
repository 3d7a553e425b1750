#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time spent by the calling thread, for tests that bound the *work* a hostile input costs
/// (linear, not quadratic). Wall-clock bounds fail on a busy machine (CI shares two cores with
/// the mail servers, developers run several builds at once); the thread's own CPU time does not
/// grow when other processes take the cores.
public enum ThreadCPUTime {
    /// The calling thread's CPU time so far.
    public static var now: Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    /// The CPU time `body` cost the calling thread. Work that `body` hands to other threads
    /// (a background inflater) is not counted: bound what this thread does.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, duration: Duration) {
        let started = now
        let result = try body()
        return (result, now - started)
    }
}
