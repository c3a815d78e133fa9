# shellcheck shell=bash
# Shared shell functions for bin/start.sh and bin/test.sh. Sourced, never run.
#
# Everything this project needs on the machine is set up from here, so that a fresh clone needs only
# `npm start` or `npm test`. Each step is idempotent and writes its result atomically (build in a
# temporary place, move into place last), so an interrupted run never leaves a half-made WordPress.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="$ROOT/.cache"
# shellcheck disable=SC2034 # read by the scripts that source this file
INSTANCES_DIR="$ROOT/.wp"

# Debian suites searched for WordPress, newest first. INFOSEC_WP_VERSION picks a version prefix
# (for example "6.8" for trixie's 6.8.x); unset, the newest complete WordPress on offer wins.
WP_SUITES="${INFOSEC_WP_SUITES:-sid forky trixie}"
WP_VERSION_PREFIX="${INFOSEC_WP_VERSION:-}"
# The SQLite database integration ships inside this npm package (as a zip); pinned for repeatability.
PLAYGROUND_CLI_VERSION="3.1.56"

log() { printf '\033[1m[infosec-policy]\033[0m %s\n' "$*" >&2; }
die() {
	printf '\033[31m[infosec-policy] error:\033[0m %s\n' "$1" >&2
	[ $# -gt 1 ] && printf '  what to do: %s\n' "$2" >&2
	exit 1
}

# Every Debian package the plugin's tooling needs: `npm start` and `npm test` take them all.
ALL_SYSTEM_PACKAGES=(php8.2-cli php8.2-sqlite3 php8.2-mysql php8.2-xml php8.2-mbstring php8.2-curl
	php8.2-gd php8.2-intl php8.2-zip composer zip unzip openssl curl chromium mariadb-server
	mariadb-client fonts-liberation gettext python3-aiosmtpd redis-server php8.2-redis spamassassin)

# Installs the Debian packages named (all the tooling's by default), when any is missing. Needs root
# (as on this project's machines and CI); anyone else gets the exact command to run.
ensure_system_packages() {
	local wanted=("$@")
	[ ${#wanted[@]} -gt 0 ] || wanted=("${ALL_SYSTEM_PACKAGES[@]}")
	local missing=() pkg
	for pkg in "${wanted[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing Debian packages: ${missing[*]}" "sudo apt-get install -y ${missing[*]}"
	fi
	log "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null ||
		die "apt-get update failed" "check that Debian's package mirror can be reached"
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$CACHE_DIR/apt-install.log" 2>&1 ||
		die "apt-get install failed (log: $CACHE_DIR/apt-install.log)" "read the log; rerun when the mirror answers"
}

# Runs `npm ci` when node_modules is missing or older than the lock file.
ensure_node_modules() {
	if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
		[ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
		log "installing npm packages (npm ci)"
		(cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) ||
			die "npm ci failed" "check that the npm registry can be reached, then run npm start again"
	fi
}

# Runs `composer install` (development tools only: PHPUnit, PHPCS, PHPStan) when vendor/ is stale.
ensure_composer_packages() {
	if [ ! -f "$ROOT/vendor/autoload.php" ] || [ "$ROOT/composer.json" -nt "$ROOT/vendor/autoload.php" ]; then
		log "installing Composer packages"
		(cd "$ROOT" && composer install --no-interaction --no-progress --quiet) ||
			die "composer install failed" "check that Packagist can be reached, then run again"
		touch "$ROOT/vendor/autoload.php"
	fi
}

# Builds the blocks and scripts, and compiles the translations (languages/*.po to .mo and JSON), when
# any source is newer than the build.
ensure_build() {
	local stamp="$ROOT/build/.stamp"
	if [ -f "$stamp" ] && [ -z "$(find "$ROOT/blocks" "$ROOT/src" "$ROOT/schema" "$ROOT/languages" "$ROOT/bin/i18n.mjs" "$ROOT/webpack.config.js" "$ROOT/package-lock.json" "$ROOT/package.json" -newer "$stamp" -print -quit)" ]; then
		return 0
	fi
	log "building blocks and scripts (wp-scripts build)"
	(cd "$ROOT" && npm run --silent build >"$CACHE_DIR/build.log" 2>&1) ||
		{ cat "$CACHE_DIR/build.log" >&2; die "the build failed" "fix the error above"; }
	touch "$stamp"
}

# apt-get with a private sources list and state, so the system's own Debian sources stay untouched.
private_apt() {
	local apt_dir="$CACHE_DIR/apt"
	apt-get -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts="$apt_dir/parts" \
		-o Dir::State::Lists="$apt_dir/lists" -o Dir::State::status="$apt_dir/status" \
		-o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1 "$@"
}

private_apt_update() {
	local apt_dir="$CACHE_DIR/apt" suite
	mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts" "$apt_dir/cache/archives/partial"
	touch "$apt_dir/status"
	: >"$apt_dir/sources.list"
	for suite in $WP_SUITES; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" >>"$apt_dir/sources.list"
	done
	# Package lists are refreshed at most once a day; older lists do when the mirror cannot be reached.
	if [ -z "$(find "$apt_dir/lists" -name '*Packages*' -mtime -1 -print -quit 2>/dev/null)" ]; then
		log "reading Debian package lists ($WP_SUITES)"
		if ! private_apt update -qq >"$apt_dir/update.log" 2>&1; then
			[ -n "$(find "$apt_dir/lists" -name '*Packages*' -print -quit 2>/dev/null)" ] ||
				die "could not read Debian's package lists (log: $apt_dir/update.log)" "check that Debian's package mirror can be reached"
			log "Debian's mirror did not answer; using the package lists read earlier"
		fi
	fi
}

# Prints the newest version of a package on offer in the private suites, optionally only versions
# starting with $2 and not newer than $3.
newest_version() {
	local pkg="$1" prefix="${2:-}" ceiling="${3:-}" best="" v
	while read -r v; do
		[ -n "$prefix" ] && [[ "$v" != "$prefix"* ]] && continue
		[ -n "$ceiling" ] && dpkg --compare-versions "$v" gt "$ceiling" && continue
		if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best="$v"; fi
	done < <(private_apt_cache madison "$pkg" | awk -F'|' '{gsub(/ /,"",$2); print $2}')
	echo "$best"
}

private_apt_cache() {
	local apt_dir="$CACHE_DIR/apt"
	apt-cache -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts="$apt_dir/parts" \
		-o Dir::State::Lists="$apt_dir/lists" -o Dir::State::status="$apt_dir/status" \
		-o Dir::Cache="$apt_dir/cache" "$@"
}

# Makes a complete WordPress core (with the default themes the page is designed for, Twenty
# Twenty-Five, Twenty Twenty-Four and Twenty Twenty-Three, and the language packs) in the cache and
# sets WORDPRESS_CORE_DIR to its folder. A variable, not printed: a caller would have to run this in
# $(...), where a die ends only that subshell and the caller goes on without WordPress. Debian splits
# WordPress's bundled libraries into packages of their own and links to them; they are unpacked
# beside it and the links followed, so the copy stands alone.
ensure_wordpress_core() {
	private_apt_update
	local wp_version l10n_version
	wp_version="$(newest_version wordpress "$WP_VERSION_PREFIX")"
	[ -n "$wp_version" ] || die "no Debian wordpress package${WP_VERSION_PREFIX:+ matching $WP_VERSION_PREFIX} in: $WP_SUITES" \
		"set INFOSEC_WP_VERSION to a version Debian offers, or INFOSEC_WP_SUITES to other suites"
	local core="$CACHE_DIR/wordpress/${wp_version%%+*}"
	if [ -f "$core/wp-includes/version.php" ] && [ -f "$core/wp-content/themes/twentytwentythree/style.css" ]; then
		WORDPRESS_CORE_DIR="$core"
		return 0
	fi
	l10n_version="$(newest_version wordpress-l10n "" "$wp_version")"
	log "fetching WordPress $wp_version from Debian (language packs $l10n_version)"
	local work
	work="$(mktemp -d "$CACHE_DIR/wordpress-fetch.XXXXXX")"
	(
		cd "$work"
		private_apt download -qq "wordpress=$wp_version" "wordpress-theme-twentytwentyfive=$wp_version" \
			"wordpress-theme-twentytwentyfour=$wp_version" "wordpress-theme-twentytwentythree=$wp_version" \
			${l10n_version:+"wordpress-l10n=$l10n_version"} libjs-lodash libjs-underscore libjs-cropper \
			libjs-jquery-ui libphp-phpmailer php-getid3 >download.log 2>&1
	) || { rm -rf "$work"; die "downloading WordPress from Debian failed" "check that Debian's package mirror can be reached"; }
	local deb
	for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
	# Point absolute links into the unpacked tree; links to system files (the CA bundle) stay as they are.
	local link target
	while IFS= read -r link; do
		target="$(readlink "$link")"
		if [[ "$target" == /* ]] && [ -e "$work/root$target" ]; then ln -sfn "$work/root$target" "$link"; fi
	done < <(find "$work/root" -type l)
	rm -f "$work/root/usr/share/wordpress/wp-config.php" "$work/root/usr/share/wordpress/.htaccess"
	cp -rL "$work/root/usr/share/wordpress" "$work/core" ||
		{ rm -rf "$work"; die "WordPress's bundled libraries are incomplete" "report the Debian package versions in $work"; }
	mkdir -p "$(dirname "$core")"
	# A copy made before the themes were part of it is replaced whole.
	rm -rf "$core"
	mv "$work/core" "$core"
	rm -rf "$work"
	# shellcheck disable=SC2034 # read by the caller
	WORDPRESS_CORE_DIR="$core"
}

# Unpacks WordPress's SQLite database integration (from the npm package that ships it) into the cache
# and sets SQLITE_INTEGRATION_DIR to its folder (a variable, for the reason given above).
ensure_sqlite_integration() {
	local dir="$CACHE_DIR/sqlite-database-integration-$PLAYGROUND_CLI_VERSION"
	if [ -f "$dir/load.php" ]; then
		SQLITE_INTEGRATION_DIR="$dir"
		return 0
	fi
	log "fetching the SQLite database integration (@wp-playground/cli $PLAYGROUND_CLI_VERSION)"
	local work
	work="$(mktemp -d "$CACHE_DIR/sqlite-fetch.XXXXXX")"
	(cd "$work" && npm pack --silent "@wp-playground/cli@$PLAYGROUND_CLI_VERSION" >/dev/null 2>&1 &&
		tar xzf ./*.tgz package/sqlite-database-integration.zip &&
		unzip -q package/sqlite-database-integration.zip -d unpacked) ||
		{ rm -rf "$work"; die "fetching the SQLite integration failed" "check that the npm registry can be reached"; }
	mv "$work/unpacked/plugin-sqlite-database-integration" "$dir"
	rm -rf "$work"
	# shellcheck disable=SC2034 # read by the caller
	SQLITE_INTEGRATION_DIR="$dir"
}

# Pid files here hold "<pid> <start time> <boot id>", and are acted on only while that very process
# runs. A pid alone is not enough: once a process ends, the kernel hands its number to a later one
# (pid_max is 32768 on many machines), and a stale pid file would have us signal an unrelated
# process. The start time (field 22 of /proc/<pid>/stat, in clock ticks since boot) tells two holders
# of one pid apart, and the boot id tells two boots apart, since pid files outlive a reboot.
BOOT_ID="$(cat /proc/sys/kernel/random/boot_id)"

# Prints the start time of the process with pid $1; fails when none runs under that pid. A process
# that has ended but is not yet reaped (a zombie) has ended.
process_start_time() {
	local pid="$1" stat fields
	[[ "$pid" =~ ^[1-9][0-9]*$ ]] || return 1
	{ read -r stat <"/proc/$pid/stat"; } 2>/dev/null || return 1
	# Field 2, the command's name in brackets, may itself hold spaces and brackets: split after it,
	# so that the state (field 3) comes first.
	read -r -a fields <<<"${stat##*) }"
	[ "${fields[0]}" != Z ] || return 1
	echo "${fields[19]}"
}

# Writes the pid file $2 for the running process $1; fails when that process has already ended.
record_process() {
	local pid="$1" pid_file="$2" start
	start="$(process_start_time "$pid")" || return 1
	echo "$pid $start $BOOT_ID" >"$pid_file"
}

# Succeeds when the pid file $1 names a process that still runs, the very one recorded there, and
# sets RECORDED_PID to its pid. Fails when the file is missing, holds a bare pid (as older versions
# of these scripts wrote), or names a process that has ended or a pid another process has now.
recorded_process_runs() {
	local pid_file="$1" pid="" start="" boot="" rest=""
	RECORDED_PID=""
	[ -f "$pid_file" ] || return 1
	{ read -r pid start boot rest || true; } 2>/dev/null <"$pid_file"
	if [ -z "$start" ] || [ "$boot" != "$BOOT_ID" ]; then return 1; fi
	[ "$(process_start_time "$pid")" = "$start" ] || return 1
	# shellcheck disable=SC2034 # read by the caller
	RECORDED_PID="$pid"
}

# Prints a free TCP port on 127.0.0.1, starting the search at $1.
free_port() {
	local port="$1"
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
	echo "$port"
}

# Waits until a URL answers (any HTTP status), at most $2 seconds.
wait_for_http() {
	local url="$1" seconds="${2:-30}" i
	for ((i = 0; i < seconds * 10; i++)); do
		curl -s -o /dev/null "$url" && return 0
		sleep 0.1
	done
	return 1
}
