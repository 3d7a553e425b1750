import CPDBotCommands

// The executable only starts the command line; every command lives in CPDBotCommands.
await CPDBotCommandLine.main()
