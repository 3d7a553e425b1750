public import ArgumentParser
public import Bot

extension LogFormat: ExpressibleByArgument {}
