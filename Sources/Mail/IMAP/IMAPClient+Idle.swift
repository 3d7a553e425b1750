import Foundation

extension IMAPClient {
    /// Waits up to `timeout` for new mail in the selected mailbox (RFC 2177 IDLE; a NOOP after
    /// the wait where the server lacks IDLE). Returns true when the server announced more
    /// messages than before. `waker.wake()` from another thread ends the wait early (false).
    public func idle(timeout: Duration, waker: IdleWaker? = nil) throws(MailError) -> Bool {
        _ = try requireSelected("IDLE")
        let before = connection.exists
        let wait = min(timeout, limits.maxIdle)
        guard capabilities.contains("IDLE") else {
            try sleep(wait, waker: waker)
            try noop()
            return connection.exists > before
        }
        let tag = connection.makeTag()
        try connection.write("\(tag) IDLE\r\n", step: "IDLE")
        var newMail = false
        var idling = false
        let deadline = ContinuousClock.now + wait
        waiting: while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if idling, remaining <= .zero { break }
            let outcome = try connection.read(
                timeout: idling ? remaining : nil, interruptFD: idling ? waker?.readFD : nil, step: "IDLE")
            switch outcome {
            case .timedOut, .interrupted: break waiting
            case .response(.continuation):
                idling = true
                if newMail { break waiting }
            case .response(.untagged(.exists(let count))) where count > before:
                newMail = true
                if idling { break waiting }
            case .response(.untagged(.recent(let count))) where count > 0:
                newMail = true
                if idling { break waiting }
            case .response(.tagged(let responseTag, let status)) where responseTag == tag:
                // The server ended IDLE by itself (or refused it).
                guard status.status == .ok else {
                    throw .commandFailed(server: server, command: "IDLE", reply: status.summary)
                }
                waker?.reset()
                return newMail
            case .response: continue
            }
        }
        try connection.write("DONE\r\n", step: "IDLE")
        while true {
            guard case .response(let response) = try connection.read(step: "IDLE") else { continue }
            if case .untagged(.exists(let count)) = response, count > before { newMail = true }
            if case .tagged(let responseTag, let status) = response, responseTag == tag {
                guard status.status == .ok else {
                    throw .commandFailed(server: server, command: "IDLE", reply: status.summary)
                }
                break
            }
        }
        waker?.reset()
        return newMail
    }

    /// Without IDLE: wait on the waker's pipe alone.
    private func sleep(_ duration: Duration, waker: IdleWaker?) throws(MailError) {
        var fds = [pollfd(fd: waker?.readFD ?? -1, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 1, Int32(clamping: duration.components.seconds * 1000))
        waker?.reset()
    }
}
