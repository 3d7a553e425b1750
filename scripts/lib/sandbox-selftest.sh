# `mail-sandbox selftest`: proves the running sandbox does what clients rely on, with curl
# (the same libcurl the bot uses). Uses one generated staff mailbox and empties it afterwards.
# shellcheck shell=bash

SELFTEST_USER="staff${SANDBOX_STAFF_COUNT}@${SANDBOX_DOMAIN}"

# sandbox_curl USER CURL-ARGS…: the password goes through stdin (-K -), never argv.
sandbox_curl() {
    local user="$1"
    shift
    printf 'user = "%s:%s"\n' "$user" "$(<"$SANDBOX_PASSWORD_FILE")" |
        curl --silent --show-error --cacert "$SANDBOX_CA" -K - "$@"
}

selftest_check() {
    local what="$1"
    shift
    if "$@"; then
        printf '  ok    %s\n' "$what"
    else
        printf '  FAIL  %s\n' "$what"
        SELFTEST_FAILED=1
    fi
}

# expect_curl_code CODE COMMAND…: true when the command fails with that curl exit code.
expect_curl_code() {
    local expected="$1" code=0
    shift
    "$@" >/dev/null 2>&1 || code=$?
    [[ "$code" == "$expected" ]]
}

selftest_message() {
    printf 'From: %s\r\nTo: %s\r\nSubject: sandbox selftest\r\nMessage-ID: <%s@kazguu.kz>\r\n\r\nselftest %s\r\n' \
        "$SANDBOX_BOT" "$SELFTEST_USER" "$1" "$1"
}

inbox_count() {
    sandbox_curl "$SELFTEST_USER" "imaps://$SANDBOX_HOST:$SANDBOX_IMAPS_PORT/" -X 'STATUS INBOX (MESSAGES)' |
        tr -dc '0-9 ' | awk '{ print $NF }'
}

cmd_selftest() {
    sandbox_set_paths
    dovecot_running && postfix_running || die "the sandbox is not running: scripts/mail-sandbox up"
    SELFTEST_FAILED=0
    local id tmp submission mx imaps
    id="selftest-$(date +%s)-$$"
    tmp="$(mktemp)"
    selftest_message "$id" >"$tmp"
    submission="smtp://$SANDBOX_HOST:$SANDBOX_SUBMISSION_PORT/$SANDBOX_DOMAIN"
    mx="smtp://$SANDBOX_HOST:$SANDBOX_MX_PORT/example.org"
    imaps="imaps://$SANDBOX_HOST:$SANDBOX_IMAPS_PORT"
    cmd_reset "$SELFTEST_USER" >/dev/null

    selftest_check "submission $SANDBOX_SUBMISSION_PORT: STARTTLS + AUTH, to a sandbox user" \
        sandbox_curl "$SANDBOX_BOT" --ssl-reqd --url "$submission" --mail-from "$SANDBOX_BOT" \
        --mail-rcpt "$SELFTEST_USER" --upload-file "$tmp"
    selftest_check "submission: unknown user refused at RCPT (550 5.1.1, curl 55)" \
        expect_curl_code 55 sandbox_curl "$SANDBOX_BOT" --ssl-reqd --url "$submission" \
        --mail-from "$SANDBOX_BOT" --mail-rcpt "no.such.user@$SANDBOX_DOMAIN" --upload-file "$tmp"
    selftest_check "submission: another domain refused (curl 55)" \
        expect_curl_code 55 sandbox_curl "$SANDBOX_BOT" --ssl-reqd --url "$submission" \
        --mail-from "$SANDBOX_BOT" --mail-rcpt "someone@example.org" --upload-file "$tmp"
    selftest_check "submission: no AUTH refused (curl 55)" \
        expect_curl_code 55 curl --silent --ssl-reqd --cacert "$SANDBOX_CA" --url "$submission" \
        --mail-from "$SANDBOX_BOT" --mail-rcpt "$SELFTEST_USER" --upload-file "$tmp"
    selftest_check "MX $SANDBOX_MX_PORT: mail from outside accepted without AUTH" \
        curl --silent --show-error --url "$mx" --mail-from "someone@example.org" \
        --mail-rcpt "$SELFTEST_USER" --upload-file "$tmp"
    selftest_check "both messages delivered over LMTP into the INBOX" \
        wait_until 10 test_inbox_count 2
    selftest_check "IMAPS $SANDBOX_IMAPS_PORT: the message reads back with its Message-ID" \
        test_fetch_contains "$imaps/INBOX;MAILINDEX=1" "Message-ID: <$id@kazguu.kz>"
    selftest_check "IMAP $SANDBOX_IMAP_PORT: login after STARTTLS" \
        sandbox_curl "$SELFTEST_USER" --ssl-reqd --output /dev/null "imap://$SANDBOX_HOST:$SANDBOX_IMAP_PORT/"
    selftest_check "IMAPS: a wrong password is refused (curl 67)" \
        expect_curl_code 67 curl --silent --cacert "$SANDBOX_CA" --user "$SELFTEST_USER:wrong-password" "$imaps/"
    selftest_check "IMAPS: a client without the sandbox CA is refused (curl 60)" \
        expect_curl_code 60 curl --silent --user "$SELFTEST_USER:x" "$imaps/"

    rm -f "$tmp"
    cmd_reset "$SELFTEST_USER" >/dev/null
    ((SELFTEST_FAILED == 0)) || die "selftest failed; see $SANDBOX_LOG"
    say "selftest passed"
}

test_inbox_count() { [[ "$(inbox_count)" == "$1" ]]; }

test_fetch_contains() {
    sandbox_curl "$SELFTEST_USER" "$1" | tr -d '\r' | grep -q -F -- "$2"
}
