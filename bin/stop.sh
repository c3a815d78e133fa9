#!/usr/bin/env bash
# npm run stop: stops the servers that `npm start` left running (any database kind).
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/instance.sh"

stopped=0
for dir in "$INSTANCES_DIR"/site-*; do
	[ -d "$dir" ] || continue
	if recorded_process_runs "$dir/server.pid"; then
		log "stopping WordPress at $(cat "$dir/server.url" 2>/dev/null)"
		stopped=1
	fi
	# Called either way: for a server that has ended they only remove its pid file.
	instance_stop_server "$dir"
	mariadb_stop "$dir"
done
[ "$stopped" = 1 ] || log "nothing was running"
