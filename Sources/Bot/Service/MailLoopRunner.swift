import Mail

/// What `BotService`'s loop asks of the work it repeats: a poll (the mailbox pass, then the
/// outbox), a wait for new mail, and dropping the connections after a failure. `BotRunner` is
/// the one in service; the seam lets tests drive the loop's retries, backoff and shutdown
/// against in-process mail fakes instead of servers.
protocol MailLoopRunner: AnyObject {
    /// One poll; `shouldStop` is asked between messages (thread-safe: sending threads ask it too).
    func poll(shouldStop: () -> Bool) throws -> BotRunner.PollReport
    /// Waits for new mail, at most `longest`; returns early when `waker` is woken.
    func waitForMail(waker: IdleWaker?, longest: Duration?) throws
    /// Drops the connections; the next poll connects again.
    func disconnect()
    /// Told during sending how many messages of the round are done, of how many.
    var onSendProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? { get set }
}

extension BotRunner: MailLoopRunner {}
