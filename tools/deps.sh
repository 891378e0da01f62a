#!/bin/sh
# make deps: install the Debian packages the build and the tests need when
# they are missing (as root), or say exactly what to install.  Quick and
# silent when everything is there.  (chromium renders report(1)'s HTML
# pages to PDF in a test, with a Chinese font, and pdftotext reads them
# back; zsh loads the completion in one; libxlsxwriter writes -f xlsx, unzip reads it
# back in a test.)  With arguments:
# those packages instead (make bench asks for miller).
set -eu
packages=${*:-"gcc make pkg-config libsqlite3-dev libcsv-dev libcjson-dev libssl-dev
libxlsxwriter-dev sqlite3 bats bats-assert bats-support mandoc chromium fonts-wqy-microhei
poppler-utils zsh jq unzip"}
missing=
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "make deps: missing Debian packages; as root run:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
echo "make deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
