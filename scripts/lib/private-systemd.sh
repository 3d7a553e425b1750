# A systemd of its own for machines where systemd is not PID 1 (containers, CI sandboxes):
# /lib/systemd/systemd runs as PID 1 of new PID, mount, cgroup, UTS and IPC namespaces, with
# a private /run, a private /etc/systemd/system (the host's enabled units stay asleep) and
# cgroup hierarchies mounted inside its cgroup namespace, in a cgroup of its own that is
# removed afterwards. The file system is otherwise shared, so units, binaries, /etc/cpdbot and
# /var/lib/cpdbot are the host's. The network namespace is the caller's (run it inside
# `ip netns exec …` to keep it off the host's).
# Because the file system is shared, the boot's own work is masked: sysinit.target would run
# systemd-tmpfiles --boot --remove, which empties the host's /tmp. Units started here need
# DefaultDependencies=no (a drop-in under the private /etc/systemd/system).
#   private_systemd_start; private_systemctl start x.service; private_systemd_stop
# Sourced by scripts/package-test; needs root with CAP_SYS_ADMIN and cgroup v1+v2 or v2.

PRIVATE_SYSTEMD_PID=""
PRIVATE_SYSTEMD_NAME="cpdbot-private-systemd-$$"
PRIVATE_SYSTEMD_CGROUPS=()

# The setup inside the namespaces, then systemd itself (exec: it must be PID 1).
_private_systemd_init() {
    cat <<'EOF'
set -e
mount --make-rprivate /
mount -t proc proc /proc
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/lock
mount -t tmpfs -o mode=755 tmpfs /etc/systemd/system
printf '[Unit]\nDescription=a private systemd for cpdbot tests\n' > /etc/systemd/system/cpdbot-private.target
for unit in sysinit.target basic.target local-fs.target sockets.target timers.target \
    systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service systemd-tmpfiles-clean.service \
    systemd-tmpfiles-clean.timer systemd-journald.service systemd-journald.socket; do
    ln -s /dev/null "/etc/systemd/system/$unit"
done
mount -t tmpfs -o mode=755 tmpfs /sys/fs/cgroup
if [ "$CGROUP_LAYOUT" = unified ]; then
    mount -t cgroup2 none /sys/fs/cgroup
else
    mkdir /sys/fs/cgroup/unified /sys/fs/cgroup/systemd
    mount -t cgroup2 none /sys/fs/cgroup/unified
    mount -t cgroup -o none,name=systemd,xattr cgroup /sys/fs/cgroup/systemd
fi
exec /lib/systemd/systemd --system --unit=cpdbot-private.target --log-target=null
EOF
}

# Starts it and waits (up to 30 s) until it answers; sets PRIVATE_SYSTEMD_PID (its PID here).
private_systemd_start() {
    local layout hierarchy
    if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
        layout=unified
        PRIVATE_SYSTEMD_CGROUPS=("/sys/fs/cgroup/$PRIVATE_SYSTEMD_NAME")
    else
        layout=hybrid
        PRIVATE_SYSTEMD_CGROUPS=("/sys/fs/cgroup/systemd/$PRIVATE_SYSTEMD_NAME")
        [[ -f /sys/fs/cgroup/unified/cgroup.controllers ]] && PRIVATE_SYSTEMD_CGROUPS+=("/sys/fs/cgroup/unified/$PRIVATE_SYSTEMD_NAME")
    fi
    local script
    script="$(_private_systemd_init)"
    (
        # Into a cgroup of its own first: the cgroup namespace's root is then that cgroup, and
        # whatever systemd creates stays below it (removed by private_systemd_stop).
        for hierarchy in "${PRIVATE_SYSTEMD_CGROUPS[@]}"; do
            mkdir -p "$hierarchy"
            echo "$BASHPID" > "$hierarchy/cgroup.procs"
        done
        exec unshare --pid --fork --mount --uts --ipc --cgroup \
            env -i container=cpdbot-private CGROUP_LAYOUT="$layout" PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c "$script"
    ) </dev/null >/dev/null 2>&1 &
    local unshare_pid=$! tries=0
    while (( tries++ < 60 )); do
        # The subshell became unshare; its child (sh, then exec) is systemd.
        PRIVATE_SYSTEMD_PID="$(pgrep -P "$unshare_pid" -x systemd || true)"
        if [[ -n "$PRIVATE_SYSTEMD_PID" ]]; then
            case "$(private_systemctl is-system-running 2>/dev/null || true)" in
                running|degraded) return 0 ;;
            esac
        fi
        sleep 0.5
    done
    return 1
}

# systemctl, or any command, inside the private systemd's namespaces.
private_systemctl() { nsenter -t "$PRIVATE_SYSTEMD_PID" -a systemctl "$@"; }
private_run() { nsenter -t "$PRIVATE_SYSTEMD_PID" -a "$@"; }

# Powers it off, waits for it, removes its cgroups.
private_systemd_stop() {
    if [[ -n "$PRIVATE_SYSTEMD_PID" ]]; then
        private_systemctl poweroff --no-block >/dev/null 2>&1 || true
        local tries=0
        while kill -0 "$PRIVATE_SYSTEMD_PID" 2>/dev/null && (( tries++ < 40 )); do sleep 0.5; done
        kill -KILL "$PRIVATE_SYSTEMD_PID" 2>/dev/null || true
    fi
    local hierarchy
    for hierarchy in "${PRIVATE_SYSTEMD_CGROUPS[@]}"; do
        # Deepest first: systemd's slices and scopes below, then the cgroup itself.
        [[ -d "$hierarchy" ]] && find "$hierarchy" -depth -type d -exec rmdir {} + 2>/dev/null || true
    done
    PRIVATE_SYSTEMD_PID=""
}
