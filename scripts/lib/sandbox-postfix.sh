# Postfix for the sandbox: the inbound MX (no AUTH, only the sandbox's domains) and the
# submission service (STARTTLS + AUTH through Dovecot). It delivers into Dovecot over LMTP
# and never sends anything anywhere else. Its own config, queue and data directories:
# /etc/postfix is never written and no system MTA is involved.
# shellcheck shell=bash

sandbox_write_postfix_conf() {
    local tmp changed=""
    tmp="$(mktemp -d)"
    cat >"$tmp/main.cf" <<EOF
# Written by scripts/mail-sandbox; edits are overwritten at the next \`up\`.
compatibility_level = 3.6
queue_directory = $POSTFIX_QUEUE
data_directory = $POSTFIX_DATA
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
mail_owner = postfix
setgid_group = postdrop
syslog_name = cpdbot-sandbox/postfix

# No syslog here: Postfix logs through its own postlogd into a file, or exits silently.
maillog_file = $SANDBOX_LOG/postfix.log
maillog_file_prefixes = $SANDBOX_LOG

myhostname = mx.$SANDBOX_DOMAIN
mydomain = $SANDBOX_DOMAIN
myorigin = \$mydomain
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
inet_interfaces = $SANDBOX_HOST
inet_protocols = ipv4
mynetworks = $SANDBOX_HOST/32
smtpd_peername_lookup = no
biff = no
append_dot_mydomain = no
smtputf8_enable = yes
# Larger than the bot's own limit, so that the bot sees oversized mail and answers it.
message_size_limit = 52428800

# Only the sandbox's domains exist; everything else fails here instead of leaving 127.0.0.1.
virtual_mailbox_domains = texthash:$POSTFIX_CONF_DIR/vdomains
virtual_mailbox_maps = texthash:$POSTFIX_CONF_DIR/vmailbox, texthash:$POSTFIX_CONF_DIR/sent-copy-mailboxes
virtual_transport = lmtp:unix:$SANDBOX_RUN/lmtp
default_transport = error:5.7.1 the cpdbot mail sandbox delivers only to its own domains
relay_transport = error:5.7.1 the cpdbot mail sandbox delivers only to its own domains
smtp_dns_support_level = disabled

smtpd_tls_cert_file = $SANDBOX/server.pem
smtpd_tls_key_file = $SANDBOX/server.key
smtpd_tls_security_level = may
smtpd_tls_session_cache_database =
smtpd_tls_mandatory_protocols = >=TLSv1.2

smtpd_sasl_type = dovecot
smtpd_sasl_path = $SANDBOX_RUN/auth-postfix
smtpd_sasl_auth_enable = no
smtpd_sasl_security_options = noanonymous
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
# The address of exchange@'s Sent copies exists for its copies only, not for senders.
smtpd_recipient_restrictions = check_recipient_access regexp:$POSTFIX_CONF_DIR/sent-copy-refusals,
    reject_unlisted_recipient
EOF
    # One line per service; "n" in the chroot column everywhere (no copies of /etc needed).
    cat >"$tmp/master.cf" <<EOF
# Written by scripts/mail-sandbox; edits are overwritten at the next \`up\`.
# service      type  private unpriv chroot wakeup maxproc command
$SANDBOX_HOST:$SANDBOX_MX_PORT inet n - n - - smtpd
  -o syslog_name=cpdbot-sandbox/mx
$SANDBOX_HOST:$SANDBOX_SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=cpdbot-sandbox/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o cleanup_service_name=cleanup-submission
pickup     unix  n - n 60 1 pickup
cleanup    unix  n - n - 0 cleanup
# What the submission service accepts: like Exchange Online, a copy of everything the
# exchange mailbox sends goes into its "Sent Items" (a +detail address, saved there by LMTP).
cleanup-submission unix n - n - 0 cleanup
  -o sender_bcc_maps=texthash:$POSTFIX_CONF_DIR/sent-copies
qmgr       unix  n - n 300 1 qmgr
tlsmgr     unix  - - n 1000? 1 tlsmgr
rewrite    unix  - - n - - trivial-rewrite
bounce     unix  - - n - 0 bounce
defer      unix  - - n - 0 bounce
trace      unix  - - n - 0 bounce
verify     unix  - - n - 1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n - - proxymap
proxywrite unix  - - n - 1 proxymap
showq      unix  n - n - - showq
error      unix  - - n - - error
retry      unix  - - n - - error
discard    unix  - - n - - discard
lmtp       unix  - - n - - lmtp
anvil      unix  - - n - 1 anvil
scache     unix  - - n - 1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
    # Keys and values in Postfix's internal (unquoted) form; texthash takes the rest of the
    # line as the value, spaces included. The copy's address must exist for delivery too.
    printf '%s %s\n' "$SANDBOX_EXCHANGE" "$SANDBOX_EXCHANGE_SENT_COPY" >"$tmp/sent-copies"
    printf '%s OK\n' "$SANDBOX_EXCHANGE_SENT_COPY" >"$tmp/sent-copy-mailboxes"
    printf '/^%s$/ 550 5.1.1 not a mailbox: the server files copies of what %s sends here\n' \
        "$(sed 's/[.+]/\\&/g' <<<"$SANDBOX_EXCHANGE_SENT_COPY")" "$SANDBOX_EXCHANGE" >"$tmp/sent-copy-refusals"
    install_if_changed "$tmp/sent-copy-refusals" "$POSTFIX_CONF_DIR/sent-copy-refusals" 0644 root root && changed=1
    install_if_changed "$tmp/sent-copies" "$POSTFIX_CONF_DIR/sent-copies" 0644 root root && changed=1
    install_if_changed "$tmp/sent-copy-mailboxes" "$POSTFIX_CONF_DIR/sent-copy-mailboxes" 0644 root root && changed=1
    install_if_changed "$tmp/main.cf" "$POSTFIX_CONF_DIR/main.cf" 0644 root root && changed=1
    install_if_changed "$tmp/master.cf" "$POSTFIX_CONF_DIR/master.cf" 0644 root root && changed=1
    rm -rf "$tmp"
    [[ -n "$changed" ]] && echo changed
    return 0
}
