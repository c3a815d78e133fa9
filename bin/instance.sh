# shellcheck shell=bash
# WordPress instances: one folder each under .wp/, sourced after lib.sh, never run.
#
#   .wp/<name>/wordpress/   the web root (core, Twenty Twenty-Five, this plugin linked in)
#   .wp/<name>/database/    the SQLite file, or MariaDB's data folder and socket
#   .wp/<name>/logs/        server.log (PHP's web server), debug.log (WordPress), mariadb.log
#
# The database lives outside the web root, so the development server can never hand it out.

# Creates the instance in $1 for URL $2 on database kind $3 (sqlite|mariadb), unless it is complete
# already. $4 is optional: --demo for the demo policy, or --bare for a WordPress that has never seen
# the plugin (not linked in, not active), where a test installs it as a site owner would. $5 is
# optional too: the site's language (nl_NL), set before the demo page is made from the pattern.
# The marker file is written last: a folder without it is a half-made instance from an interrupted
# run, and is made again from scratch.
instance_prepare() {
	local dir="$1" url="$2" db="$3" mode="${4:-}" locale="${5:-}"
	local core sqlite
	# A complete instance holds its own copy of WordPress: reuse it as it is, without asking Debian
	# for anything, so a second start works offline and a newer WordPress never replaces a site.
	if [ -f "$dir/.installed" ] && [ "$(awk '{print $NF}' "$dir/.installed")" = "$db" ]; then
		instance_write_config "$dir" "$url" "$db"
		if [ "$db" = mariadb ]; then mariadb_start "$dir"; fi
		return 0
	fi
	if [ -e "$dir" ]; then
		log "removing the incomplete instance ${dir#"$ROOT"/} (an earlier set-up did not finish)"
		instance_destroy "$dir"
	fi
	ensure_wordpress_core
	core="$WORDPRESS_CORE_DIR"
	log "creating WordPress instance in ${dir#"$ROOT"/} ($db)"
	mkdir -p "$dir/logs" "$dir/database"
	cp -a "$core" "$dir/wordpress"
	[ "$mode" = --bare ] || ln -s "$ROOT" "$dir/wordpress/wp-content/plugins/infosec-policy"
	mkdir -p "$dir/wordpress/wp-content/mu-plugins"
	cp "$ROOT/bin/mu-plugins/"*.php "$dir/wordpress/wp-content/mu-plugins/"
	if [ "$db" = sqlite ]; then
		ensure_sqlite_integration
		sqlite="$SQLITE_INTEGRATION_DIR"
		cp -a "$sqlite" "$dir/wordpress/wp-content/plugins/sqlite-database-integration"
		sed -e "s#{SQLITE_IMPLEMENTATION_FOLDER_PATH}#$dir/wordpress/wp-content/plugins/sqlite-database-integration#" \
			-e 's#{SQLITE_PLUGIN}#sqlite-database-integration/load.php#' \
			"$sqlite/db.copy" >"$dir/wordpress/wp-content/db.php"
	else
		mariadb_init "$dir"
		mariadb_start "$dir"
	fi
	instance_write_salts "$dir"
	instance_write_config "$dir" "$url" "$db"
	php "$ROOT/bin/wp-setup.php" "$dir/wordpress" "$url" ${mode:+"$mode"} ${locale:+"--locale=$locale"} >"$dir/logs/setup.log" 2>&1 ||
		{ cat "$dir/logs/setup.log" >&2; die "installing WordPress in $dir failed" "read the output above; the next run starts this instance afresh"; }
	echo "$core $db" >"$dir/.installed"
}

instance_write_salts() {
	local dir="$1" key
	{
		echo '<?php'
		for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
			echo "define( '$key', '$(openssl rand -hex 32)' );"
		done
	} >"$dir/salts.php"
}

# wp-config.php is written on every start, so a change of port or URL takes effect at once.
instance_write_config() {
	local dir="$1" url="$2" db="$3" db_settings
	if [ "$db" = sqlite ]; then
		db_settings="define( 'DB_DIR', '$dir/database/' );
define( 'DB_FILE', 'wordpress.sqlite' );
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );"
	else
		db_settings="define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$dir/database/mariadb.sock' );"
	fi
	cat >"$dir/wordpress/wp-config.php" <<PHP
<?php
// Written by bin/instance.sh on every start; edits here are overwritten.
$db_settings
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
require __DIR__ . '/../salts.php';
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$dir/logs/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// This machine reaches no network but package registries: never try WordPress.org or any other host.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
// .test is reserved (RFC 2606) and never resolves: tests give such names addresses of their own.
define( 'WP_ACCESSIBLE_HOSTS', '*.test' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
}

# Starts PHP's web server for the instance in the background, records it in the instance's
# server.pid and sets SERVER_PID. Not run in a command substitution, so that the server stays a child
# of the caller, which can wait for it. The server leads a process group of its own, since its
# workers outlive a signal to the first process.
instance_serve() {
	local dir="$1" port="$2" smtp_port
	# The site's mail goes to an SMTP server of its own on loopback, which keeps every message in
	# the Maildir mail/ (a message is a file in mail/new/); the mu-plugin local-mail.php points
	# wp_mail() at the port in mail/port. It runs in the web server's process group, so it stops
	# with it.
	smtp_port="$(free_port $((port + 10000 > 65000 ? port - 10000 : port + 10000)))"
	mkdir -p "$dir/mail/new" "$dir/mail/cur" "$dir/mail/tmp"
	echo "$smtp_port" >"$dir/mail/port"
	PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}" setsid bash -c \
		'/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$1" -c aiosmtpd.handlers.Mailbox "$2/mail" >>"$2/logs/mail.log" 2>&1 &
		exec php -S "127.0.0.1:$3" -t "$2/wordpress" "$4"' _ "$smtp_port" "$dir" "$port" "$ROOT/bin/router.php" \
		>>"$dir/logs/server.log" 2>&1 </dev/null &
	SERVER_PID=$!
	record_process "$SERVER_PID" "$dir/server.pid" ||
		die "PHP's web server ended as soon as it started (log: $dir/logs/server.log)" "read the log"
}

