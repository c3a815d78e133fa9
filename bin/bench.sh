#!/usr/bin/env bash
# npm run bench: benchmarks that compare the plugin against a baseline in the same run, on a fresh
# WordPress instance of their own (SQLite; INFOSEC_DB=mariadb for MariaDB). Prints tables; asserts
# nothing. Timing lives here, never in the tests. `npm run bench -- load` runs only the subscribe
# load bench (the last section).
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/instance.sh"

db="${INFOSEC_DB:-sqlite}"
only="${1:-all}"
[[ $only == all || $only == load ]] || die "unknown bench section: $only" "run npm run bench, or npm run bench -- load"
mkdir -p "$CACHE_DIR" "$INSTANCES_DIR"
ensure_system_packages
ensure_node_modules
ensure_build
dir="$INSTANCES_DIR/bench-$db-$$"
# The whole-request figures want several PHP workers, as a production server has.
export PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}"
port="$(free_port 30100)"
url="http://localhost:$port"
# instance_destroy stops the web server too, once instance_serve has recorded it.
trap 'instance_destroy "$dir"' EXIT
instance_prepare "$dir" "$url" "$db" >/dev/null
instance_serve "$dir" "$port"
wait_for_http "$url/" 30 || die "the bench site did not start" "read $dir/logs/server.log"

if [[ $only == all ]]; then
echo "Page with every policy block (the statement pattern) against the same content as static core"
echo "blocks, $db, PHP $(php -r 'echo PHP_VERSION;'): render time of the page content (median of 25),"
echo "queries one render adds, and what a visitor downloads (bytes; plugin's share in brackets)."
printf '%-12s %14s %14s %8s %16s %16s\n' processors 'blocks (ms)' 'static (ms)' ratio 'blocks queries' 'static queries'
weights=()
requests=()
for count in 10 100 1000; do
	php "$ROOT/bench/render.php" "$dir/wordpress" "$count"
	weights+=("$count $(node "$ROOT/bench/weigh.mjs" "$url/bench-blocks/" "$url/bench-static/" | tr '\n' ' ')")
	requests+=("$count $(node "$ROOT/bench/requests.mjs" "$url/bench-blocks/" "$url/bench-static/")")
done
echo
echo "Whole requests, the same two pages over HTTP (PHP's server, $PHP_CLI_SERVER_WORKERS workers; median of"
echo "31, taking turns): time to first byte and to the last byte (ms). Target: ratio <= 1.10."
printf '%-12s %12s %12s %8s %12s %12s %8s\n' processors 'blocks TTFB' 'static TTFB' ratio 'blocks all' 'static all' ratio
for line in "${requests[@]}"; do
	read -r count bf sf rf bl sl rl <<<"$line"
	printf '%-12s %12s %12s %8s %12s %12s %8s\n' "$count" "$bf" "$sf" "$rf" "$bl" "$sl" "$rl"
done
echo
printf '%-12s %12s %12s %22s %22s %18s %14s\n' processors 'blocks HTML' 'static HTML' 'blocks CSS (plugin)' 'static CSS' 'blocks JS (plugin)' 'static JS'
for line in "${weights[@]}"; do
	read -r count bh bc bpc bj bpj sh sc _spc sj _spj <<<"$line"
	printf '%-12s %12s %12s %22s %22s %18s %14s\n' "$count" "$bh" "$sh" "$bc ($bpc)" "$sc" "$bj ($bpj)" "$sj"
done

echo
echo "Save round trip, PUT /infosec-policy/v1/policy, against core's update_option() of the same"
echo "document (median of 21-41 runs, taking turns):"
php "$ROOT/bench/policy-save.php" "$dir/wordpress"
echo
echo "E-mail notices ($db): a save with 5,000 confirmed subscribers against one with none (median of 15"
echo "each), and the notice of one change sent to all 5,000 through the site's SMTP server on loopback."
php "$ROOT/bench/subscribers.php" "$dir/wordpress"

echo
echo "Stress, 5,000 processors: each operation in a PHP process of its own, with WordPress's default"
echo "memory limit for who does it (40M for visitors, 256M for admin work); 'core' is WordPress"
echo "alone, loaded, for comparison. Time (ms) and peak memory (MB) of the whole process, with OPcache"
echo "on as PHP's web servers run it (the CLI turns it off, and then WordPress's compiled code alone"
echo "takes about 30 MB of the request's memory)."
printf '%-10s %10s %12s %8s\n' operation 'time (ms)' 'peak (MB)' limit
for op in save core view feed register settings dry-run export; do
	case "$op" in save | settings | dry-run | export) limit=256M ;; *) limit=40M ;; esac
	# PHP's own report of an exhausted limit goes to standard error, dropped: the line says it.
	php -d memory_limit="$limit" -d opcache.enable_cli=1 -d display_errors=stderr "$ROOT/bench/stress.php" "$dir/wordpress" 5000 "$op" 2>/dev/null || true
done

echo
echo "Settings page in Chromium, 10 against 1,000 processors (median of 7 runs, taking turns):"
node "$ROOT/bench/admin-page.mjs" "$url"
fi

echo
echo "Subscribe flood ($db): 10,000 requests to the public subscribe route from 500 loopback client"
echo "addresses, 12 at a time, against PHP's server with 6 workers, while another client reads the"
echo "statement page (every policy block, 10 processors). Baselines in the same run: the page read"
echo "alone, and read under the same flood to a route of core's. Then bursts of simultaneous requests"
echo "from one client, and the send queue run as WP-Cron runs it; the SMTP server on loopback counts."
php "$ROOT/bench/render.php" "$dir/wordpress" 10 >/dev/null
# The same port again: the site's address names it.
instance_stop_server "$dir"
PHP_CLI_SERVER_WORKERS=6 instance_serve "$dir" "$port"
wait_for_http "$url/" 30 || die "the bench site did not start" "read $dir/logs/server.log"
node "$ROOT/bench/subscribe-load.mjs" "$url" "$dir"
