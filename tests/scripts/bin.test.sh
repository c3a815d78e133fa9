#!/usr/bin/env bash
# Specifications of the scripts in bin/ that run the test layers and stop servers: the `scripts`
# layer of `npm test`. Plain bash, no WordPress. Each case runs the real functions and scripts on a
# copy of bin/ in a sandbox folder of its own (so .wp/ and .cache/ are never touched), then checks
# what they did: which steps ran, which processes still run.
#
#   bash tests/scripts/bin.test.sh
#
# Ends with the line "scripts: N passed, N failed", and exits non-zero when any case failed.
#
# Not `set -e` out here: a failing case is counted, not the end of the run. Each case runs with
# errexit on, in a subshell called as a plain command (see run_case).
#
# The code that cases hand to in_sandbox is in single quotes on purpose: it expands in the sandbox.
# shellcheck disable=SC2016
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
passed=0
failed=0

# ── Harness ────────────────────────────────────────────────────────────────────────────────────

# Runs the case function $2, described by $1, in a fresh sandbox with errexit on, and reports it.
# The subshell is a plain command and not an if-condition: bash would ignore set -e inside it.
run_case() {
	local description="$1" case_function="$2" output status
	SANDBOX="$(mktemp -d "${TMPDIR:-/tmp}/infosec-scripts-test.XXXXXX")"
	export SANDBOX
	cp -r "$ROOT/bin" "$SANDBOX/bin"
	mkdir "$SANDBOX/.wp"
	output="$SANDBOX/case-output"
	(
		set -e
		trap stop_what_the_case_started EXIT
		"$case_function"
	) >"$output" 2>&1
	status=$?
	if [ "$status" -eq 0 ]; then
		passed=$((passed + 1))
		echo "  ok    $description"
	else
		failed=$((failed + 1))
		echo "  FAIL  $description"
		sed 's/^/        /' "$output"
	fi
	rm -rf "$SANDBOX"
}

# Runs bash code in a fresh process that has sourced the sandbox's bin/test.sh (and through it
# lib.sh and instance.sh), with errexit on as in `npm test`. A process of its own, because the cases
# call this in conditions, and bash ignores set -e in whatever a condition runs in its own process.
in_sandbox() {
	bash -c 'source "$SANDBOX/bin/test.sh"; eval "$1"' in_sandbox "$1"
}

fail() {
	echo "expected: $*" >&2
	exit 1
}

# Processes are read from /proc, not with ps or pgrep, which minimal Debian machines lack.

