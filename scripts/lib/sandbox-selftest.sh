# `mail-sandbox selftest`: proves the running sandbox does what clients rely on, with curl
# (the same libcurl the bot uses). Uses one generated staff mailbox and empties it afterwards.
# Secrets, assertions and tokens go to curl through stdin (-K -), never argv, and are kept in
# a private temporary folder removed at the end.
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
    dovecot_running && postfix_running && token_endpoint_running ||
        die "the sandbox is not running: scripts/mail-sandbox up"
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

    selftest_oauth "$tmp"
    selftest_special_mailboxes "$id"

    rm -f "$tmp"
    cmd_reset "$SELFTEST_USER" >/dev/null
    ((SELFTEST_FAILED == 0)) || die "selftest failed; see $SANDBOX_LOG"
    say "selftest passed"
}

test_inbox_count() { [[ "$(inbox_count)" == "$1" ]]; }

test_fetch_contains() {
    sandbox_curl "$SELFTEST_USER" "$1" | tr -d '\r' | grep -q -F -- "$2"
}

# The OAuth2 side: the three grants and a refusal at the token endpoint, then XOAUTH2 and
# OAUTHBEARER logins with the tokens at IMAP and submission, a token for another mailbox and
# an expired token refused.
selftest_oauth() {
    local message="$1" work token_url imaps submission started
    work="$(mktemp -d)" # mode 0700: the tokens stay private
    token_url="https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/kazguu-sandbox/oauth2/v2.0/token"
    imaps="imaps://$SANDBOX_HOST:$SANDBOX_IMAPS_PORT"
    submission="smtp://$SANDBOX_HOST:$SANDBOX_SUBMISSION_PORT/$SANDBOX_DOMAIN"

    # The short-lived token first: it has expired by the time the other checks are done.
    started="$EPOCHREALTIME"
    # Both signed assertions from one Python run (it takes a second to start on a busy machine).
    "$TOKEN_PYTHON" "$TOKEN_ENDPOINT" assertion --oauth-dir "$SANDBOX_OAUTH" --client-id cpdbot-cert \
        --kind cert --aud "$token_url" --kind service-account --sub "$SANDBOX_BOT" \
        --aud "https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/token" >"$work/assertions" || true
    { read -r CERT_ASSERTION && read -r SERVICE_ACCOUNT_ASSERTION; } <"$work/assertions" || true
    selftest_check "tokens: a token that lives 1 s (client cpdbot-short-lived)" \
        token_by_secret cpdbot-short-lived "$token_url" "$work/short"
    selftest_check "tokens: client_credentials with a client secret" \
        token_by_secret cpdbot-secret "$token_url" "$work/secret"
    selftest_check "tokens: client_credentials with the secret in HTTP Basic, at /token" \
        token_by_basic cpdbot-secret "https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/token" "$work/basic"
    selftest_check "tokens: client_credentials with a certificate (RS256 client assertion)" \
        token_by_certificate cpdbot-cert "$CERT_ASSERTION" "$token_url" "$work/cert"
    selftest_check "tokens: jwt-bearer with the service account, sub = $SANDBOX_BOT" \
        token_by_service_account "$SERVICE_ACCOUNT_ASSERTION" \
        "https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/token" "$work/google"
    selftest_check "tokens: a wrong secret refused: 401 invalid_client AADSTS7000215" \
        token_refused "$token_url" "$work/refusal" 401 invalid_client 7000215
    selftest_check "IMAPS: XOAUTH2 with the client-credentials token" \
        xoauth2_login imap "$SANDBOX_BOT" "$work/secret"
    selftest_check "IMAPS: OAUTHBEARER with the certificate client's token" \
        bearer_curl "$SANDBOX_BOT" "$work/cert" --output /dev/null "$imaps/INBOX"
    selftest_check "IMAP $SANDBOX_IMAP_PORT: OAUTHBEARER after STARTTLS with the service account's token" \
        bearer_curl "$SANDBOX_BOT" "$work/google" --ssl-reqd --output /dev/null \
        "imap://$SANDBOX_HOST:$SANDBOX_IMAP_PORT/INBOX"
    selftest_check "submission: XOAUTH2 with the client-credentials token" \
        xoauth2_login smtp "$SANDBOX_BOT" "$work/basic"
    selftest_check "submission: OAUTHBEARER, a message sent with the service account's token" \
        bearer_curl "$SANDBOX_BOT" "$work/google" --ssl-reqd --url "$submission" \
        --mail-from "$SANDBOX_BOT" --mail-rcpt "$SELFTEST_USER" --upload-file "$message"
    selftest_check "IMAPS: a token for $SANDBOX_BOT refused for $SANDBOX_DSHR (curl 67)" \
        expect_curl_code 67 bearer_curl "$SANDBOX_DSHR" "$work/secret" "$imaps/INBOX"
    selftest_check "submission: a token for $SANDBOX_BOT refused for $SANDBOX_DSHR (curl 67)" \
        expect_curl_code 67 bearer_curl "$SANDBOX_DSHR" "$work/secret" --ssl-reqd --url "$submission" \
        --mail-from "$SANDBOX_DSHR" --mail-rcpt "$SELFTEST_USER" --upload-file "$message"
    # Dovecot compares exp with whole seconds: 2 s after issue a 1 s token is past.
    local waited
    waited="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { w = 2.2 - (b - a); print (w > 0 ? w : 0) }')"
    sleep "$waited"
    selftest_check "IMAPS: an expired token refused (curl 67)" \
        expect_curl_code 67 bearer_curl "$SANDBOX_BOT" "$work/short" "$imaps/INBOX"
    selftest_check "submission: an expired token refused (curl 67)" \
        expect_curl_code 67 bearer_curl "$SANDBOX_BOT" "$work/short" --ssl-reqd --url "$submission" \
        --mail-from "$SANDBOX_BOT" --mail-rcpt "$SELFTEST_USER" --upload-file "$message"
    rm -rf "$work"
}

