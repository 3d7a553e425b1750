# The sandbox's mail users: the roster, the bot, DSHR and generated staff.
# shellcheck shell=bash

SANDBOX_ROSTER="$CPDBOT_ROOT/Tests/Fixtures/samples/roster.csv"

# Every address, lower case, one a line, without duplicates.
sandbox_addresses() {
    {
        printf '%s\n' "$SANDBOX_BOT" "$SANDBOX_DSHR" "$SANDBOX_EXCHANGE" "$SANDBOX_NSBOX"
        if [[ -r "$SANDBOX_ROSTER" ]]; then
            # The e-mail column is found by its header name, not its position.
            awk -F',' '
                NR == 1 { for (i = 1; i <= NF; i++) { h = tolower($i); gsub(/[" \r\357\273\277]/, "", h); if (h == "email") col = i }; next }
                col { a = tolower($col); gsub(/[" \r]/, "", a); if (a != "") print a }
            ' "$SANDBOX_ROSTER"
        fi
        seq -f "staff%04g@$SANDBOX_DOMAIN" 1 "$SANDBOX_STAFF_COUNT"
    } | awk '!seen[$0]++'
}

# Writes Dovecot's passwd-file (one shared SHA512-CRYPT hash) and Postfix's recipient and
# domain maps. Files are replaced only when their content changes; prints "changed" if so.
# The two provider-like mailboxes get userdb fields (passwd-file's last column) that swap
# the usual namespace for their own (see sandbox-dovecot.sh). One awk for 2,000 users: a
# bash loop took a second of every `up`.
sandbox_write_users() {
    local tmp changed=""
    tmp="$(mktemp -d)"
    # The hash is made once per password (openssl reads the password on stdin, never argv).
    local hash_file="$SANDBOX_DATA/password.hash"
    if [[ ! -s "$hash_file" || "$hash_file" -ot "$SANDBOX_PASSWORD_FILE" ]]; then
        (umask 077 && openssl passwd -6 -stdin <"$SANDBOX_PASSWORD_FILE" >"$hash_file")
    fi
    # Anything a passwd-file or a Postfix map could misread is left out, loudly.
    sandbox_addresses | HASH="$(<"$hash_file")" DIR="$tmp" SCRIPT="$CPDBOT_SCRIPT" \
        EXCHANGE="$SANDBOX_EXCHANGE" NSBOX="$SANDBOX_NSBOX" awk '
        !/^[a-z0-9._+-]+@[a-z0-9.-]+$/ {
            printf "%s: warning: skipping roster address '\''%s'\'': not a plain e-mail address\n", ENVIRON["SCRIPT"], $0 > "/dev/stderr"
            next
        }
        {
            fields = ""
            if ($0 == ENVIRON["EXCHANGE"]) fields = "userdb_namespace/inbox/disabled=yes userdb_namespace/exchange/disabled=no"
            if ($0 == ENVIRON["NSBOX"]) fields = "userdb_namespace/inbox/disabled=yes userdb_namespace/nsbox/disabled=no"
            printf "%s:{SHA512-CRYPT}%s::::::%s\n", $0, ENVIRON["HASH"], fields > (ENVIRON["DIR"] "/users")
            print $0 " OK" > (ENVIRON["DIR"] "/vmailbox")
            domain = $0
            sub(/.*@/, "", domain)
            if (!(domain in seen)) { seen[domain] = 1; print domain " OK" > (ENVIRON["DIR"] "/vdomains") }
        }'

    install_if_changed "$tmp/users" "$SANDBOX_USERS" 0640 root dovecot && changed=1
    install_if_changed "$tmp/vmailbox" "$POSTFIX_CONF_DIR/vmailbox" 0644 root root && changed=1
    install_if_changed "$tmp/vdomains" "$POSTFIX_CONF_DIR/vdomains" 0644 root root && changed=1
    rm -rf "$tmp"
    [[ -n "$changed" ]] && echo changed
    return 0
}

# install_if_changed NEW TARGET MODE OWNER GROUP: true when TARGET was (re)written.
# The file is backdated: Postfix re-reads a configuration file whose mtime is very recent
# for about two seconds at every start.
install_if_changed() {
    local new="$1" target="$2" mode="$3" owner="$4" group="$5"
    if [[ -f "$target" ]] && cmp -s "$new" "$target"; then
        chmod "$mode" "$target"
        return 1
    fi
    install -m "$mode" -o "$owner" -g "$group" "$new" "$target.tmp"
    touch -d '@'"$(($(date +%s) - 120))" "$target.tmp"
    mv -f "$target.tmp" "$target"
    return 0
}
