#!/usr/bin/env bash
# npm test: sets up everything on a fresh clone and runs every test layer, failing if any fails.
#
#   npm test                 all layers
#   npm test -- php e2e      only the named layers: scripts typecheck lint-js lint-php i18n unit php e2e blueprint
#
# The PHP and end-to-end layers each get a WordPress instance of their own (own folder, own database,
# own port), made fresh for the run and removed after it, so tests never touch the `npm start` site
# and two runs never share data. INFOSEC_TEST_DBS picks the databases of the PHP layer
# (default: "sqlite mariadb mariadb+redis").
#
# Sourcing this file (as tests/scripts does) defines its functions and runs nothing.
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/instance.sh"

ALL_LAYERS=(scripts typecheck lint-js lint-php i18n unit php e2e blueprint)

# Ends with the run's pid and start time, which tell remove_abandoned_test_instances whether the run
# that made an instance is still going.
run_id="$(date +%Y%m%d%H%M%S)-$$-$(process_start_time $$)"
run_instances=()

cleanup() {
	local dir
	for dir in "${run_instances[@]}"; do
		instance_destroy "$dir"
	done
}

# Runs a layer in a subshell of its own: a step that fails or dies ends that layer (reported as
# failed), not the whole run, and the layer's instances are removed whatever happens. errexit is set
# here because run_layers turns it off around the call; and it only works because run_layers calls
# this as a plain command: bash ignores set -e in everything an if-condition or a && / || list runs,
# functions and subshells included, even where they set it themselves.
run_layer() (
	set -e
	trap cleanup EXIT
	"layer_$1"
)

