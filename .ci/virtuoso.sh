#!/usr/bin/env bash
# A throwaway Virtuoso (Debian's virtuoso-opensource-7) for kg's remote-store tests.
#
#   .ci/virtuoso.sh start    install if missing, write virtuoso.ini, start, wait for /sparql
#   .ci/virtuoso.sh stop     shut it down cleanly (isql-vt "shutdown"), wait for the process
#   .ci/virtuoso.sh status   say whether it answers
#   .ci/virtuoso.sh clean    stop, then delete its folder (the database)
#
# Everything is bound to 127.0.0.1. Settings (environment):
#   KG_VIRTUOSO_DIR        folder for virtuoso.ini, the database, the log (default
#                          ${TMPDIR:-/tmp}/kg-virtuoso)
#   KG_VIRTUOSO_HTTP_PORT  HTTP port of /sparql (default 8890)
#   KG_VIRTUOSO_SQL_PORT   SQL port for isql-vt (default 1111)
# A new database has the user dba, password dba. After "start", point the tests at it:
#   export KG_TEST_SPARQL_ENDPOINT=http://127.0.0.1:8890/sparql   (printed by start)
#   export KG_TEST_VIRTUOSO_SQL=127.0.0.1:1111   (its SQL port, for the bulk-loader tests)
set -euo pipefail

DIR="${KG_VIRTUOSO_DIR:-${TMPDIR:-/tmp}/kg-virtuoso}"
HTTP_PORT="${KG_VIRTUOSO_HTTP_PORT:-8890}"
SQL_PORT="${KG_VIRTUOSO_SQL_PORT:-1111}"
PID_FILE="$DIR/virtuoso.pid"
LOG="$DIR/virtuoso.log"
ENDPOINT="http://127.0.0.1:$HTTP_PORT/sparql"

say() { printf 'virtuoso.sh: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
    else say "need root (or sudo) to run: $*"; return 1
    fi
}

install() {
    if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
        return 0
    fi
    say "installing virtuoso-opensource-7-bin"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
}

answers() {
    curl -fsS -o /dev/null --max-time 5 -G "$ENDPOINT" \
        --data-urlencode 'query=ASK { ?s ?p ?o }' \
        -H 'Accept: application/sparql-results+json' 2>/dev/null
}

running_pid() {
    [ -f "$PID_FILE" ] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    # alive, and still a Virtuoso (a stale pid file may name a reused pid)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
        && [ "$(ps -p "$pid" -o comm= 2>/dev/null)" = "virtuoso-t" ] && printf '%s' "$pid"
}

write_ini() {
    mkdir -p "$DIR/db" "$DIR/load"
    cat >"$DIR/virtuoso.ini" <<INI
; Written by .ci/virtuoso.sh for kg's tests: local only, small, disposable.
[Database]
DatabaseFile         = $DIR/db/virtuoso.db
ErrorLogFile         = $DIR/db/virtuoso.log
LockFile             = $DIR/db/virtuoso.lck
TransactionFile      = $DIR/db/virtuoso.trx
xa_persistent_file   = $DIR/db/virtuoso.pxa
ErrorLogLevel        = 7
FileExtend           = 200
MaxCheckpointRemap   = 2000
Striping             = 0
TempStorage          = TempDatabase

[TempDatabase]
DatabaseFile         = $DIR/db/virtuoso-temp.db
TransactionFile      = $DIR/db/virtuoso-temp.trx
MaxCheckpointRemap   = 2000
Striping             = 0

[Parameters]
ServerPort           = 127.0.0.1:$SQL_PORT
LiteMode             = 0
DisableUnixSocket    = 1
DisableTcpSocket     = 0
ServerThreads        = 20
CheckpointInterval   = 60
NumberOfBuffers      = 170000
MaxDirtyBuffers      = 130000
MaxQueryMem          = 1G
DirsAllowed          = ., $DIR, $DIR/load, ${TMPDIR:-/tmp}
DefaultIsolation     = 2
Charset              = UTF-8

[HTTPServer]
ServerPort           = 127.0.0.1:$HTTP_PORT
ServerRoot           = $DIR/db
MaxClientConnections = 10
ServerThreads        = 10
KeepAliveTimeout     = 10
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0

[AutoRepair]
BadParentLinks       = 0

[Client]
SQL_PREFETCH_ROWS    = 100
SQL_PREFETCH_BYTES   = 16000
SQL_QUERY_TIMEOUT    = 0
SQL_TXN_TIMEOUT      = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 600
DefaultQuery               = SELECT * WHERE { ?s ?p ?o } LIMIT 10
DeferInferenceRulesInit    = 0
INI
}

start() {
    install
    if pid="$(running_pid)"; then
        local tries=0
        while ! answers && [ "$tries" -lt 20 ]; do sleep 0.5; tries=$((tries + 1)); done
        if answers; then
            say "already running (pid $pid) at $ENDPOINT"
            echo "export KG_TEST_SPARQL_ENDPOINT=$ENDPOINT"
            echo "export KG_TEST_VIRTUOSO_SQL=127.0.0.1:$SQL_PORT"
            return 0
        fi
        say "pid $pid does not answer (shutting down?); waiting for it to end"
        tries=0
        while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 60 ]; do
            sleep 0.5; tries=$((tries + 1))
        done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$PID_FILE"
    fi
    if answers; then
        say "something else already answers at $ENDPOINT; not starting another server"
        return 1
    fi
    write_ini
    say "starting virtuoso-t in $DIR (log: $LOG)"
    (cd "$DIR/db" && exec virtuoso-t +configfile "$DIR/virtuoso.ini" +foreground) >"$LOG" 2>&1 &
    echo $! >"$PID_FILE"
    local waited=0
    until answers; do
        if ! running_pid >/dev/null; then
            say "virtuoso-t exited; the end of its log:"
            tail -n 20 "$LOG" >&2 || true
            tail -n 20 "$DIR/db/virtuoso.log" >&2 2>/dev/null || true
            return 1
        fi
        if [ "$waited" -ge 600 ]; then   # 60 s in tenths
            say "no answer from $ENDPOINT after 60 s"
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    say "ready at $ENDPOINT (user dba, password dba; pid $(cat "$PID_FILE"))"
    echo "export KG_TEST_SPARQL_ENDPOINT=$ENDPOINT"
    echo "export KG_TEST_VIRTUOSO_SQL=127.0.0.1:$SQL_PORT"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        say "not running"
        rm -f "$PID_FILE"
        return 0
    fi
    isql-vt "127.0.0.1:$SQL_PORT" dba dba exec="shutdown;" >/dev/null 2>&1 || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$waited" -ge 300 ]; then
            say "virtuoso-t (pid $pid) did not stop in 30 s; sending SIGTERM"
            kill "$pid" 2>/dev/null || true
            sleep 2
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f "$PID_FILE"
    say "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status)
        if answers; then say "answers at $ENDPOINT"; else say "no answer at $ENDPOINT"; exit 1; fi ;;
    clean) stop; rm -rf "$DIR"; say "removed $DIR" ;;
    *) echo "usage: $0 start|stop|status|clean" >&2; exit 2 ;;
esac
