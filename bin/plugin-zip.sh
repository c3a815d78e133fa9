#!/usr/bin/env bash
# npm run plugin-zip: builds infosec-policy.zip, the plugin as a site installs it (Plugins → Add New →
# Upload Plugin): one top folder, infosec-policy/, holding only what WordPress runs. No sources,
# tests, scripts, source maps, development configuration or Composer packages.
#
#   npm run plugin-zip            writes ./infosec-policy.zip
#   npm run plugin-zip -- <file>  writes it elsewhere
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# What a site runs, relative to the repository: the boot files, the PHP, the built blocks and
# settings page, the JSON the PHP reads, the translations and the readme.
ZIP_CONTENTS=(plugin.php uninstall.php readme.txt includes build schema/policy.schema.json data languages)

# Files inside those that a site never needs.
ZIP_EXCLUDES=('*.map' '*/.stamp' '*/.gitkeep' '*.po' '*.pot' '*~')

main() {
	local target="${1:-$ROOT/infosec-policy.zip}" entry
	[[ "$target" = /* ]] || target="$PWD/$target"
	mkdir -p "$CACHE_DIR"
	# The build and the zip only: no database, browser or mail server, which only the tests need.
	ensure_system_packages zip unzip gettext
	ensure_node_modules
	ensure_build
	# Global, not local: the EXIT trap runs after main has returned.
	stage="$(mktemp -d "$CACHE_DIR/plugin-zip.XXXXXX")"
	trap 'rm -rf "$stage"' EXIT
	mkdir "$stage/infosec-policy"
	for entry in "${ZIP_CONTENTS[@]}"; do
		[ -e "$ROOT/$entry" ] || die "the plugin zip needs $entry, which is missing" "run npm run build, or restore it from git"
		mkdir -p "$stage/infosec-policy/$(dirname "$entry")"
		cp -R "$ROOT/$entry" "$stage/infosec-policy/$entry"
	done
	# The same bytes for the same sources: files in a fixed order, with one fixed time.
	find "$stage/infosec-policy" -exec touch -h -d '2000-01-01 00:00:00 UTC' {} +
	rm -f "$target.tmp"
	(cd "$stage" && find infosec-policy -type f | LC_ALL=C sort |
		zip -q -X -D "$target.tmp" -@ -x "${ZIP_EXCLUDES[@]}") ||
		die "zip failed" "read the error above"
	mv "$target.tmp" "$target"
	log "wrote ${target#"$ROOT"/}: $(unzip -Z1 "$target" | wc -l) files, $(($(stat -c %s "$target") / 1024)) KiB"
}

main "$@"
