#!/bin/sh
# Qt's window needs a few system libraries that a minimal Debian/Ubuntu lacks.
# Installs them with apt-get when they are missing and we may (root or sudo);
# otherwise says what to install. Never fails the build: tests run offscreen.
missing=""
for lib in libEGL.so.1 libGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libdbus-1.so.3; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
pkgs="libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0"
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO=none; fi
    if [ "$SUDO" != none ]; then
        echo "Installing Qt's system libraries:$missing"
        $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $pkgs >/dev/null && exit 0
    fi
fi
echo "Note: Qt may need these system libraries:$missing (Debian/Ubuntu: apt-get install $pkgs)" >&2
exit 0