# Reads /proc/<pid>/stat of process $1 into STAT, from the third field on: field n of proc(5) is
# ${STAT[n - 3]}. Fails when there is no such process.
read_stat() {
	local line
	{ read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
	# Field 2, the command's name in brackets, may itself hold spaces: split after it.
	read -r -a STAT <<<"${line##*) }"
}

# Succeeds while process $1 runs. Not `kill -0`, which also succeeds for a process that has been
# killed and not yet reaped (a zombie): exactly what a signalled child of ours would be.
process_runs() {
	read_stat "$1" && [ "${STAT[0]}" != Z ]
}

# Sets GROUP_SIZE to the number of running processes in process group $1.
count_group() {
	local entry
	GROUP_SIZE=0
	for entry in /proc/[0-9]*; do
		if read_stat "${entry#/proc/}" && [ "${STAT[2]}" = "$1" ] && [ "${STAT[0]}" != Z ]; then
			GROUP_SIZE=$((GROUP_SIZE + 1))
		fi
	done
}

# Succeeds while any process of process group $1 runs.
group_runs() {
	count_group "$1"
	[ "$GROUP_SIZE" -gt 0 ]
}

# Starts a process that is not ours to stop, sets UNRELATED_PID and UNRELATED_START (its start
# time). It leads a process group of its own, as a web server of ours would, so that the group signal
# that stops our servers would reach it too: without that, a test that it survives proves nothing.
start_unrelated_process() {
	local i
	setsid sleep 300 </dev/null >/dev/null 2>&1 &
	UNRELATED_PID=$!
	export UNRELATED_PID
	echo "$UNRELATED_PID" >>"$SANDBOX/unrelated-pids"
	for ((i = 0; i < 100; i++)); do
		read_stat "$UNRELATED_PID" && [ "${STAT[2]}" = "$UNRELATED_PID" ] && break
		sleep 0.01
	done
	[ "$i" -lt 100 ] || fail "the unrelated process to lead its own process group (or a group signal would miss it)"
	UNRELATED_START="${STAT[19]}"
}

# The pid file that a reused pid leaves behind: the unrelated process's pid, with the start time of
# the process of ours that held the pid before it.
stale_pid_record() {
	echo "$UNRELATED_PID $((UNRELATED_START - 1)) $(</proc/sys/kernel/random/boot_id)"
}

# Sets ENDED_PID and ENDED_START to those of a process that has ended, as a killed test run has.
end_a_process() {
	sleep 0.1 &
	ENDED_PID=$!
	read_stat "$ENDED_PID"
	ENDED_START="${STAT[19]}"
	wait "$ENDED_PID"
}

# Kills the unrelated processes the case started (children of this subshell, so their pids cannot
# have been reused yet), and any server of the sandbox that the scripts failed to stop: only a
# process whose command line names the sandbox.
stop_what_the_case_started() {
	local pid entry arguments
	while read -r pid; do
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done < <(cat "$SANDBOX/unrelated-pids" 2>/dev/null)
	for entry in /proc/[0-9]*; do
		mapfile -d '' arguments 2>/dev/null <"$entry/cmdline" || continue
		if [[ "${arguments[*]}" == *"$SANDBOX/"* ]]; then kill -KILL "${entry#/proc/}" 2>/dev/null || true; fi
	done
}

# Layer functions for the layer cases: each step appends its name to $SANDBOX/steps.
LAYERS='
	step() { echo "$1" >>"$SANDBOX/steps"; }
	layer_passing() { step "passing: first"; step "passing: second"; }
	layer_failing() { step "failing: before"; false; step "failing: after"; }
'

# ── A layer fails when any of its steps fails ──────────────────────────────────────────────────

a_layer_whose_steps_all_succeed_passes() {
	in_sandbox "$LAYERS run_layers passing" >"$SANDBOX/run.log" 2>&1 ||
		fail "the run to succeed; it printed: $(cat "$SANDBOX/run.log")"
	grep -qx 'layers: 1 passed, 0 failed' "$SANDBOX/run.log" || fail "the summary 'layers: 1 passed, 0 failed'"
}

a_failing_step_without_return_fails_the_run() {
	if in_sandbox "$LAYERS run_layers failing" >"$SANDBOX/run.log" 2>&1; then
		fail "a non-zero exit status; the run succeeded and printed: $(cat "$SANDBOX/run.log")"
	fi
	grep -qx 'layers: 0 passed, 1 failed' "$SANDBOX/run.log" || fail "the summary 'layers: 0 passed, 1 failed'"
}

the_steps_after_a_failing_step_do_not_run() {
	in_sandbox "$LAYERS run_layers failing" >/dev/null 2>&1 || true
	[ "$(cat "$SANDBOX/steps")" = "failing: before" ] ||
		fail "only the step before the failing one to run; these ran: $(tr '\n' ',' <"$SANDBOX/steps")"
}

the_layers_after_a_failing_layer_still_run() {
	in_sandbox "$LAYERS run_layers failing passing" >"$SANDBOX/run.log" 2>&1 || true
	grep -qx 'layers: 1 passed, 1 failed' "$SANDBOX/run.log" ||
		fail "the summary 'layers: 1 passed, 1 failed' (unless the first layer fails, this case proves nothing)"
	grep -qx 'passing: second' "$SANDBOX/steps" || fail "the passing layer to run after the failing one"
}

a_failing_layers_instances_are_removed_all_the_same() {
	in_sandbox "$LAYERS"'
		layer_making_an_instance() {
			run_instances+=("$INSTANCES_DIR/test-unit-sqlite-$run_id")
			mkdir -p "${run_instances[0]}/database"
			step "instance made"
			false
		}
		run_layers making_an_instance' >/dev/null 2>&1 || true
	grep -qx 'instance made' "$SANDBOX/steps" || fail "the layer to make an instance (or this case proves nothing)"
	[ -z "$(ls "$SANDBOX/.wp")" ] || fail "no instance left in .wp; found: $(ls "$SANDBOX/.wp")"
}

# ── A pid file is acted on only for the process that was recorded in it ───────────────────────

removing_abandoned_instances_spares_a_process_that_reused_the_pid() {
	start_unrelated_process
	end_a_process
	local dir="$SANDBOX/.wp/test-e2e-sqlite-20250101000000-$ENDED_PID-$ENDED_START"
	mkdir -p "$dir/logs"
	stale_pid_record >"$dir/server.pid"
	in_sandbox 'remove_abandoned_test_instances'
	[ ! -e "$dir" ] || fail "the abandoned instance to be removed (or this case proves nothing)"
	process_runs "$UNRELATED_PID" || fail "the process that reused the server's pid to be left running"
}

the_clean_up_after_a_layer_spares_a_process_a_bare_pid_file_names() {
	start_unrelated_process
	in_sandbox '
		layer_leaving_a_bare_pid_file() {
			run_instances+=("$INSTANCES_DIR/test-e2e-sqlite-$run_id")
			mkdir -p "${run_instances[0]}/logs"
			echo "$UNRELATED_PID" >"${run_instances[0]}/server.pid"
		}
		run_layers leaving_a_bare_pid_file' >"$SANDBOX/run.log" 2>&1 || fail "the layer to pass: $(cat "$SANDBOX/run.log")"
	[ -z "$(ls "$SANDBOX/.wp")" ] || fail "the layer's instance to be removed (or this case proves nothing)"
	process_runs "$UNRELATED_PID" || fail "the process named by a bare pid (older scripts' format) to be left running"
}

npm_run_stop_spares_a_process_that_reused_the_pid() {
	start_unrelated_process
	mkdir -p "$SANDBOX/.wp/site-sqlite/logs"
	stale_pid_record >"$SANDBOX/.wp/site-sqlite/server.pid"
	bash "$SANDBOX/bin/stop.sh" >"$SANDBOX/stop.log" 2>&1
	grep -q 'nothing was running' "$SANDBOX/stop.log" || fail "'nothing was running'; it printed: $(cat "$SANDBOX/stop.log")"
	[ ! -e "$SANDBOX/.wp/site-sqlite/server.pid" ] || fail "the stale pid file to be removed"
	process_runs "$UNRELATED_PID" || fail "the process that reused the server's pid to be left running"
}

npm_run_stop_spares_a_process_recorded_in_another_boot() {
	start_unrelated_process
	mkdir -p "$SANDBOX/.wp/site-sqlite/logs"
	echo "$UNRELATED_PID $UNRELATED_START 00000000-0000-0000-0000-000000000000" >"$SANDBOX/.wp/site-sqlite/server.pid"
	bash "$SANDBOX/bin/stop.sh" >"$SANDBOX/stop.log" 2>&1
	process_runs "$UNRELATED_PID" || fail "a process with the recorded pid and start time, in another boot, to be left running"
}

removing_an_instance_spares_a_process_that_reused_the_database_pid() {
	start_unrelated_process
	local dir="$SANDBOX/.wp/test-php-mariadb-1"
	mkdir -p "$dir/database"
	stale_pid_record >"$dir/database/mariadb.pid"
	INSTANCE="$dir" in_sandbox 'instance_destroy "$INSTANCE"'
	[ ! -e "$dir" ] || fail "the instance to be removed (or this case proves nothing)"
	process_runs "$UNRELATED_PID" || fail "the process that reused MariaDB's pid to be left running"
}

# ── Our own servers are stopped ────────────────────────────────────────────────────────────────

# Starts PHP's web server the way npm start does, for the instance folder $1, waits until it answers
# and sets SERVER_PID.
serve_in_sandbox() {
	mkdir -p "$1/wordpress" "$1/logs"
	SERVER_PID="$(INSTANCE="$1" in_sandbox '
		port="$(free_port $((40000 + RANDOM % 20000)))"
		instance_serve "$INSTANCE" "$port"
		wait_for_http "http://127.0.0.1:$port/" 10
		echo "$SERVER_PID"')" || fail "the web server to start (log: $(cat "$1/logs/server.log"))"
	count_group "$SERVER_PID"
	[ "$GROUP_SIZE" -gt 1 ] ||
		fail "the web server to run workers beside its first process (or 'and its workers' proves nothing)"
}

npm_run_stop_stops_our_own_web_server_and_its_workers() {
	local mail_port i
	serve_in_sandbox "$SANDBOX/.wp/site-sqlite"
	mail_port="$(cat "$SANDBOX/.wp/site-sqlite/mail/port")"
	for ((i = 0; i < 50; i++)); do
		(exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null && break
		sleep 0.1
	done
	(exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null || fail "the site's SMTP server to listen on $mail_port"
	bash "$SANDBOX/bin/stop.sh" >"$SANDBOX/stop.log" 2>&1
	grep -q 'stopping WordPress' "$SANDBOX/stop.log" || fail "'stopping WordPress'; it printed: $(cat "$SANDBOX/stop.log")"
	! group_runs "$SERVER_PID" || fail "no process of the server's group to run; $GROUP_SIZE do"
	[ ! -e "$SANDBOX/.wp/site-sqlite/server.pid" ] || fail "the pid file to be removed"
	! (exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null || fail "the site's SMTP server to stop with it"
}

the_clean_up_after_a_layer_stops_the_layers_own_web_server() {
	in_sandbox '
		layer_serving() {
			new_dir="$INSTANCES_DIR/test-e2e-sqlite-$run_id"
			run_instances+=("$new_dir")
			mkdir -p "$new_dir/wordpress" "$new_dir/logs"
			port="$(free_port $((40000 + RANDOM % 20000)))"
			instance_serve "$new_dir" "$port"
			echo "$SERVER_PID" >"$SANDBOX/server-pid"
			wait_for_http "http://127.0.0.1:$port/" 10
		}
		run_layers serving' >"$SANDBOX/run.log" 2>&1 || fail "the layer to pass: $(cat "$SANDBOX/run.log")"
	[ -s "$SANDBOX/server-pid" ] || fail "the layer to start a server (or this case proves nothing)"
	! group_runs "$(cat "$SANDBOX/server-pid")" || fail "no process of the server's group to run"
}

removing_an_instance_stops_its_own_mariadb_server() {
	local dir="$SANDBOX/.wp/test-php-mariadb-1" pid
	mkdir -p "$dir/database" "$dir/logs"
	INSTANCE="$dir" in_sandbox 'mariadb_init "$INSTANCE"; mariadb_start "$INSTANCE"'
	pid="$(cat "$dir/database/data/mariadbd.pid")"
	process_runs "$pid" || fail "MariaDB to be running (or this case proves nothing)"
	INSTANCE="$dir" in_sandbox 'instance_destroy "$INSTANCE"'
	! process_runs "$pid" || fail "MariaDB (pid $pid) to be stopped"
}

removing_an_instance_stops_its_own_redis_server_and_waits_for_it() {
	local dir="$SANDBOX/.wp/test-php-redis-mariadb-1" pid
	mkdir -p "$dir/wordpress/wp-content" "$dir/logs" "$SANDBOX/tests/php/fixtures"
	touch "$SANDBOX/tests/php/fixtures/object-cache.php"
	INSTANCE="$dir" in_sandbox 'redis_start "$INSTANCE"'
	read -r pid _ <"$dir/redis/redis.pid"
	process_runs "$pid" || fail "Redis to be running (or this case proves nothing)"
	INSTANCE="$dir" in_sandbox 'instance_destroy "$INSTANCE"'
	! process_runs "$pid" || fail "Redis (pid $pid) to have ended when the instance is removed"
}

# ── A failed layer says why ───────────────────────────────────────────────────────────────────

the_debug_log_check_prints_the_log_and_mariadbs_deadlocks() {
	local dir="$SANDBOX/.wp/test-php-mariadb-1"
	mkdir -p "$dir/logs"
	echo 'PHP Warning:  Undefined variable $x in /plugin/file.php on line 3' >"$dir/logs/debug.log"
	# As MariaDB 10.11 writes a deadlock with --innodb-print-all-deadlocks.
	cat >"$dir/logs/mariadb.log" <<-'LOG'
		2026-12-02 14:28:00 0 [Note] mariadbd: ready for connections.
		2026-12-02 14:28:17 32 [Note] InnoDB: Transactions deadlock detected, dumping detailed information.
		*** (1) TRANSACTION:
		UPDATE wp_infosec_policy_deliveries SET status = 'sending' WHERE id = 3
		2026-12-02 14:28:17 32 [Note] InnoDB: *** WE ROLL BACK TRANSACTION (1)
		2026-12-02 14:29:00 0 [Note] unrelated line after it
	LOG
	if INSTANCE="$dir" in_sandbox 'check_debug_log "$INSTANCE"' >"$SANDBOX/check.log" 2>&1; then
		fail "the check to fail on a logged PHP warning"
	fi
	grep -q 'Undefined variable' "$SANDBOX/check.log" || fail "the PHP warning printed; got: $(cat "$SANDBOX/check.log")"
	grep -q "UPDATE wp_infosec_policy_deliveries" "$SANDBOX/check.log" && grep -q 'WE ROLL BACK' "$SANDBOX/check.log" ||
		fail "MariaDB's account of the deadlock printed; got: $(cat "$SANDBOX/check.log")"
	! grep -q 'unrelated line' "$SANDBOX/check.log" || fail "only the deadlock's own lines of MariaDB's log"
}

a_failed_run_prints_mariadbs_deadlocks_though_the_debug_log_is_empty() {
	local dir="$SANDBOX/.wp/test-php-mariadb-1"
	mkdir -p "$dir/logs"
	: >"$dir/logs/debug.log"
	printf '%s\n' '2026-12-02 14:28:17 32 [Note] InnoDB: Transactions deadlock detected, dumping detailed information.' \
		'UPDATE wp_infosec_policy_deliveries SET status = 1' '2026-12-02 14:28:17 32 [Note] InnoDB: *** WE ROLL BACK TRANSACTION (1)' \
		>"$dir/logs/mariadb.log"
	INSTANCE="$dir" in_sandbox 'check_debug_log "$INSTANCE"' >"$SANDBOX/passed.log" 2>&1 ||
		fail "an empty debug log to pass the check; got: $(cat "$SANDBOX/passed.log")"
	! grep -q 'WE ROLL BACK' "$SANDBOX/passed.log" || fail "nothing of MariaDB's log printed for a run that passed"
	if INSTANCE="$dir" in_sandbox 'check_debug_log "$INSTANCE" failed' >"$SANDBOX/failed.log" 2>&1; then
		fail "the check of a failed run to fail"
	fi
	grep -q 'WE ROLL BACK' "$SANDBOX/failed.log" || fail "MariaDB's account printed; got: $(cat "$SANDBOX/failed.log")"
}

echo "bin/ scripts, each case on a copy of bin/ in a sandbox folder:"
run_case "a layer whose steps all succeed passes" a_layer_whose_steps_all_succeed_passes
run_case "a failing step without '|| return' fails its layer and the run" a_failing_step_without_return_fails_the_run
run_case "the steps after a failing step do not run" the_steps_after_a_failing_step_do_not_run
run_case "the layers after a failing layer still run" the_layers_after_a_failing_layer_still_run
run_case "a failing layer's instances are removed all the same" a_failing_layers_instances_are_removed_all_the_same
run_case "removing abandoned test instances spares a process that reused the server's pid" \
	removing_abandoned_instances_spares_a_process_that_reused_the_pid
run_case "the clean-up after a layer spares a process that a bare pid file names" \
	the_clean_up_after_a_layer_spares_a_process_a_bare_pid_file_names
run_case "npm run stop spares a process that reused the server's pid" npm_run_stop_spares_a_process_that_reused_the_pid
run_case "npm run stop spares a process recorded in another boot" npm_run_stop_spares_a_process_recorded_in_another_boot
run_case "removing an instance spares a process that reused MariaDB's pid" \
	removing_an_instance_spares_a_process_that_reused_the_database_pid
run_case "npm run stop stops our own web server and its workers" npm_run_stop_stops_our_own_web_server_and_its_workers
run_case "the clean-up after a layer stops the layer's own web server" the_clean_up_after_a_layer_stops_the_layers_own_web_server
run_case "removing an instance stops its own MariaDB server" removing_an_instance_stops_its_own_mariadb_server
run_case "removing an instance stops its own Redis server, and waits until it has" \
	removing_an_instance_stops_its_own_redis_server_and_waits_for_it
run_case "a failing debug-log check prints the log and MariaDB's account of each deadlock" \
	the_debug_log_check_prints_the_log_and_mariadbs_deadlocks
run_case "a failed run prints MariaDB's account of each deadlock, though the debug log is empty" \
	a_failed_run_prints_mariadbs_deadlocks_though_the_debug_log_is_empty

echo "scripts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