# token_post BODY-FILE URL: POSTs the form given as curl config lines on stdin (no secret in
# argv); prints the HTTP status.
token_post() {
    local body="$1" url="$2"
    curl --silent --show-error --cacert "$SANDBOX_CA" -K - --output "$body" \
        --write-out '%{http_code}' "$url"
}

# json_string FILE KEY: the value of a string member of the endpoint's one-line JSON answer
# (a JWT or an OAuth2 error name: nothing that needs unescaping). Shell, not Python, which
# takes a third of a second to start on a busy machine.
json_string() {
    local body
    body="$(<"$1")"
    [[ "$body" =~ \"$2\":\ *\"([^\"]*)\" ]] && printf '%s\n' "${BASH_REMATCH[1]}"
}

# save_token STATUS BODY TOKEN-FILE: true when the answer was 200 with a Bearer token.
save_token() {
    local status="$1" body="$2" file="$3"
    [[ "$status" == 200 && "$(json_string "$body" token_type)" == Bearer ]] || return 1
    json_string "$body" access_token >"$file"
}

token_by_secret() {
    local client="$1" url="$2" file="$3" status
    status="$(printf 'data = "grant_type=client_credentials"\ndata = "client_id=%s"\ndata-urlencode = "client_secret=%s"\ndata-urlencode = "scope=https://outlook.office365.com/.default"\n' \
        "$client" "$(<"$SANDBOX_OAUTH/client-secret")" | token_post "$file.json" "$url")"
    save_token "$status" "$file.json" "$file"
}

token_by_basic() {
    local client="$1" url="$2" file="$3" status
    status="$(printf 'user = "%s:%s"\ndata = "grant_type=client_credentials"\n' \
        "$client" "$(<"$SANDBOX_OAUTH/client-secret")" | token_post "$file.json" "$url")"
    save_token "$status" "$file.json" "$file"
}

token_by_certificate() {
    local client="$1" assertion="$2" url="$3" file="$4" status
    [[ -n "$assertion" ]] || return 1
    status="$(printf 'data = "grant_type=client_credentials"\ndata = "client_id=%s"\ndata = "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"\ndata = "client_assertion=%s"\ndata-urlencode = "scope=https://outlook.office365.com/.default"\n' \
        "$client" "$assertion" | token_post "$file.json" "$url")"
    save_token "$status" "$file.json" "$file"
}

token_by_service_account() {
    local assertion="$1" url="$2" file="$3" status
    [[ -n "$assertion" ]] || return 1
    status="$(printf 'data-urlencode = "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer"\ndata = "assertion=%s"\n' \
        "$assertion" | token_post "$file.json" "$url")"
    save_token "$status" "$file.json" "$file"
}

# token_refused URL FILE STATUS ERROR CODE: a wrong secret gets Entra's answer.
token_refused() {
    local url="$1" file="$2" status
    status="$(printf 'data = "grant_type=client_credentials"\ndata = "client_id=cpdbot-secret"\ndata = "client_secret=not-the-secret"\n' |
        token_post "$file.json" "$url")"
    [[ "$status" == "$3" && "$(json_string "$file.json" error)" == "$4" ]] &&
        grep -q -F "\"error_codes\": [$5]" "$file.json"
}

# bearer_curl USER TOKEN-FILE CURL-ARGS…: curl logs in with the token. The curl 7.88 command
# line always picks OAUTHBEARER when the server offers it, whatever --login-options say
# (--oauth2-bearer also sets CURLAUTH_BEARER, which keeps both mechanisms: curl issue 10259).
bearer_curl() {
    local user="$1" token="$2"
    shift 2
    printf 'user = "%s"\noauth2-bearer = "%s"\n' "$user" "$(<"$token")" |
        curl --silent --show-error --cacert "$SANDBOX_CA" -K - "$@"
}

