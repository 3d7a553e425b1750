# `mail-sandbox deliver`: messages straight into a user's Maildir, without SMTP.
# shellcheck shell=bash

# deliver_to_maildir USER FILE…: each file is copied byte for byte into the INBOX's tmp/ and
# then renamed into new/, the Maildir way (a reader never sees half a message). Dovecot
# gives new messages their UIDs in the order of their file names, so the names carry an
# increasing timestamp: the messages get UIDs in the order given. Much faster than one
# `doveadm save` per message (a fork per file instead of a whole mail process).
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
        names+=("$name")
    done
    (cd "$maildir/tmp" && printf '%s\0' "${names[@]}" | xargs -0 mv -t ../new --) ||
        die "could not move the messages into $maildir/new"
}
