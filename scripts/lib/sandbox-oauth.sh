# The sandbox's OAuth2 side: the token endpoint (scripts/lib/sandbox-token-endpoint.py) and
# what Dovecot needs to check its tokens locally.
# shellcheck shell=bash

TOKEN_ENDPOINT="$LIB/sandbox-token-endpoint.py"
# Debian's interpreter, which has python3-jwt and python3-cryptography from apt, whatever
# python3 comes first on PATH (pyenv, a virtualenv).
TOKEN_PYTHON=/usr/bin/python3
# The process name the endpoint gives itself (/proc/PID/comm), checked before any signal.
TOKEN_PROCESS_NAME=cpdbot-token
# The key id in the tokens' header, under which Dovecot finds the issuer's public key.
TOKEN_KEY_ID=cpdbot-sandbox-1

# Makes what is missing under oauth/: the issuer's key, the clients' secret, certificate and
# service account, clients.json; and puts the issuer's public key where Dovecot looks.
sandbox_make_oauth_files() {
    local name
    # Python with its crypto takes half a second to start: only when something is missing.
    for name in issuer-key.pem client-secret client-cert.pem client-key.pem service-account.json \
        clients.json; do
        [[ -s "$SANDBOX_OAUTH/$name" ]] || break
    done
    if [[ -s "$SANDBOX_OAUTH/$name" && -s "$DOVECOT_OAUTH2_KEYS/default/RS256/$TOKEN_KEY_ID" ]]; then
        return 0
    fi
    install -d -m 0755 "$DOVECOT_OAUTH2_KEYS"
    "$TOKEN_PYTHON" "$TOKEN_ENDPOINT" init --oauth-dir "$SANDBOX_OAUTH" --port "$SANDBOX_TOKEN_PORT" \
        --validation-key-dir "$DOVECOT_OAUTH2_KEYS" --mailbox "$SANDBOX_BOT" \
        --mailbox "$SANDBOX_EXCHANGE" --mailbox "$SANDBOX_NSBOX" |
        while IFS= read -r line; do say "$line"; done
    # Run through sudo: the invoking user (who runs the bot and the tests) owns the clients'
    # credentials, as it owns the password.
    if [[ -n "${SUDO_UID:-}" ]]; then
        chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$SANDBOX_OAUTH"
    fi
}

# The oauth2 passdb's settings: local validation only (no HTTP from Dovecot), the key
# looked up as <azp or "default">/RS256/<kid> under the key folder, the user name from the
# token's `email` claim, which must equal the login name.
sandbox_write_dovecot_oauth2_conf() {
    local tmp
    tmp="$(mktemp)"
    cat >"$tmp" <<CONF
# Written by scripts/mail-sandbox; edits are overwritten at the next \`up\`.
introspection_mode = local
local_validation_key_dict = fs:posix:prefix=$DOVECOT_OAUTH2_KEYS/
issuers = https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/
username_attribute = email
username_format = %Lu
# The token endpoint checks scopes; its tokens carry no "active" claim.
active_attribute =
active_value =
CONF
    install_if_changed "$tmp" "$DOVECOT_OAUTH2_CONF" 0644 root root && echo changed
    rm -f "$tmp"
    return 0
}

token_endpoint_running() { live_pid "$TOKEN_PID_FILE" "$TOKEN_PROCESS_NAME" >/dev/null; }

# The endpoint's code, as started: `up` restarts an endpoint that runs older code.
token_endpoint_version() { sha256sum "$TOKEN_ENDPOINT" | cut -c1-16; }

token_endpoint_outdated() {
    [[ "$(cat "$TOKEN_VERSION_FILE" 2>/dev/null)" != "$(token_endpoint_version)" ]]
}

start_token_endpoint() {
    token_endpoint_version >"$TOKEN_VERSION_FILE"
    run_detached "$SANDBOX_LOG/daemons.log" "$TOKEN_PYTHON" "$TOKEN_ENDPOINT" serve \
        --oauth-dir "$SANDBOX_OAUTH" --host "$SANDBOX_HOST" --port "$SANDBOX_TOKEN_PORT" \
        --cert "$SANDBOX/server.pem" --key "$SANDBOX/server.key" \
        --log "$SANDBOX_LOG/token-endpoint.log" --pid-file "$TOKEN_PID_FILE" ||
        die "the token endpoint did not start; see $SANDBOX_LOG/daemons.log"
}
