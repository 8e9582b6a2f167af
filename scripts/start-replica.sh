#!/usr/bin/env bash
# A streaming replica of the machine's PostgreSQL (127.0.0.1:5432) on 127.0.0.1:5433, made with
# pg_basebackup: the read replica of README "Deployment" (DATABASE_READ_URL), for trying it on one
# machine and for the multi-instance test (tests/api/multi-instance.test.ts). Run as root on a
# Debian PostgreSQL: it lets 127.0.0.1 replicate (pg_hba.conf) and runs the replica as `postgres`.
# Safe to run again: a running standby is left alone; anything else is made anew.
set -euo pipefail
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
REPLICA_DIR="${REPLICA_DIR:-/var/lib/postgresql/parkatlas-replica}"
BIN="/usr/lib/postgresql/$(ls /etc/postgresql | head -1)/bin"
primary() { psql -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

if pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT"; then
  if [ "$(psql -X -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()')" = t ]; then
    echo "replica: already streaming on 127.0.0.1:$REPLICA_PORT"
    exit 0
  fi
  echo "replica: 127.0.0.1:$REPLICA_PORT answers but is not a standby; stop it first" >&2
  exit 1
fi

# The replica connects as postgres from 127.0.0.1 (trust, like the machine's other local connections).
hba="$(primary -c 'SHOW hba_file')"
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
  echo 'host replication all 127.0.0.1/32 trust' >> "$hba"
  primary -c 'SELECT pg_reload_conf()' >/dev/null
fi

# A stopped replica's WAL position may be long gone from the primary: copy afresh.
[ -f "$REPLICA_DIR/postmaster.pid" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$REPLICA_DIR" -m fast stop >/dev/null 2>&1 || true
rm -rf "$REPLICA_DIR"
# -R writes standby.signal and primary_conninfo; -X stream brings the WAL the copy needs with it.
runuser -u postgres -- "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast
# Debian keeps a cluster's configuration in /etc/postgresql, not in the data directory: the copy
# gets a minimal one of its own.
cat > "$REPLICA_DIR/postgresql.conf" <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
# The multi-instance test pauses replay on purpose; queries are not cancelled for replay meanwhile.
max_standby_streaming_delay = -1
CONF
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$REPLICA_DIR/pg_hba.conf"
: > "$REPLICA_DIR/pg_ident.conf"
chown postgres:postgres "$REPLICA_DIR"/*.conf
runuser -u postgres -- "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR.log" -w start >/dev/null
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" && break; sleep 0.5; done
echo "replica: streaming from 127.0.0.1:$PRIMARY_PORT on 127.0.0.1:$REPLICA_PORT ($REPLICA_DIR)"
