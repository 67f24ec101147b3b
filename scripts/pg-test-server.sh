#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests of the team library (tests/pg/).
#
#   scripts/pg-test-server.sh start [DATA_DIR]   prints the DSN (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-test-server.sh stop DATA_DIR      stops that server and removes DATA_DIR
#
# `start` installs Debian's postgresql and postgresql-contrib (for unaccent) with apt-get where it may
# (as root, or with sudo that asks no password), makes a new cluster in DATA_DIR (a new temporary folder
# when none is given) and starts it on a free loopback port. PostgreSQL refuses to run as root, so as
# root the cluster belongs to the `postgres` user the package creates and runs as that user.
# The cluster trusts loopback connections: it is for tests only, and lives as long as the test run.
# Exit status 3 means PostgreSQL could not be installed or started here (the tests then skip, saying why).
set -euo pipefail

say() { echo "pg-test-server: $*" >&2; }

pg_bin_dir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

has_unaccent() {
    local version
    version=$(basename "$(dirname "$1")")
    [ -f "/usr/share/postgresql/$version/extension/unaccent.control" ]
}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
    else return 1
    fi
}

install_postgresql() {
    say "installing Debian's postgresql and postgresql-contrib"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        postgresql postgresql-contrib >&2 || return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Run a PostgreSQL program as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin data port
    if ! bin=$(pg_bin_dir) || ! has_unaccent "$bin"; then
        if ! install_postgresql || ! bin=$(pg_bin_dir) || ! has_unaccent "$bin"; then
            say "PostgreSQL with unaccent is not installed and cannot be installed here (not root, no sudo, or no package source)"
            exit 3
        fi
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        say "running as root but there is no 'postgres' user to run the server as"
        exit 3
    fi
    data=${1:-}
    if [ -z "$data" ]; then data=$(mktemp -d "${TMPDIR:-/tmp}/bb-pg.XXXXXX"); fi
    mkdir -p "$data"
    chmod 755 "$data"  # the server's user must reach its data below it
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$data"; then
        say "the postgres user cannot reach $data (a folder above it is private): give a folder under /tmp"
        exit 2
    fi
    mkdir -p "$data/cluster" "$data/socket"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data/cluster" "$data/socket"; fi
    chmod 700 "$data/cluster"
    if ! as_owner "$bin/initdb" -D "$data/cluster" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1; then
        say "initdb failed: $(tail -n 3 "$data/initdb.log" | tr '\n' ' ')"
        exit 3
    fi
    port=$(free_port)
    touch "$data/server.log"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data/server.log"; fi
    if ! as_owner "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
            -o "-p $port -k $data/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >&2; then
        say "the server did not start: $(tail -n 3 "$data/server.log" | tr '\n' ' ')"
        exit 3
    fi
    echo "$bin" >"$data/bin"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
    local data=${1:?usage: pg-test-server.sh stop DATA_DIR}
    if [ -f "$data/bin" ] && [ -d "$data/cluster" ]; then
        as_owner "$(cat "$data/bin")/pg_ctl" -D "$data/cluster" -m immediate -w stop >&2 || true
    fi
    rm -rf "$data"
}

case "${1:-}" in
    start) shift; start "${1:-}" ;;
    stop) shift; stop "${1:-}" ;;
    *) say "usage: $0 start [DATA_DIR] | stop DATA_DIR"; exit 2 ;;
esac
