import ArgumentParser
import Bot

extension LogFormat: ExpressibleByArgument {}
