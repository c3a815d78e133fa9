#!/usr/bin/env bash
# npm start: sets up everything on a fresh clone and serves WordPress with the plugin at
# http://localhost:8888 until Ctrl-C or `npm run stop`.
#
#   npm start                      SQLite database (the default)
#   npm start -- --db=mariadb      MariaDB, as production sites run (or INFOSEC_DB=mariadb)
#   npm start -- --port=9000       another port (or PORT=9000)
#   npm start -- --locale=nl_NL    the demo site in Dutch (or INFOSEC_LOCALE=nl_NL): a site of its own,
#                                  so the English one stays as it is
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/instance.sh"

db="${INFOSEC_DB:-sqlite}"
port="${PORT:-8888}"
locale="${INFOSEC_LOCALE:-en_US}"
for arg in "$@"; do
	case "$arg" in
		--db=*) db="${arg#--db=}" ;;
		--port=*) port="${arg#--port=}" ;;
		--locale=*) locale="${arg#--locale=}" ;;
		*) die "unknown option $arg" "use --db=sqlite|mariadb, --port=N and --locale=en_US|nl_NL" ;;
	esac
done
[[ "$db" =~ ^(sqlite|mariadb)$ ]] || die "unknown database '$db'" "use sqlite or mariadb"
[[ "$port" =~ ^[0-9]+$ ]] || die "port '$port' is not a number" "use --port=N"
[[ "$locale" =~ ^(en_US|nl_NL)$ ]] || die "the plugin ships no translation for '$locale'" "use --locale=en_US or --locale=nl_NL"

dir="$INSTANCES_DIR/site-$db"
[ "$locale" = en_US ] || dir="$dir-$locale"
url="http://localhost:$port"
pid_file="$dir/server.pid"

if recorded_process_runs "$pid_file"; then
	log "already running at $(cat "$dir/server.url") (npm run stop to stop it)"
	exit 0
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	die "port $port is in use by another program" "stop it, or run: npm start -- --port=N"
fi

mkdir -p "$CACHE_DIR" "$INSTANCES_DIR"
ensure_system_packages
ensure_node_modules
ensure_build
instance_prepare "$dir" "$url" "$db" --demo "${locale#en_US}"

instance_serve "$dir" "$port"
server_pid="$SERVER_PID"
echo "$url" >"$dir/server.url"
stop_all() {
	instance_stop_server "$dir"
	mariadb_stop "$dir"
}
trap stop_all EXIT
trap 'exit 0' INT TERM

wait_for_http "$url/" 30 || die "WordPress did not answer at $url (log: $dir/logs/server.log)" "read the log"
cat >&2 <<MSG

  WordPress is running at $url ($db database, $locale)
    the plugin's page:  $url/information-security/
    admin:              $url/wp-admin/  (admin / password)
    settings page:      $url/wp-admin/options-general.php?page=infosec-policy
    logs:               ${dir#"$ROOT"/}/logs/
  Ctrl-C or \`npm run stop\` stops it.

MSG
wait "$server_pid"
