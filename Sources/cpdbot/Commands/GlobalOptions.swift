import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (YAML). Every key can also be set as CPDBOT_<SECTION>_<KEY>.")
    var config: String = "config/cpdbot.yml"

    @Option(name: .long, help: "The folder of message templates (one folder per language: kk, ru, en).")
    var templates: String = "templates"
}
