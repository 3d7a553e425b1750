# Starting, finding and stopping the sandbox's daemons without systemd.
# shellcheck shell=bash

# run_detached LOG COMMAND…: runs COMMAND (which daemonizes itself) in a session of its own,
# with stdin from /dev/null, stdout/stderr into LOG and every other inherited descriptor
# closed. Dovecot's master keeps whatever it inherits open for its whole life: a caller that
# reads our output through a pipe (CI) would otherwise never see EOF. Signals start as in a
# login shell: a test runner that starts the sandbox blocks nearly all of them, and a Dovecot
# that inherits a blocked SIGTERM ignores `down` until the SIGKILL 10 s later. Bash cannot
# unblock a signal; perl (perl-base, always on Debian) can, then execs COMMAND.
run_detached() {
    local log="$1"
    shift
    (
        local fd
        for fd in /proc/"$BASHPID"/fd/*; do
            fd="${fd##*/}"
            if [[ "$fd" =~ ^[0-9]+$ ]] && ((fd > 2)); then
                eval "exec ${fd}>&-" 2>/dev/null || true
            fi
        done
        exec setsid perl -MPOSIX -e '
            sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!\n";
            $SIG{$_} = "DEFAULT" for qw(HUP INT QUIT PIPE TERM USR1 USR2 ALRM CHLD);
            exec { $ARGV[0] } @ARGV or die "cannot run $ARGV[0]: $!\n";
        ' "$@" </dev/null >>"$log" 2>&1
    )
}

# live_pid FILE COMMAND: the PID in a pid file if that process is alive and is COMMAND.
# A dead daemon can linger as a zombie (PID 1 in containers reaps slowly), so `kill -0` is
# not enough: read its State. A stale pid file may name a recycled PID: check the name too,
# so that nothing else is ever signalled.
live_pid() {
    local file="$1" command="$2" pid state name
    [[ -r "$file" ]] || return 1
    pid="$(tr -dc '0-9' <"$file")"
    [[ -n "$pid" ]] || return 1
    { read -r name <"/proc/$pid/comm"; } 2>/dev/null || return 1
    [[ "$name" == "$command" ]] || return 1
    state="$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]] || return 1
    printf '%s\n' "$pid"
}

# True while any member of process group PGID is alive (zombies do not count).
process_group_alive() {
    local pgid="$1" stat rest state pgrp
    for stat in /proc/[0-9]*/stat; do
        { read -r rest <"$stat"; } 2>/dev/null || continue
        rest="${rest##*) }" # fields after the command name, which may contain spaces
        # rest = "STATE PPID PGRP …"
        read -r state _ pgrp _ <<<"$rest"
        if [[ "$pgrp" == "$pgid" && "$state" != "Z" && "$state" != "X" ]]; then
            return 0
        fi
    done
    return 1
}

# stop_group NAME PID: SIGTERM to the daemon's process group, then wait (SIGKILL after 10 s).
stop_group() {
    local name="$1" pid="$2" pgid i
    pgid="$(awk '{ sub(/.*\) /, ""); print $3 }' "/proc/$pid/stat" 2>/dev/null)"
    [[ -n "$pgid" && "$pgid" != "0" ]] || pgid="$pid"
    kill -TERM -- "-$pgid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        process_group_alive "$pgid" || { say "stopped $name (pid $pid)"; return 0; }
        sleep 0.1
    done
    warn "$name (process group $pgid) did not stop in 10 s; sending SIGKILL"
    kill -KILL -- "-$pgid" 2>/dev/null || true
    # Returning before the group is gone lets an immediate `up` find the old daemon.
    for ((i = 0; i < 50; i++)); do
        process_group_alive "$pgid" || { say "stopped $name (pid $pid, killed)"; return 0; }
        sleep 0.1
    done
    warn "$name (process group $pgid) still alive 5 s after SIGKILL"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    (exec 3<>"/dev/tcp/$SANDBOX_HOST/$1") 2>/dev/null
}

# wait_until SECONDS COMMAND…: polls COMMAND every 0.1 s until it succeeds or time is up.
wait_until() {
    local seconds="$1" i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}