# Stops the web server that the instance's server.pid records, its whole process group, and waits
# until it is gone. A pid file whose server has ended, or whose pid another process has now, is
# removed and nothing is signalled.
instance_stop_server() {
	local pid_file="$1/server.pid" pid i
	if recorded_process_runs "$pid_file"; then
		pid="$RECORDED_PID"
		signal_server TERM "$pid" || true
		for ((i = 0; i < 50; i++)); do
			signal_server 0 "$pid" || break
			sleep 0.1
		done
		# Only while the group's leader is still the recorded server: then the group is surely ours.
		if recorded_process_runs "$pid_file"; then signal_server KILL "$pid" || true; fi
	fi
	rm -f "$pid_file"
}

# Sends signal $1 to the process group that server $2 leads, or to the server alone when it leads
# none yet: one stopped right after instance_serve may not have reached its setsid.
signal_server() {
	kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null
}

# Stops the instance's servers, those its pid files show still running, and removes its folder.
instance_destroy() {
	local dir="$1"
	instance_stop_server "$dir"
	mariadb_stop "$dir"
	redis_stop "$dir"
	rm -rf "$dir"
}

mariadb_init() {
	local dir="$1"
	mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/database/data" \
		--auth-root-authentication-method=normal --skip-test-db >"$dir/logs/mariadb-install.log" 2>&1 ||
		die "initialising MariaDB failed (log: $dir/logs/mariadb-install.log)" "read the log"
}

# Starts the instance's own MariaDB server (no TCP port, a socket in the instance) unless it runs.
mariadb_start() {
	local dir="$1" sock="$1/database/mariadb.sock" i
	if [ -S "$sock" ] && mariadb --no-defaults --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
		return 0
	fi
	# Deadlocks are written to mariadb.log with their locks, for check_debug_log to show.
	# mariadbd writes a bare pid into a pid file of its own; ours, mariadb.pid, records which process
	# it was (see record_process), so that a later stop never signals a process that reused the pid.
	nohup mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/database/data" --socket="$sock" \
		--skip-networking --pid-file="$dir/database/data/mariadbd.pid" --log-error="$dir/logs/mariadb.log" \
		--innodb-buffer-pool-size=64M --innodb-print-all-deadlocks=ON >/dev/null 2>&1 </dev/null &
	record_process "$!" "$dir/database/mariadb.pid" ||
		die "MariaDB ended as soon as it started (log: $dir/logs/mariadb.log)" "read the log"
	for ((i = 0; i < 300; i++)); do
		if mariadb --no-defaults --socket="$sock" -uroot -e 'CREATE DATABASE IF NOT EXISTS wordpress' >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	die "MariaDB did not start (log: $dir/logs/mariadb.log)" "read the log"
}

# Starts a Redis server for the instance, on a Unix socket in its folder (redis/redis.sock) and no
# TCP port, keeping nothing on disk, and installs the tests' persistent object cache drop-in
# (tests/php/fixtures/object-cache.php), which every process of the instance then uses.
redis_start() {
	local dir sock i
	# Absolute: Redis changes to its --dir before it opens the socket and the log.
	dir="$(cd "$1" && pwd)" sock="$dir/redis/redis.sock"
	mkdir -p "$dir/redis"
	nohup redis-server --port 0 --unixsocket "$sock" --unixsocketperm 700 --save '' --appendonly no \
		--dir "$dir/redis" --logfile "$dir/logs/redis.log" >/dev/null 2>&1 </dev/null &
	record_process "$!" "$dir/redis/redis.pid" ||
		die "Redis ended as soon as it started (log: $dir/logs/redis.log)" "read the log"
	for ((i = 0; i < 100; i++)); do
		if [ "$(redis-cli -s "$sock" ping 2>/dev/null)" = PONG ]; then
			cp "$ROOT/tests/php/fixtures/object-cache.php" "$dir/wordpress/wp-content/object-cache.php"
			return 0
		fi
		sleep 0.1
	done
	die "Redis did not start (log: $dir/logs/redis.log)" "read the log"
}

# Asks the process that pid file $1 records, if it still runs, to end (TERM), and waits until it has,
# at most ten seconds. Fails when it still runs.
stop_recorded_process() {
	local pid_file="$1" i
	recorded_process_runs "$pid_file" || return 0
	kill -TERM "$RECORDED_PID" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		recorded_process_runs "$pid_file" || return 0
		sleep 0.1
	done
	return 1
}

# Stops the instance's Redis server, if it runs. It keeps nothing on disk, so one that has not ended
# in ten seconds is killed.
redis_stop() {
	local pid_file="$1/redis/redis.pid"
	if ! stop_recorded_process "$pid_file" && recorded_process_runs "$pid_file"; then
		kill -KILL "$RECORDED_PID" 2>/dev/null || true
	fi
	rm -f "$pid_file"
}

# Stops the instance's MariaDB server, if it runs, and waits until it has shut down, at most ten
# seconds; its pid file is kept while it is still shutting down, so that a later stop can find it.
mariadb_stop() {
	local pid_file="$1/database/mariadb.pid"
	stop_recorded_process "$pid_file" && rm -f "$pid_file"
	return 0
}
