# Where the mail sandbox keeps its files, and its fixed ports. Sourced by scripts/mail-sandbox.
# shellcheck shell=bash

SANDBOX_IMAP_PORT=10143       # IMAP, STARTTLS
SANDBOX_IMAPS_PORT=10993      # IMAP over TLS
SANDBOX_MX_PORT=10025         # plain SMTP, the inbound MX for the sandbox's domains
SANDBOX_SUBMISSION_PORT=10587 # submission: STARTTLS + AUTH required
SANDBOX_TOKEN_PORT=10443      # the OAuth2 token endpoint, HTTPS
SANDBOX_HOST=127.0.0.1
SANDBOX_DOMAIN=kazguu.kz
SANDBOX_BOT=hr-intake@kazguu.kz
SANDBOX_DSHR=dshr@kazguu.kz
# Mailboxes that behave like the providers': Exchange Online's `Sent Items` filled by the
# server itself, and a personal namespace under `INBOX.` with `.` as separator.
SANDBOX_EXCHANGE=exchange@kazguu.kz
SANDBOX_NSBOX=nsbox@kazguu.kz
# Where Postfix sends the copy of what exchange@ submits: LMTP saves a +detail into that folder.
SANDBOX_EXCHANGE_SENT_COPY="exchange+Sent Items@kazguu.kz"
SANDBOX_STAFF_COUNT=2000
# Mail files belong to this unprivileged account: Dovecot refuses root as the mail uid.
SANDBOX_MAIL_USER=nobody
SANDBOX_MAIL_GROUP=nogroup

sandbox_set_paths() {
    local dir="${CPDBOT_SANDBOX_DIR:-$CPDBOT_ROOT/var/mail-sandbox}"
    mkdir -p "$dir"
    SANDBOX="$(cd "$dir" && pwd)"

    # What the project and its tests read: the password, the CA, the configs, the logs.
    SANDBOX_PASSWORD_FILE="$SANDBOX/password"
    SANDBOX_CA="$SANDBOX/ca.pem"
    SANDBOX_LOG="$SANDBOX/log"
    DOVECOT_CONF="$SANDBOX/dovecot/dovecot.conf"
    POSTFIX_CONF_DIR="$SANDBOX/postfix"
    # The token endpoint's keys and the clients' credentials (0700; every file 0600).
    SANDBOX_OAUTH="$SANDBOX/oauth"

    # What the daemons' unprivileged users (nobody, postfix, dovecot) must reach. Normally
    # inside the sandbox too; when a parent folder is closed to them (a clone under /root),
    # or the socket paths would pass the 108-byte limit of unix sockets, it moves to a
    # folder of its own under /var/tmp, named after the sandbox.
    SANDBOX_DATA="$SANDBOX"
    if ! sandbox_reachable_by_daemons "$SANDBOX" || ((${#SANDBOX} > 80)); then
        SANDBOX_DATA="/var/tmp/cpdbot-mail-sandbox-$(printf '%s' "$SANDBOX" | sha256sum | cut -c1-10)"
    fi
    SANDBOX_USERS="$SANDBOX_DATA/users"
    SANDBOX_MAIL="$SANDBOX_DATA/mail"
    SANDBOX_RUN="$SANDBOX_DATA/run"
    DOVECOT_STATE="$SANDBOX_DATA/dovecot-state"
    POSTFIX_QUEUE="$SANDBOX_DATA/postfix-queue"
    POSTFIX_DATA="$SANDBOX_DATA/postfix-data"
    DOVECOT_PID_FILE="$SANDBOX_RUN/master.pid"
    TOKEN_PID_FILE="$SANDBOX_RUN/token-endpoint.pid"
    TOKEN_VERSION_FILE="$SANDBOX_RUN/token-endpoint.version"
    # Dovecot's auth process (user dovecot) reads these: the oauth2 passdb's settings and the
    # token issuer's public key.
    DOVECOT_OAUTH2_CONF="$SANDBOX_DATA/dovecot-oauth2.conf.ext"
    DOVECOT_OAUTH2_KEYS="$SANDBOX_DATA/oauth2-keys"
    POSTFIX_PID_FILE="$POSTFIX_QUEUE/pid/master.pid"
}

# True when every folder on the path can be traversed by the daemons' unprivileged users.
sandbox_reachable_by_daemons() {
    local path="$1" user
    for user in "$SANDBOX_MAIL_USER" postfix dovecot; do
        id "$user" >/dev/null 2>&1 || continue # not installed yet: checked again after install
        setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups -- test -x "$path" \
            2>/dev/null || return 1
    done
}
