import Foundation

/// The entry point the libFuzzer targets share (`MIMEFuzz`, `DocumentsFuzz`): each names only
/// what one input goes through. Built with `-DFUZZING` (and `-sanitize=fuzzer`), libFuzzer's
/// driver calls `exercise` with every input it makes; built without, the program replays the
/// files named on its command line, to rerun a crash input under a debugger.
public enum FuzzHarness {
    /// Runs `exercise` under libFuzzer (never returns) or over the named files, printing
    /// `ok <path>` after each.
    public static func run(_ exercise: @escaping @Sendable ([UInt8]) -> Void) {
        #if FUZZING
        target = exercise
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, { data, size in
            guard let data else { return 0 }
            FuzzHarness.target?(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                continue
            }
            exercise([UInt8](data))
            print("ok \(path)")
        }
        #endif
    }

    #if FUZZING
    // A C callback captures nothing, so the input's destination waits here; it is set once,
    // before the driver starts, and libFuzzer calls back on that one thread.
    nonisolated(unsafe) private static var target: (@Sendable ([UInt8]) -> Void)?
    #endif
}

#if FUZZING
// SwiftPM renames an executable's entry point (e.g. MIMEFuzz_main) so that libFuzzer's own main
// is never used; the documented alternative entry, LLVMFuzzerRunDriver, is called from ours
// instead. Only pointers and integers cross, which the Swift and C calling conventions pass alike.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
