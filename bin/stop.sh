#!/usr/bin/env bash
# npm run stop: stops the servers that `npm start` left running (any database kind).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/instance.sh"

stopped=0
for dir in "$INSTANCES_DIR"/site-*; do
	[ -f "$dir/server.pid" ] || continue
	pid="$(cat "$dir/server.pid")"
	if kill -0 "$pid" 2>/dev/null; then
		instance_stop_server "$pid"
		log "stopped WordPress at $(cat "$dir/server.url" 2>/dev/null)"
		stopped=1
	fi
	rm -f "$dir/server.pid"
	mariadb_stop "$dir"
done
[ "$stopped" = 1 ] || log "nothing was running"
