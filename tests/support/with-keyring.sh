#!/bin/sh
# with-keyring.sh <program> [args…]: runs a keychain test against a throw-away, unlocked
# gnome-keyring (the Secret Service) on the current D-Bus session bus. tests/CMakeLists.txt runs
# it under dbus-run-session for cardops_add_test(… KEYCHAIN), so the bus is private to the test.
#
# The keyring lives in a temporary XDG tree with an empty password, so a developer's own keyring
# is never read or changed, and nothing can prompt (no display). When the bus already has a
# Secret Service, or gnome-keyring is missing, the program runs as it is: a keychain test then
# skips, or fails under CI=true.
set -u

bus_call() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        "org.freedesktop.DBus.$1" string:org.freedesktop.secrets 2>/dev/null
}
has_secret_service() {
    bus_call NameHasOwner | grep -q 'boolean true'
}

tmp=
daemon=
cleanup() {
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null
    [ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v gnome-keyring-daemon >/dev/null 2>&1 &&
    command -v dbus-send >/dev/null 2>&1 && ! has_secret_service; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/cardops-keyring.XXXXXX") || exit 1
    export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
        XDG_RUNTIME_DIR="$tmp/run"
    mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
    unset DISPLAY WAYLAND_DISPLAY
    # The password is one line: an empty line creates and unlocks the "login" keyring, while no
    # line at all makes the daemon ask a prompter that cannot show.
    printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    # The daemon may still be claiming its bus name when the command above returns.
    tries=0
    while ! has_secret_service && [ "$tries" -lt 50 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    daemon=$(bus_call GetConnectionUnixProcessID | awk '/uint32/ { print $2 }')
fi

"$@"
