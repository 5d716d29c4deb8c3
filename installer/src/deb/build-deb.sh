#!/usr/bin/env bash
# The workbench's .deb, with jpackage (Maven runs this from installer/ in the package phase; installer/README.md).
#   build-deb.sh APP-VERSION
# JAVA_HOME: the JDK whose jpackage and jmods make the package (Maven's own).
# DPKG_DEB_COMPRESSOR_TYPE / _LEVEL: dpkg-deb's compression (the pom's installer.deb.compression).
# The package is rebuilt only when its inputs changed since the last build in this tree (the workbench's
# jars, the jpackage arguments, the icon, this script): a test run with no desktop change does not pay for it.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
dest=target/installers
jpackage="${JAVA_HOME:?}/bin/jpackage"
if [ ! -x "$jpackage" ]; then
  echo "installer: $JAVA_HOME has no bin/jpackage: Maven must run on a full JDK 17 or later (JAVA_HOME)" >&2
  exit 1
fi

apt_install() { # what the build needs, from Debian's packages (as ./sightline does)
  echo "installer: installing $* (the package build needs it)" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v fakeroot >/dev/null 2>&1 || apt_install fakeroot
command -v dpkg-deb >/dev/null 2>&1 || apt_install dpkg
if [ ! -d "$JAVA_HOME/jmods" ]; then
  # jlink makes the package's runtime from the JDK's jmods; Debian ships them apart from the JDK
  feature="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
  if dpkg -S "$JAVA_HOME/bin/java" >/dev/null 2>&1; then
    apt_install "openjdk-$feature-jmods"
  else
    echo "installer: $JAVA_HOME has no jmods/ directory, which jlink needs; use a full JDK" >&2
    exit 1
  fi
fi

stamp="$dest/.inputs.sha256"
inputs="$( { echo "$version ${DPKG_DEB_COMPRESSOR_TYPE:-} ${DPKG_DEB_COMPRESSOR_LEVEL:-} $JAVA_HOME"
  find target/desktop-input src/jpackage src/icon src/deb -type f | LC_ALL=C sort | xargs sha256sum; } | sha256sum)"
deb="$dest/sightline-workbench_${version}-1_$(dpkg --print-architecture).deb"
if [ -f "$deb" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
  echo "installer: $deb is up to date" >&2
  exit 0
fi

rm -rf "$dest" && mkdir -p "$dest"
start=$(date +%s)
"$jpackage" @src/jpackage/app.args @src/jpackage/linux.args --app-version "$version"
echo "$inputs" > "$stamp"
echo "installer: built $deb in $(( $(date +%s) - start )) s" >&2
