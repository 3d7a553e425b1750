// libFuzzer target for the MIME parser. Build (lld: gold fails to link libFuzzer + ASan here) and run:
//   swift build --scratch-path .build/fuzz --product MIMEFuzz -c release \
//     --toolset Sources/MIMEFuzz/lld-toolset.json -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//   .build/fuzz/release/MIMEFuzz -max_total_time=60 -max_len=65536 CORPUS_DIR   (seed it with Tests/Fixtures/samples/emails)
// Without -DFUZZING it is a plain program that runs the same entry point over the files named
// on its command line (to replay a crash input under a debugger).
import Foundation
import MIME

/// Everything a received message goes through: parse, then every reader the bot uses.
func exercise(_ bytes: [UInt8]) {
    let limits = MIMELimits(maxMessageBytes: 4 << 20, maxParts: 500, maxNestingDepth: 20, maxDecodedSize: 8 << 20)
    guard let message = try? MessageParser(limits: limits).parse(bytes) else { return }
    _ = MessageSummary.summarise(message, limits: limits)
    _ = message.readableText(limits: limits)
}

#if FUZZING
/// The libFuzzer callback.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

// SwiftPM renames an executable's entry point (MIMEFuzz_main) so that libFuzzer's own main is
// never used; the documented alternative entry, LLVMFuzzerRunDriver, is called from ours instead.
// Only pointers and integers cross, which the Swift and C calling conventions pass alike.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum MIMEFuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, { data, size in fuzzOneInput(data, size) }))
    }
}
#else
@main
enum MIMEFuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                continue
            }
            exercise([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