# xoauth2_login imap|smtp USER TOKEN-FILE: an XOAUTH2 login, which the curl 7.88 command line
# cannot be made to choose while OAUTHBEARER is offered too (libcurl can, with AUTH=XOAUTH2);
# Python's imaplib/smtplib send exactly what they are given.
xoauth2_login() {
    "$TOKEN_PYTHON" - "$1" "$2" "$3" "$SANDBOX_CA" "$SANDBOX_HOST" "$SANDBOX_IMAPS_PORT" \
        "$SANDBOX_SUBMISSION_PORT" <<'PY'
import base64, imaplib, smtplib, ssl, sys
kind, user, token_file, ca, host, imaps_port, submission_port = sys.argv[1:]
with open(token_file) as f:
    token = f.read().strip()
payload = "user=%s\x01auth=Bearer %s\x01\x01" % (user, token)
context = ssl.create_default_context(cafile=ca)
try:
    if kind == "imap":
        imap = imaplib.IMAP4_SSL(host, int(imaps_port), ssl_context=context)
        imap.authenticate("XOAUTH2", lambda challenge: payload.encode())
        imap.logout()
    else:
        smtp = smtplib.SMTP(host, int(submission_port), timeout=10)
        smtp.starttls(context=context)
        smtp.ehlo()
        code, _ = smtp.docmd("AUTH", "XOAUTH2 " + base64.b64encode(payload.encode()).decode())
        if code == 334:  # the server's error challenge: answer empty, it then says 535
            code, _ = smtp.docmd("")
        smtp.quit()
        sys.exit(code != 235)
except (imaplib.IMAP4.error, smtplib.SMTPException, OSError):
    sys.exit(1)
PY
}

# The provider-like mailboxes: exchange@ finds what it sent in "Sent Items", filed by the
# server, and nothing in its INBOX; nsbox@ has its folders under "INBOX." with "." between.
selftest_special_mailboxes() {
    local id="exchange-$1" work imaps submission
    work="$(mktemp -d)"
    imaps="imaps://$SANDBOX_HOST:$SANDBOX_IMAPS_PORT"
    submission="smtp://$SANDBOX_HOST:$SANDBOX_SUBMISSION_PORT/$SANDBOX_DOMAIN"
    printf 'From: %s\r\nTo: %s\r\nSubject: sandbox selftest, Sent Items\r\nMessage-ID: <%s@kazguu.kz>\r\n\r\nselftest\r\n' \
        "$SANDBOX_EXCHANGE" "$SELFTEST_USER" "$id" >"$work/message"

    selftest_check "submission: $SANDBOX_EXCHANGE sends with a token of cpdbot-secret-exchange" \
        send_as_exchange "$submission" "$work"
    selftest_check "$SANDBOX_EXCHANGE: one copy in \"Sent Items\" (\\Sent), filed by the server" \
        wait_until 10 test_message_id_count "$SANDBOX_EXCHANGE" "$imaps/Sent%20Items" "$id" 1
    selftest_check "$SANDBOX_EXCHANGE: no copy in INBOX, no folder \"Sent\"" \
        test_exchange_folders "$imaps" "$id"
    selftest_check "$SANDBOX_NSBOX: NAMESPACE is INBOX. with \".\", INBOX.Sent is \\Sent" \
        test_nsbox_folders "$imaps"

    doveadm -c "$DOVECOT_CONF" expunge -u "$SANDBOX_EXCHANGE" mailbox '*' header Message-ID "<$id@kazguu.kz>" ||
        warn "could not remove the selftest's message from $SANDBOX_EXCHANGE"
    rm -rf "$work"
}

send_as_exchange() {
    local submission="$1" work="$2"
    token_by_secret cpdbot-secret-exchange "https://$SANDBOX_HOST:$SANDBOX_TOKEN_PORT/token" "$work/token" &&
        bearer_curl "$SANDBOX_EXCHANGE" "$work/token" --ssl-reqd --url "$submission" \
            --mail-from "$SANDBOX_EXCHANGE" --mail-rcpt "$SELFTEST_USER" --upload-file "$work/message"
}

# test_message_id_count USER FOLDER-URL ID N: N messages in the folder have that Message-ID.
test_message_id_count() {
    local found
    found="$(sandbox_curl "$1" "$2" -X "SEARCH HEADER Message-ID <$3@kazguu.kz>" | tr -d '\r')" || return 1
    [[ "$(wc -w <<<"${found#\* SEARCH}")" == "$4" ]]
}

test_exchange_folders() {
    local imaps="$1" id="$2" list
    test_message_id_count "$SANDBOX_EXCHANGE" "$imaps/INBOX" "$id" 0 || return 1
    list="$(sandbox_curl "$SANDBOX_EXCHANGE" "$imaps/" -X 'LIST "" "*" RETURN (SPECIAL-USE)' | tr -d '\r')" || return 1
    grep -q -F '* LIST (\Sent) "/" "Sent Items"' <<<"$list" && ! grep -q -E ' "?Sent"?$' <<<"$list"
}

test_nsbox_folders() {
    local imaps="$1" answer
    answer="$(sandbox_curl "$SANDBOX_NSBOX" "$imaps/" -X 'NAMESPACE' | tr -d '\r')" || return 1
    [[ "$answer" == '* NAMESPACE (("INBOX." ".")) NIL NIL' ]] || return 1
    answer="$(sandbox_curl "$SANDBOX_NSBOX" "$imaps/" -X 'LIST "" "*" RETURN (SPECIAL-USE)' | tr -d '\r')" || return 1
    grep -q -F '* LIST (\Sent) "." INBOX.Sent' <<<"$answer"
}
