// libFuzzer target for the MIME parser. Build (lld: gold fails to link libFuzzer + ASan here) and run:
//   swift build --scratch-path .build/fuzz --product MIMEFuzz -c release \
//     --toolset Sources/MIMEFuzz/lld-toolset.json -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//   .build/fuzz/release/MIMEFuzz -max_total_time=60 -max_len=65536 CORPUS_DIR   (seed it with Tests/Fixtures/samples/emails)
// Without -DFUZZING it is a plain program that runs the same entry point over the files named
// on its command line (to replay a crash input under a debugger).
import Foundation
import FuzzHarness
import MIME

/// Everything a received message goes through: parse, then every reader the bot uses.
func exercise(_ bytes: [UInt8]) {
    let limits = MIMELimits(maxMessageBytes: 4 << 20, maxParts: 500, maxNestingDepth: 20, maxDecodedSize: 8 << 20)
    guard let message = try? MessageParser(limits: limits).parse(bytes) else { return }
    _ = MessageSummary.summarise(message, limits: limits)
    _ = message.readableText(limits: limits)
}

@main
enum MIMEFuzzMain {
    static func main() { FuzzHarness.run(exercise) }
}
