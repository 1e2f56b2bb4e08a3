#!/usr/bin/env bash
# Builds the DEB and TGZ packages from a build tree and checks what they hold.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

(cd "$build" && cpack -G "DEB;TGZ" -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }

fail=0
check() { # check LISTING PATH...
    local listing=$1; shift
    for path in "$@"; do
        if ! grep -qE "(^|[ /])${path#/}\$" "$listing"; then
            echo "FAIL: $(basename "$listing" .list) lacks $path"; fail=1
        fi
    done
}

deb=$(ls "$out"/*.deb)
tgz=$(ls "$out"/*.tar.gz)
dpkg-deb -c "$deb" | sed -E 's/^(\S+\s+){5}//' >"$out/deb.list"
tar -tzf "$tgz" >"$out/tgz.list"

check "$out/deb.list" \
    usr/bin/gatehouse usr/bin/gatehouse-gateway \
    usr/share/applications/gatehouse.desktop \
    usr/share/metainfo/io.gatehouse.Gatehouse.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/gatehouse.svg \
    usr/lib/systemd/system/gatehouse-gateway.service \
    usr/share/gatehouse/samples/contoso/policy.xml \
    "usr/share/gatehouse/samples/contoso/named values/environment-name/namedValueInformation.json"
check "$out/tgz.list" \
    bin/gatehouse bin/gatehouse-gateway share/applications/gatehouse.desktop \
    lib/systemd/system/gatehouse-gateway.service

if grep -q "build-ci\|/tests/" "$out/deb.list"; then
    echo "FAIL: the package holds build or test files"; fail=1
fi

control=$(dpkg-deb -f "$deb")
echo "$control" | grep -q "^Package: gatehouse$" || { echo "FAIL: package name"; fail=1; }
echo "$control" | grep -q "^Depends:.*libqt6widgets6" || { echo "FAIL: Depends lacks Qt: $(echo "$control" | grep Depends)"; fail=1; }

# The files the desktop reads must be valid, and the installed gateway must run.
mkdir "$out/root"
dpkg-deb -x "$deb" "$out/root"
desktop-file-validate "$out/root/usr/share/applications/gatehouse.desktop" || fail=1
appstreamcli validate --no-net --pedantic "$out/root/usr/share/metainfo/io.gatehouse.Gatehouse.metainfo.xml" >"$out/as.log" 2>&1 \
    || appstreamcli validate --no-net "$out/root/usr/share/metainfo/io.gatehouse.Gatehouse.metainfo.xml" || { cat "$out/as.log"; fail=1; }
"$out/root/usr/bin/gatehouse-gateway" --version | grep -q "^gatehouse-gateway " || { echo "FAIL: packaged gateway does not run"; fail=1; }
grep -q "^ExecStart=/usr/bin/gatehouse-gateway --workspace" "$out/root/usr/lib/systemd/system/gatehouse-gateway.service" || fail=1

if [ "$fail" -ne 0 ]; then
    echo "package contents:"; cat "$out/deb.list"
    exit 1
fi
echo "packages OK: $(basename "$deb") ($(du -h "$deb" | cut -f1)), $(basename "$tgz") ($(du -h "$tgz" | cut -f1))"
