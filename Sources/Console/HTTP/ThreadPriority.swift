import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's nice value. Linux keeps one per thread (`setpriority(PRIO_PROCESS, 0)`
/// changes only the calling thread, unlike POSIX's per-process value), so the console's threads can run below the mail loop in the same
/// process (`console.nice`). Raising it needs no privilege; lowering it again does, so only
/// threads the console owns are niced.
enum ThreadPriority {
    /// Sets the calling thread's nice value; false (with `errno`) when the kernel refused.
    @discardableResult
    static func setCurrent(nice: Int) -> Bool {
        #if os(Linux)
        return setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Int32(nice)) == 0
        #else
        return false
        #endif
    }

    /// The calling thread's nice value as the kernel reports it.
    static func current() -> Int {
        #if os(Linux)
        return Int(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
        #else
        return 0
        #endif
    }

    /// Sets the nice value of every thread of the process (`/proc/self/task`); threads started
    /// later inherit it from the thread that starts them. For `cpdbot console` alone, where the
    /// whole process is the console. Returns how many threads were changed.
    @discardableResult
    static func setProcess(nice: Int) -> Int {
        #if os(Linux)
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap(id_t.init).filter {
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), $0, Int32(nice)) == 0
        }.count
        #else
        return 0
        #endif
    }
}
