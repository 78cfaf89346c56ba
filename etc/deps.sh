#!/bin/sh
# Installs what Ágora needs from Debian's archive, when something is missing.
# As root it runs apt-get; otherwise it prints the one command to run.
# DEPS_EXTRA adds packages (make test adds the browser and node; bench adds wrk).
set -eu

PKGS="gcc make pkg-config libfcgi-dev libmariadb-dev libargon2-dev libjansson-dev
libsodium-dev libinih-dev liburiparser-dev libutf8proc-dev libgd-dev libexif-dev
libmagic-dev tzdata mariadb-server nginx-light curl
${DEPS_EXTRA:-}"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		# What matters is the command, from whichever package: nginx
		# comes in flavours, node and npm may come from one package.
		case "$p" in
		nginx-light) cmd=nginx ;;
		nodejs) cmd=node ;;
		npm|chromium|wrk|curl) cmd=$p ;;
		*) cmd="" ;;
		esac
		if [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1; then
			continue
		fi
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "Ágora needs:$missing"
	echo "Run: sudo apt-get install -y$missing"
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
# Debian starts the packaged services; Ágora runs its own private ones.
for svc in mariadb nginx; do
	if command -v systemctl >/dev/null 2>&1; then
		systemctl disable --now "$svc" >/dev/null 2>&1 || true
	fi
done
