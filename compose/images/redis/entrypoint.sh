#!/bin/sh
# Arguments as the official image takes them. Without a config file Redis's protected mode refuses
# every client that is not on loopback (the other containers of a compose network), as the official
# image avoids too; an explicit --protected-mode wins.
set -eu
first="${1:-}"
if [ "${first#-}" != "$first" ]; then set -- redis-server "$@"; fi
if [ "${1:-}" = redis-server ]; then
  case " $* " in
    *" --protected-mode "*) ;;
    *) set -- "$@" --protected-mode no ;;
  esac
fi
exec "$@"
