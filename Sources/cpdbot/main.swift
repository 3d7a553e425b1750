import CPDBotCommands
#if canImport(Glibc)
import Glibc

// Two malloc arenas, not glibc's default of eight per core: the reading threads allocate a
// message's buffers and the handling thread frees them, and every extra arena keeps its own
// freed pages. Measured on the intake bench (1,000 mails): peak RSS 66.5–67.0 MB → 63.7–64.2 MB,
// no slower. Swift's Glibc module leaves out <malloc.h>, so mallopt is looked up by name;
// M_ARENA_MAX is -8 there.
if let symbol = dlsym(nil, "mallopt") {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 2)
}
#endif

// The executable only starts the command line; every command lives in CPDBotCommands.
await CPDBotCommandLine.main()
