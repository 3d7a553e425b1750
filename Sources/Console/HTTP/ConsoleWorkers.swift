import Foundation

/// The threads that make the console's answers: `console.workers` of them, at nice value
/// `console.nice` (issue 17: twenty browsers without pause took a whole core from the bot's
/// intake, which ran at half speed). Reading the store blocks, so answers are made off the event
/// loop, as before on Dispatch's global threads – but those run at the bot's priority and as many
/// at once as there are requests. Here at most `count` answers are made at once, and the kernel
/// gives them CPU only as far as the mail loop leaves it. Threads start with the first job and
/// end when the console is released.
final class ConsoleWorkers: @unchecked Sendable {
    /// Threads that make answers at once.
    let count: Int
    /// Their nice value.
    let nice: Int

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var next = 0
    private var started = false
    private var isStopping = false

    /// `count` threads (at least one) at nice value `nice`.
    init(count: Int, nice: Int) {
        self.count = max(1, count)
        self.nice = nice
    }

    /// `work`'s value, made on one of the threads.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: work()) }
        }
    }

    /// Queues `job` for the next free thread.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        if !started {
            started = true
            for _ in 1...count {
                Thread { [self] in work() }.start()
            }
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the queue is empty.
    func stop() {
        condition.withLock {
            isStopping = true
            condition.broadcast()
        }
    }

    private func work() {
        // Set from the thread itself, at most 15 bytes on Linux (`top -H`, `ps -L` show it).
        Thread.current.name = "cpdbot-console"
        ThreadPriority.setCurrent(nice: nice)
        while true {
            condition.lock()
            while next == jobs.count && !isStopping { condition.wait() }
            if next == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            // The queue is emptied now and then, not shifted per job.
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job()
        }
    }
}
