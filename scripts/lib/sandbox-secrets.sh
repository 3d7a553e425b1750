# The sandbox's CA, server certificate and password, made once at the first `up`.
# shellcheck shell=bash

# A private CA (ca.pem, for clients' --cacert / tls.ca_file) and a server certificate for
# 127.0.0.1 and localhost signed by it. Kept across restarts so that clients keep trusting it.
sandbox_make_certificates() {
    [[ -s "$SANDBOX_CA" && -s "$SANDBOX/server.pem" && -s "$SANDBOX/server.key" ]] && return 0
    say "creating a CA and a server certificate for 127.0.0.1/localhost ($SANDBOX_CA)"
    local tmp
    tmp="$(mktemp -d)"
    (
        umask 077
        openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
            -keyout "$tmp/ca.key" -out "$tmp/ca.pem" -days 3650 -sha256 \
            -subj "/O=cpdbot/CN=cpdbot mail sandbox CA" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign"
        openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
            -keyout "$tmp/server.key" -out "$tmp/server.csr" -subj "/O=cpdbot/CN=localhost"
        printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
            "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$tmp/ext"
        openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" \
            -CAcreateserial -out "$tmp/server.pem" -days 825 -sha256 -extfile "$tmp/ext"
    ) >"$tmp/openssl.log" 2>&1 || { cat "$tmp/openssl.log" >&2; rm -rf "$tmp"; die "openssl could not make the certificates"; }
    install -m 0600 "$tmp/ca.key" "$SANDBOX/ca.key"
    install -m 0644 "$tmp/ca.pem" "$SANDBOX_CA"
    install -m 0600 "$tmp/server.key" "$SANDBOX/server.key"
    install -m 0644 "$tmp/server.pem" "$SANDBOX/server.pem"
    rm -rf "$tmp"
}

# One password for every sandbox user, readable by its owner only; never echoed.
sandbox_make_password() {
    if [[ ! -s "$SANDBOX_PASSWORD_FILE" ]]; then
        say "generating the sandbox password into $SANDBOX_PASSWORD_FILE (mode 0600)"
        (
            umask 077
            # Letters and digits only: safe in URLs, YAML and shell without quoting.
            openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 24 >"$SANDBOX_PASSWORD_FILE.tmp"
        )
        mv "$SANDBOX_PASSWORD_FILE.tmp" "$SANDBOX_PASSWORD_FILE"
    fi
    chmod 0600 "$SANDBOX_PASSWORD_FILE"
    # Run through sudo: the invoking user (who runs the bot and the tests) owns it.
    if [[ -n "${SUDO_UID:-}" ]]; then
        chown "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$SANDBOX_PASSWORD_FILE"
    fi
}
