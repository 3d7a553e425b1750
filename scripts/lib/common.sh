# Shared helpers for the project's scripts. Sourced, never executed.
# shellcheck shell=bash

# The repository root, whichever directory the caller started in.
CPDBOT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CPDBOT_ROOT

# Debian packages the build, the tests and the mail sandbox need.
# curl/openssl/ca-certificates: the sandbox's certificates and the scripts' own checks.
# libcairo2-dev/libpango1.0-dev/libqrencode-dev draw the certificates; fonts-noto-core is their font.
CPDBOT_BUILD_PACKAGES=(libcurl4-openssl-dev libfreexl-dev libytnef0-dev libxlsxwriter-dev libisal-dev pkgconf
    libcairo2-dev libpango1.0-dev libqrencode-dev fonts-noto-core)
# What the tests read certificates and calendars with: pdftotext/pdftoppm, zbarimg, Python's icalendar.
CPDBOT_TEST_PACKAGES=(poppler-utils zbar-tools python3-icalendar)
# The console's browser test (scripts/console-browser-test): Chromium driven by Selenium.
CPDBOT_BROWSER_PACKAGES=(chromium chromium-driver python3-selenium fonts-dejavu-core fonts-noto-core)
# What the Swift toolchain (unpacked from swift.org) needs to compile and link on Debian 12.
CPDBOT_TOOLCHAIN_PACKAGES=(binutils gcc libc6-dev libstdc++-12-dev libncurses-dev libsqlite3-dev
    libxml2-dev libpython3-dev uuid-dev zlib1g-dev tzdata git)
# python3-jwt/python3-cryptography: the sandbox's OAuth2 token endpoint signs and checks JWTs.
CPDBOT_MAIL_PACKAGES=(dovecot-imapd dovecot-lmtpd postfix openssl curl ca-certificates
    python3 python3-jwt python3-cryptography)
# scripts/mail-gallery only (not CI): headless Chromium renders the mails to PNG, with fonts
# that have the Kazakh letters.
CPDBOT_GALLERY_PACKAGES=(chromium fonts-dejavu-core)
# The benchmark's peers and tools (scripts/bench): getmail6, openpyxl for the Python pipeline,
# /usr/bin/time for peak RSS, wrk for the console's pages; smtp-source comes with postfix.
CPDBOT_BENCH_PACKAGES=(getmail6 python3-openpyxl time wrk)
# scripts/package: dpkg-shlibdeps (the Depends: line), strip (binutils); systemd for
# systemd-analyze (verify and security of the units), adduser for the package's postinst.
CPDBOT_PACKAGING_PACKAGES=(dpkg-dev binutils systemd adduser)

say() { printf '%s: %s\n' "${CPDBOT_SCRIPT:-cpdbot}" "$*"; }
warn() { printf '%s: warning: %s\n' "${CPDBOT_SCRIPT:-cpdbot}" "$*" >&2; }
die() { printf '%s: %s\n' "${CPDBOT_SCRIPT:-cpdbot}" "$*" >&2; exit 2; }

# Installing packages and running the mail servers need root; say so plainly.
require_root() {
    if [[ ${EUID} -ne 0 ]]; then
        die "$1 needs root (run it as root, or: sudo $0 ${*:2})"
    fi
}

# Packages from the arguments that are not installed yet.
missing_packages() {
    # One dpkg-query for all of them (a second less for `mail-sandbox up` on a busy machine);
    # a package dpkg has never heard of is not in its answer, so is missing too.
    local -A installed=()
    local pkg status
    while read -r pkg status; do
        [[ "$status" == "installed" ]] && installed["${pkg%%:*}"]=1
    done < <(dpkg-query -W -f='${binary:Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
    for pkg in "$@"; do
        [[ -n "${installed[$pkg]:-}" ]] || printf '%s\n' "$pkg"
    done
}

# Installs what is missing, non-interactively; a no-op (milliseconds) when all is there.
ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    [[ ${#missing[@]} -eq 0 ]] && return 0
    require_root "installing ${missing[*]}" "$@"
    say "installing ${missing[*]}"
    # "No configuration": Postfix must not write /etc/postfix/main.cf or start a system MTA;
    # the sandbox brings its own configuration.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    export DEBIAN_FRONTEND=noninteractive
    # A fresh CI machine may still be running its own apt jobs: wait for the lock, not fail.
    local wait_for_lock=(-o DPkg::Lock::Timeout=300)
    apt-get "${wait_for_lock[@]}" update -qq </dev/null
    apt-get "${wait_for_lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

# Swift lives outside PATH on some machines (the official tarball unpacked in /opt/swift).
ensure_swift_on_path() {
    if ! command -v swift >/dev/null 2>&1; then
        local dir
        for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
            if [[ -x "$dir/swift" ]]; then
                PATH="$dir:$PATH"
                export PATH
                break
            fi
        done
    fi
    command -v swift >/dev/null 2>&1 ||
        die "swift not found: install Swift 6 from https://www.swift.org/install/linux/ (e.g. into /opt/swift)"
}
