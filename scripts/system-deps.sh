#!/bin/sh
# The system libraries Qt's window really needs, read from the installed plugin rather than guessed:
# `ldd` on PySide6's xcb platform plugin (and its GL integrations) lists every shared library it loads,
# directly or through others; those "not found" are mapped to Debian packages and installed with apt-get
# where we may (root or sudo), else named. Also installs Xvfb and xdotool, which the launch test uses to
# open the real window on a virtual screen. Never fails the build: the rest of the tests run offscreen.
#   usage: sh scripts/system-deps.sh [PYTHON]      (PYTHON defaults to .venv/bin/python, else python3)
set -u
PY=${1:-.venv/bin/python}
[ -x "$PY" ] || PY=python3

# Where PySide6 keeps its Qt plugins (empty when PySide6 is not installed yet: nothing to check then).
qt_plugins=$("$PY" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "plugins"))' \
    2>/dev/null || true)

# Shared libraries the plugin cannot find, one name a line (e.g. libxcb-icccm.so.4).
missing_libs() {
    [ -n "$qt_plugins" ] && [ -d "$qt_plugins/platforms" ] || return 0
    for plugin in "$qt_plugins/platforms/libqxcb.so" "$qt_plugins"/xcbglintegrations/*.so; do
        [ -f "$plugin" ] && ldd "$plugin" 2>/dev/null
    done | awk '/=> not found/ {print $1}' | sort -u
}

# Debian names a library's package after its soname: libxcb-icccm.so.4 -> libxcb-icccm4,
# libxkbcommon-x11.so.0 -> libxkbcommon-x11-0 (a hyphen when the name ends in a digit), lower case.
package_of() {
    case "$1" in  # the few that do not follow the rule
        libglib-2.0.so.*|libgthread-2.0.so.*|libgobject-2.0.so.*|libgio-2.0.so.*) echo libglib2.0-0; return ;;
        libz.so.*) echo zlib1g; return ;;
        libstdc++.so.*) echo libstdc++6; return ;;
        libgcc_s.so.*) echo libgcc-s1; return ;;
        libGLX.so.*|libGLdispatch.so.*) echo libglvnd0; return ;;
        libOpenGL.so.*) echo libopengl0; return ;;
    esac
    name=${1%%.so*}
    version=${1##*.so.}
    version=${version%%.*}
    case "$name" in *[0-9]) sep="-" ;; *) sep="" ;; esac
    echo "$name$sep$version" | tr 'A-Z' 'a-z'
}

sudo_prefix() {
    if [ "$(id -u)" = 0 ]; then echo ""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo "sudo -n"
    else echo none
    fi
}

libs=$(missing_libs)
pkgs=""
for lib in $libs; do pkgs="$pkgs $(package_of "$lib")"; done
tools=""
command -v Xvfb >/dev/null 2>&1 || tools="$tools xvfb"
command -v xdotool >/dev/null 2>&1 || tools="$tools xdotool"
fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -1)" ] || tools="$tools fontconfig fonts-dejavu-core"
[ -z "$pkgs$tools" ] && exit 0

[ -n "$libs" ] && echo "Qt's window (xcb) lacks:" $libs
SUDO=none
command -v apt-get >/dev/null 2>&1 && SUDO=$(sudo_prefix)
if [ "$SUDO" != none ]; then
    echo "Installing with apt-get:$pkgs$tools"
    $SUDO apt-get update -qq >/dev/null 2>&1 || echo "apt-get update failed; trying with the lists we have" >&2
    # one at a time, so that a package name this release lacks does not stop the others
    for p in $pkgs $tools; do
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "$p" >/dev/null 2>&1 \
            || echo "Could not install $p" >&2
    done
    still=$(missing_libs)
    [ -z "$still" ] && exit 0
    echo "Qt's window still lacks:" $still >&2
fi
[ -n "$pkgs" ] && echo "Note: the window needs these system packages (Debian/Ubuntu):$pkgs — run: sudo apt-get install$pkgs" >&2
[ -n "$tools" ] && echo "Note: the window launch test needs:$tools (it is skipped without them)" >&2
exit 0
