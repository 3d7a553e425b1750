import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct IMAPFetchTests {
        struct ProcessingFailed: Error {}

        @Test func messageWhoseProcessingFailedStaysAndIsFetchedAgain() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1920@kazguu.kz"
            try sandbox.reset(user)
            do {
                let client = try sandbox.imap(user)
                for index in 1...3 { try client.append(TestMessage.make(id: "keep-\(index)@cpdbot.test"), to: "INBOX") }
                client.logout()
            }
            var processed: [UInt32] = []
            var all: [UInt32] = []
            do {
                let client = try sandbox.imap(user)
                try client.select("INBOX")
                all = try client.searchUIDs("ALL")
                #expect(all.count == 3)
                // The sink fails on the second message: fetch stops delivering, drains the
                // server's response and rethrows; nothing on the server changed.
                #expect(throws: ProcessingFailed.self) {
                    try client.fetch(uids: all) { message in
                        if message.uid == all[1] { throw ProcessingFailed() }
                        processed.append(message.uid)
                    }
                }
                #expect(processed == [all[0]])
                // Only the processed message is moved away; the session is still usable.
                try client.move(uids: processed, to: "Processed")
                client.logout()
            }
            let client = try sandbox.imap(user)
            defer { client.logout() }
            try client.select("INBOX")
            #expect(try client.searchUIDs("ALL") == Array(all.dropFirst()))
            var again: [FetchedMessage] = []
            try client.fetch(uids: 1...UInt32.max) { again.append($0) }
            #expect(again.map(\.uid) == Array(all.dropFirst()))
            #expect(again.allSatisfy { !$0.flags.contains("\\Seen") })
            #expect(again.first?.body == TestMessage.make(id: "keep-2@cpdbot.test"))
        }

        @Test func twoHundredMessagesWithA12MBOneOnOneLoginInBoundedMemory() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1921@kazguu.kz"
            try sandbox.reset(user)
            let bigSize = 12 * 1024 * 1024
            do {
                let client = try sandbox.imap(user)
                for index in 1...199 {
                    try client.append(TestMessage.make(id: "bulk-\(index)@cpdbot.test", bodyBytes: 4_000), to: "INBOX")
                    if index == 100 {
                        try client.append(TestMessage.make(id: "big@cpdbot.test", bodyBytes: bigSize), to: "INBOX")
                    }
                }
                client.logout()
            }
            let client = try sandbox.imap(user)
            defer { client.logout() }
            try client.select("INBOX")
            let uids = try client.searchUIDs("ALL")
            #expect(uids.count == 200)

            let baseline = try MemoryProbe.resetPeak()
            var count = 0
            var largest = 0
            var bigChecksum = 0
            try client.fetch(uids: uids) { message in
                count += 1
                let body = try #require(message.body)
                #expect(body.count == message.size)
                if body.count > largest { largest = body.count; bigChecksum = body.reduce(0) { $0 &+ Int($1) } }
            }
            let peak = try MemoryProbe.peak()
            #expect(count == 200)
            #expect(largest > bigSize)
            #expect(bigChecksum != 0)
            let growth = peak - baseline
            // One 12 MB body held once, plus buffers: well under three copies.
            #expect(growth < 3 * bigSize, "peak RSS grew by \(growth / 1024) KiB over \(baseline / 1024) KiB")
            print("fetch of 200 messages incl. 12 MB: peak RSS growth \(growth / 1024) KiB")
        }

        @Test func tooLargeMessageIsReportedNotDownloaded() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1922@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user, limits: IMAPLimits(maxMessageBytes: 100_000))
            defer { client.logout() }
            try client.append(TestMessage.make(id: "small@cpdbot.test", bodyBytes: 1_000), to: "INBOX")
            try client.append(TestMessage.make(id: "large@cpdbot.test", bodyBytes: 300_000), to: "INBOX")
            try client.append(TestMessage.make(id: "after@cpdbot.test", bodyBytes: 1_000), to: "INBOX")
            try client.select("INBOX")
            var contents: [FetchedMessage.Content] = []
            try client.fetch(uids: try client.searchUIDs("ALL")) { contents.append($0.content) }
            #expect(contents.count == 3)
            guard contents.count == 3 else { return }
            guard case .tooLarge(let size, let maximum) = contents[1] else { Issue.record("expected .tooLarge"); return }
            #expect(size > 300_000)
            #expect(maximum == 100_000)
            #expect(contents[2] == .complete(TestMessage.make(id: "after@cpdbot.test", bodyBytes: 1_000)))
        }
    }
}
