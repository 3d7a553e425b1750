# Dovecot for the sandbox: IMAP (STARTTLS and TLS), LMTP for Postfix, SASL auth for Postfix.
# Its own configuration file, base_dir and state_dir: /etc/dovecot is never read.
# shellcheck shell=bash

sandbox_write_dovecot_conf() {
    local tmp
    tmp="$(mktemp)"
    cat >"$tmp" <<EOF
# Written by scripts/mail-sandbox; edits are overwritten at the next \`up\`.
instance_name = cpdbot-sandbox
protocols = imap lmtp
listen = $SANDBOX_HOST
base_dir = $SANDBOX_RUN
state_dir = $DOVECOT_STATE
log_path = $SANDBOX_LOG/dovecot.log
info_log_path = $SANDBOX_LOG/dovecot.log
login_greeting = cpdbot mail sandbox ready.
# Tests open many connections from one address.
mail_max_userip_connections = 200
default_vsz_limit = 512M

ssl = required
ssl_cert = <$SANDBOX/server.pem
ssl_key = <$SANDBOX/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
# Passwords, and the OAuth2 bearer tokens of Exchange Online / Gmail (checked by the oauth2
# passdb below against the sandbox's token issuer).
auth_mechanisms = plain login xoauth2 oauthbearer
auth_username_format = %Lu
# Tests try wrong passwords on purpose; the usual 2 s penalty would only slow them down.
auth_failure_delay = 0
# Why a login failed (an expired token, a token for another mailbox), never the secret.
auth_verbose = yes

passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=SHA512-CRYPT username_format=%Lu $SANDBOX_USERS
}
# A token is valid when the issuer's key signed it, it has not expired, its issuer is the
# sandbox's token endpoint, and its \`email\` claim is the login name (settings:
# $DOVECOT_OAUTH2_CONF).
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $DOVECOT_OAUTH2_CONF
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $SANDBOX_USERS
  default_fields = uid=$SANDBOX_MAIL_USER gid=$SANDBOX_MAIL_GROUP home=$SANDBOX_MAIL/%Ld/%Ln
}

mail_location = maildir:~/Maildir
# Messages are stored with CRLF line ends, as IMAP serves them: a .eml saved with CRLF is
# kept byte for byte.
mail_save_crlf = yes
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
  }
  mailbox Drafts {
    special_use = \\Drafts
  }
  mailbox Trash {
    special_use = \\Trash
  }
  mailbox Junk {
    special_use = \\Junk
  }
}
# Two more personal namespaces, each chosen for one user by userdb fields in the users file
# (namespace/inbox/disabled=yes namespace/<this>/disabled=no).
# Exchange Online's folders: \`Sent Items\` is the Sent folder, and Postfix files a copy of
# everything the mailbox submits into it (sandbox-postfix.sh); there is no \`Sent\`.
namespace exchange {
  disabled = yes
  inbox = yes
  separator = /
  mailbox "Sent Items" {
    auto = subscribe
    special_use = \\Sent
  }
  mailbox Drafts {
    auto = subscribe
    special_use = \\Drafts
  }
  mailbox "Deleted Items" {
    auto = subscribe
    special_use = \\Trash
  }
  mailbox "Junk Email" {
    auto = subscribe
    special_use = \\Junk
  }
}
# Courier/Cyrus style: every folder under INBOX, "." between levels (INBOX.Sent).
namespace nsbox {
  disabled = yes
  inbox = yes
  prefix = INBOX.
  separator = .
  mailbox Sent {
    auto = subscribe
    special_use = \\Sent
  }
  mailbox Drafts {
    auto = subscribe
    special_use = \\Drafts
  }
  mailbox Trash {
    auto = subscribe
    special_use = \\Trash
  }
}

postmaster_address = postmaster@$SANDBOX_DOMAIN
# "exchange+Sent Items@..." is saved into the folder "Sent Items": Postfix's copy of what
# exchange@ submits (sandbox-postfix.sh). Nobody else gets +detail mail.
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
hostname = mx.$SANDBOX_DOMAIN

service imap-login {
  inet_listener imap {
    address = $SANDBOX_HOST
    port = $SANDBOX_IMAP_PORT
  }
  inet_listener imaps {
    address = $SANDBOX_HOST
    port = $SANDBOX_IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0660
    user = postfix
    group = postfix
  }
}
# No auth penalty either: after a failed login Dovecot would hold every later login from the
# same address (all of them, 127.0.0.1) for up to 15 s, and Postfix drops its auth
# connection meanwhile. Without this listener the auth process finds no anvil to ask.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  # Postfix's submission service asks Dovecot to check passwords (smtpd_sasl_type = dovecot).
  unix_listener auth-postfix {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
    install_if_changed "$tmp" "$DOVECOT_CONF" 0644 root root && echo changed
    rm -f "$tmp"
    return 0
}
