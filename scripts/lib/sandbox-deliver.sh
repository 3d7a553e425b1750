# `mail-sandbox deliver`: messages straight into a user's Maildir, without SMTP.
# shellcheck shell=bash

# deliver_to_maildir USER FILE…: each file is copied byte for byte into the INBOX's tmp/ and
# then renamed into new/, the Maildir way (a reader never sees half a message). Dovecot
# gives new messages their UIDs in the order of their file names, so the names carry an
# increasing timestamp: the messages get UIDs in the order given. Much faster than one
# `doveadm save` per message (a fork per file instead of a whole mail process).
#
# Dovecot's INTERNALDATE of a Maildir message (the time of receipt cpdbot goes by) is the
# file's mtime. With DELIVER_AS_DATED=1 (`deliver --as-dated`) it is set to the message's own
# `Date:` (never later than now), so a corpus is received at the times it records; otherwise
# the messages are received now, as over SMTP.
deliver_to_maildir() {
    local user="$1" home maildir file name size now
    shift
    # Dovecot creates the mailbox (owned by the mail user) on its first access.
    doveadm -c "$DOVECOT_CONF" mailbox status -u "$user" messages INBOX >/dev/null ||
        die "could not open $user's INBOX (see $SANDBOX_LOG/dovecot.log)"
    home="$(doveadm -c "$DOVECOT_CONF" user -f home "$user")" || die "could not look up $user's home"
    maildir="$home/Maildir"
    [[ -d "$maildir/tmp" && -d "$maildir/new" ]] || die "$user has no Maildir at $maildir"

    local names=()
    for file in "$@"; do
        now="$EPOCHREALTIME" # seconds.microseconds, strictly increasing from one file to the next
        size="$(stat -c %s "$file")"
        # <seconds>.M<microseconds>P<pid>Q<n>.<host>,S=<size>: the usual Maildir name; S= saves
        # Dovecot from reading the file to learn its size.
        name="${now%.*}.M${now#*.}P$$Q${#names[@]}.cpdbot-sandbox,S=$size"
        install -m 0600 -o "$SANDBOX_MAIL_USER" -g "$SANDBOX_MAIL_GROUP" "$file" "$maildir/tmp/$name" ||
            die "could not write $file into $maildir/tmp"
        if [[ "${DELIVER_AS_DATED:-0}" == 1 ]]; then
            set_received_time_from_date "$file" "$maildir/tmp/$name"
        fi
        names+=("$name")
    done
    (cd "$maildir/tmp" && printf '%s\0' "${names[@]}" | xargs -0 mv -t ../new --) ||
        die "could not move the messages into $maildir/new"
}

# set_received_time_from_date FILE TARGET: TARGET's mtime := FILE's Date: header, when GNU date
# reads it and it is not in the future; otherwise TARGET keeps the time it was written.
set_received_time_from_date() {
    local claimed epoch now
    claimed="$(sed -n -e '/^\r\{0,1\}$/q' -e 's/^[Dd][Aa][Tt][Ee]:[[:space:]]*//p' "$1" | head -n 1 | tr -d '\r' | sed 's/([^)]*)//g')"
    [[ -n "$claimed" ]] || return 0
    epoch="$(date -d "$claimed" +%s 2>/dev/null)" || return 0
    now="$(date +%s)"
    ((epoch <= now)) || return 0
    touch -m -d "@$epoch" "$2" 2>/dev/null || true
}