# Runs the layers named in the arguments, one after the other, and prints the summary; fails when
# any layer failed.
run_layers() {
	local layer started status passed=0 failed=0 failed_layers=()
	for layer in "$@"; do
		log "── $layer"
		started=$SECONDS
		# Not `if run_layer` nor `run_layer || status=$?`: both are conditions, in which a failing step
		# without `|| return` would not end its layer. errexit is off out here for this one call, so
		# that a failing layer ends neither the loop nor the run.
		set +e
		run_layer "$layer"
		status=$?
		set -e
		if [ "$status" -eq 0 ]; then
			passed=$((passed + 1))
			log "── $layer passed ($((SECONDS - started)) s)"
		else
			failed=$((failed + 1))
			failed_layers+=("$layer")
			log "── $layer FAILED with status $status ($((SECONDS - started)) s)"
		fi
	done
	echo
	[ "$failed" -eq 0 ] || log "failed layers: ${failed_layers[*]}"
	echo "layers: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# Removes the instances of runs that are over (a run killed before its own clean-up): those whose
# run's pid no longer names the process that started at the time recorded in the name.
remove_abandoned_test_instances() {
	local dir run run_pid run_start
	for dir in "$INSTANCES_DIR"/test-*; do
		[ -d "$dir" ] || continue
		run_start="${dir##*-}"
		run="${dir%-*}"
		run_pid="${run##*-}"
		[ "$(process_start_time "$run_pid")" = "$run_start" ] && continue
		instance_destroy "$dir"
	done
}

# Makes a fresh instance for one layer, test-<layer>-<db>-<run>, to be served on a free port.
new_test_instance() {
	local name="$1" db="$2" mode="${3:-}" port url dir
	port="$(free_port $((20000 + RANDOM % 20000)))"
	url="http://localhost:$port"
	dir="$INSTANCES_DIR/test-$name-$db-$run_id"
	run_instances+=("$dir")
	instance_prepare "$dir" "$url" "$db" "$mode"
	TEST_DIR="$dir"
	TEST_URL="$url"
	TEST_PORT="$port"
}

php_files() {
	find "$ROOT" -path "$ROOT/node_modules" -prune -o -path "$ROOT/vendor" -prune -o -path "$ROOT/.wp" -prune \
		-o -path "$ROOT/.cache" -prune -o -path "$ROOT/build" -prune -o -name '*.php' -print
}

# First, since the other layers count on what it checks: that a failing step fails its layer.
layer_scripts() { bash "$ROOT/tests/scripts/bin.test.sh"; }

layer_typecheck() { (cd "$ROOT" && npm run --silent typecheck); }

layer_lint-js() { (cd "$ROOT" && npx wp-scripts lint-js && npx wp-scripts lint-style 'blocks/**/*.scss' 'src/**/*.scss'); }

layer_lint-php() {
	local file failed=0
	while IFS= read -r file; do
		php -l "$file" >/dev/null || failed=1
	done < <(php_files)
	[ "$failed" = 0 ] || return 1
	(cd "$ROOT" && vendor/bin/phpcs -q && vendor/bin/phpstan analyse --no-progress --memory-limit=1G)
}

# The template is what the source gives, and every catalogue translates all of it (bin/i18n.mjs).
layer_i18n() { (cd "$ROOT" && node bin/i18n.mjs check); }

layer_unit() { (cd "$ROOT" && npx wp-scripts test-unit-js); }

# "mariadb+redis" is MariaDB with a persistent object cache in Redis, as production sites run: every
# cache the plugin keeps must stay correct when the object cache outlives the request.
layer_php() {
	local run db name
	for run in ${INFOSEC_TEST_DBS:-sqlite mariadb mariadb+redis}; do
		log "PHP tests on $run"
		db="${run%+redis}" name=php
		if [ "$run" != "$db" ]; then name=php-redis; fi
		new_test_instance "$name" "$db"
		if [ "$run" != "$db" ]; then redis_start "$TEST_DIR"; fi
		# A failed test's PHP errors and deadlocks are printed too: they are often its cause.
		if ! (cd "$ROOT" && INFOSEC_TEST_WP_DIR="$TEST_DIR/wordpress" vendor/bin/phpunit); then
			check_debug_log "$TEST_DIR" failed || true
			return 1
		fi
		check_debug_log "$TEST_DIR" || return 1
	done
}

# Two sites: the test site, with the plugin linked in and active, and a bare WordPress that has never
# seen the plugin, where a test uploads the zip that `npm run plugin-zip` makes, as a site owner would.
layer_e2e() {
	local site_dir site_url zip="$CACHE_DIR/e2e/infosec-policy.zip"
	new_test_instance e2e sqlite
	site_dir="$TEST_DIR"
	site_url="$TEST_URL"
	instance_serve "$TEST_DIR" "$TEST_PORT"
	new_test_instance e2e-install sqlite --bare
	instance_serve "$TEST_DIR" "$TEST_PORT"
	mkdir -p "$(dirname "$zip")"
	bash "$ROOT/bin/plugin-zip.sh" "$zip"
	wait_for_http "$site_url/" 30 || { cat "$site_dir/logs/server.log" >&2; return 1; }
	wait_for_http "$TEST_URL/" 30 || { cat "$TEST_DIR/logs/server.log" >&2; return 1; }
	(cd "$ROOT" && WP_BASE_URL="$site_url" INFOSEC_SITE_DIR="$site_dir" INFOSEC_INSTALL_URL="$TEST_URL" INFOSEC_INSTALL_WP_DIR="$TEST_DIR/wordpress" \
		INFOSEC_PLUGIN_ZIP="$zip" npx playwright test ${UPDATE_SNAPSHOTS:+--update-snapshots})
	check_debug_log "$site_dir"
	check_debug_log "$TEST_DIR"
}

# blueprint.json run by WordPress Playground's CLI, offline: on the WordPress the other layers use,
# with the zip this run makes.
layer_blueprint() {
	local zip="$CACHE_DIR/blueprint/infosec-policy.zip"
	ensure_wordpress_core
	mkdir -p "$(dirname "$zip")"
	bash "$ROOT/bin/plugin-zip.sh" "$zip"
	(cd "$ROOT" && INFOSEC_WP_CORE="$WORDPRESS_CORE_DIR" INFOSEC_PLUGIN_ZIP="$zip" node tests/blueprint/blueprint.test.mjs)
}

# Any PHP error, warning, notice or deprecation that WordPress logged during a layer fails it. A
# failing check, or a second argument "failed" (the tests failed already), also prints MariaDB's
# account of each deadlock it broke (--innodb-print-all-deadlocks): a test that suppressed the
# database error leaves nothing in the debug log.
check_debug_log() {
	local log_file="$1/logs/debug.log" failed="${2:-}"
	if [ -s "$log_file" ]; then
		log "WordPress logged PHP errors during the tests ($log_file):"
		cat "$log_file" >&2
		failed=yes
	fi
	[ -n "$failed" ] || return 0
	if grep -q 'deadlock detected' "$1/logs/mariadb.log" 2>/dev/null; then
		log "MariaDB's account of the deadlocks:"
		sed -n '/deadlock detected/,/WE ROLL BACK/p' "$1/logs/mariadb.log" >&2
	fi
	return 1
}

main() {
	local layers=("$@") layer
	[ ${#layers[@]} -eq 0 ] && layers=("${ALL_LAYERS[@]}")
	for layer in "${layers[@]}"; do
		[[ " ${ALL_LAYERS[*]} " == *" $layer "* ]] || die "unknown test layer '$layer'" "use: ${ALL_LAYERS[*]}"
	done
	mkdir -p "$CACHE_DIR" "$INSTANCES_DIR"
	ensure_system_packages
	ensure_node_modules
	ensure_composer_packages
	ensure_build
	remove_abandoned_test_instances
	run_layers "${layers[@]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	main "$@"
fi
