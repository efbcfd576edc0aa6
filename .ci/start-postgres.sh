#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the store tests (run as root on Debian; installs PostgreSQL if absent).
# Progress goes to stderr; the last stdout line is `export MARSAD_TEST_PG_URL=...` for `eval`.
set -euo pipefail

DATABASE=marsad_test
FIRST_PORT=54329

log() { echo "start-postgres: $*" >&2; }

find_bin() {
  # The newest installed major version's binaries, e.g. /usr/lib/postgresql/15/bin.
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $initdb ]] && dirname "$initdb"
}

bin=$(find_bin || true)
if [[ -z $bin ]]; then
  log "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
log "using $bin"

# initdb refuses to run as root: run the server as the postgres user when we are root.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data=$(mktemp -d /tmp/marsad-pg.XXXXXX)
if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$data"; fi
chmod 700 "$data"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$FIRST_PORT
while port_in_use "$port"; do
  port=$((port + 1))
  if ((port > FIRST_PORT + 100)); then log "no free port near $FIRST_PORT"; exit 1; fi
done

as_owner "$bin/initdb" -D "$data/cluster" -U postgres -A trust -E UTF8 --no-locale >&2
as_owner "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w \
  -o "-k $data -p $port -c listen_addresses=127.0.0.1" start >&2 || {
  cat "$data/server.log" >&2
  exit 1
}
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DATABASE"
log "running on 127.0.0.1:$port; stop with: $bin/pg_ctl -D $data/cluster stop (as the postgres user)"

echo "export MARSAD_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/$DATABASE"
