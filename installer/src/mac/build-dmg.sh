#!/usr/bin/env bash
# The workbench's .dmg, with jpackage, on macOS (Maven runs this from installer/; installer/README.md).
# Not run on the project's Linux build machines: written to jpackage's documented macOS options, untested.
#   build-dmg.sh APP-VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
# macOS refuses a bundle version whose first number is 0: a 0.x release is packaged as 1.x
case "$version" in 0.*) version="1.${version#0.}" ;; esac

# the .icns from the PNG, with macOS's own tools
iconset=target/icon/sightline-workbench.iconset
rm -rf "$iconset" && mkdir -p "$iconset"
for size in 16 32 128 256; do
  sips -z "$size" "$size" src/icon/sightline-workbench.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
done
iconutil --convert icns --output target/icon/sightline-workbench.icns "$iconset"

rm -rf target/installers && mkdir -p target/installers
"${JAVA_HOME:?}/bin/jpackage" @src/jpackage/app.args @src/jpackage/mac.args --app-version "$version"
