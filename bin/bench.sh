#!/usr/bin/env bash
# npm run bench: benchmarks that compare the plugin against a baseline in the same run, on a fresh
# WordPress instance of their own (SQLite; INFOSEC_DB=mariadb for MariaDB). Prints tables; asserts
# nothing. Timing lives here, never in the tests.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/instance.sh"

db="${INFOSEC_DB:-sqlite}"
mkdir -p "$CACHE_DIR" "$INSTANCES_DIR"
ensure_system_packages
ensure_node_modules
ensure_build
dir="$INSTANCES_DIR/bench-$db-$$"
trap 'instance_destroy "$dir"' EXIT
instance_prepare "$dir" "http://localhost:$(free_port 30000)" "$db" >/dev/null

echo "Save round trip, PUT /infosec-policy/v1/policy, $db, PHP $(php -r 'echo PHP_VERSION;') (median of 15-40 runs):"
php "$ROOT/bench/policy-save.php" "$dir/wordpress"

echo
echo "Settings page in Chromium, 10 against 1,000 processors (median of 5 runs):"
port="$(free_port 30100)"
instance_write_config "$dir" "http://localhost:$port" "$db"
instance_serve "$dir" "$port"
server_pid="$SERVER_PID"
trap 'instance_stop_server "$server_pid"; instance_destroy "$dir"' EXIT
wait_for_http "http://localhost:$port/" 30 || die "the bench site did not start" "read $dir/logs/server.log"
node "$ROOT/bench/admin-page.mjs" "http://localhost:$port"
