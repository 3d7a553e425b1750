import ArgumentParser
import Bot
import Config
import Foundation

/// Options every command takes. Their defaults follow from where cpdbot is installed
/// (`InstallationLayout`): `/etc/cpdbot/cpdbot.yml` and `/usr/share/cpdbot/templates` for the
/// package, `config/cpdbot.yml` and `templates` for a binary run from a checkout.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (YAML). Every key can also be set as CPDBOT_<SECTION>_<KEY>.",
        discussion: "Default: /etc/cpdbot/cpdbot.yml when installed, config/cpdbot.yml in a checkout."))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder of message templates (one folder per language: kk, ru, en).",
        discussion: "Default: bot.templates_dir, else /usr/share/cpdbot/templates when installed, templates in a checkout."))
    var templates: String?

    @Option(name: .long, help: "Log lines as text (with journald priorities under systemd) or as JSON objects.")
    var logFormat: LogFormat = .text

    /// The configuration file to read; a missing default file means defaults and the environment.
    var configurationFile: String { config ?? InstallationLayout.current().configurationFile }
    var configurationFileWasNamed: Bool { config != nil }
    /// `--templates`, else `bot.templates_dir`, else the installation's.
    func templatesDirectory(_ configuration: CPDBotConfiguration) -> String {
        templates ?? configuration.templatesDirectory(layout: InstallationLayout.current())
    }

    /// policy.yml and holidays-kz.yml: `rules.*` of the configuration, else the installation's
    /// (the same files `cpdbot run` reads).
    func ruleFiles(_ configuration: CPDBotConfiguration) -> RuleFiles {
        configuration.ruleFiles(layout: InstallationLayout.current())
    }
}
