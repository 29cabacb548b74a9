#!/usr/bin/env bash
# Runs a command with a Secret Service available for keytar.
# - If the session already has one (a Linux desktop), the command uses it; tests only ever touch items under
#   their own throw-away service names.
# - Otherwise (CI, SSH, containers) it starts a private D-Bus session with a throw-away, unlocked gnome-keyring
#   in a temporary folder, so nothing of the user's real keyring is touched. ORKM_PRIVATE_KEYRING=1 forces this.
# - On macOS and Windows the OS keychain is always there: the command just runs.
# The command sees ORKM_KEYRING_READY=1 (scripts/bench.ts uses it to know whether it still needs a keychain).
set -euo pipefail

if [ "${1:-}" = "--inside" ]; then
  shift
  keyring_dir=$(mktemp -d "${TMPDIR:-/tmp}/orkm-keyring.XXXXXX")
  export XDG_DATA_HOME="$keyring_dir/data" XDG_CONFIG_HOME="$keyring_dir/config" XDG_CACHE_HOME="$keyring_dir/cache"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  # A fresh keyring folder: its login collection is created and unlocked with this throw-away password.
  eval "$(printf 'orkm-test' | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  cleanup() {
    [ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null || true
    rm -rf "$keyring_dir"
  }
  trap cleanup EXIT
  echo "with-keyring: private D-Bus session with a throw-away gnome-keyring" >&2
  export ORKM_KEYRING_READY=1
  set +e
  "$@"
  status=$?
  set -e
  exit $status
fi

case "$(uname -s)" in
  Darwin|MINGW*|MSYS*|CYGWIN*) ORKM_KEYRING_READY=1 exec "$@" ;;
esac

has_secret_service() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null 2>&1 || return 1
  local names
  names=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.ListNames 2>/dev/null) || return 1
  grep -q '"org.freedesktop.secrets"' <<<"$names"
}

if [ -z "${ORKM_PRIVATE_KEYRING:-}" ] && has_secret_service; then
  ORKM_KEYRING_READY=1 exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. On Debian/Ubuntu: sudo apt-get install dbus gnome-keyring libsecret-1-0" >&2
    exit 1
  fi
done
exec dbus-run-session -- bash "$0" --inside "$@"
