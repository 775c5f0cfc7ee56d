#!/bin/sh
# Starts PostgreSQL as the official image does: an empty $PGDATA is first initialised for
# $POSTGRES_USER / $POSTGRES_PASSWORD / $POSTGRES_DB; arguments ("postgres -c fsync=off") go to postgres.
set -eu

initialise() {
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 > /dev/null
  rm -f "$pwfile"
  printf 'host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" \
      | postgres --single -D "$PGDATA" postgres > /dev/null
  fi
}

[ -s "$PGDATA/PG_VERSION" ] || initialise
[ "${1:-}" = --init-only ] && exit 0
[ "${1:-}" = postgres ] && shift
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
