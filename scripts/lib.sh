# shellcheck shell=bash
# Shared helpers for scripts/run and scripts/test. Source it; do not execute it.
#
# Everything here installs only what is missing, so running a script twice is cheap.

# Repository root: the parent of the directory holding this file.
TF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TF_ROOT

# (The package lists are used by the scripts that source this file.)
# shellcheck disable=SC2034
# System packages needed to build the desktop app (Tauri 2 on WebKitGTK 4.1); perl and make run
# the build of the OpenSSL that SQLCipher is compiled with (vendored, so no OpenSSL is linked
# from the system for it); xdg-utils gives "E-mail the letter" its xdg-email, which opens the
# desktop's mail program with the PDF attached.
TF_BUILD_APT_PACKAGES=(libwebkit2gtk-4.1-dev build-essential perl make pkg-config libssl-dev librsvg2-dev xdg-utils libclang-dev)
# shellcheck disable=SC2034
# Extra system packages needed to run the tests: virtual display, WebDriver for WebKitGTK, PDF tools,
# CJK and emoji fonts (documents fall back to the computer's fonts), strace (the network and
# second-launch proofs), a D-Bus session bus (a second launch finds the first through it), the
# MinGW-w64 toolchain the Windows compile check links build scripts and resources with, and
# Syncthing (two local instances, on 127.0.0.1 only, carry the shared folder between two apps).
TF_TEST_APT_PACKAGES=(xvfb xauth webkit2gtk-driver poppler-utils fonts-noto-cjk fonts-noto-color-emoji strace dbus
    gcc-mingw-w64-x86-64 syncthing)

# The practice scripts/footprint measures and scripts/startup-order profiles (the same one, so
# the code placed first is the code the measured start runs): a solo coach's, this many clients
# with a year of data each (tenfold generate).
TF_FOOTPRINT_CLIENTS=25
TF_FOOTPRINT_YEARS=1
TF_FOOTPRINT_SEED=8

# The Windows target scripts/test compile-checks the workspace for.
TF_WINDOWS_TARGET=x86_64-pc-windows-gnu

TF_APT_UPDATED=0

tf_log() { printf '%s\n' "$*" >&2; }

tf_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

tf_heading() {
  printf '\n==> %s\n' "$*" >&2
}

# Run a command as root: directly when we are root, else through sudo (non-interactive when
# there is no terminal to ask for a password on, e.g. in CI).
tf_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then
      sudo "$@"
    else
      sudo -n "$@"
    fi
  else
    tf_die "need root to run '$*' and sudo is not installed"
  fi
}

# Make cargo reachable even when the shell that started us did not load ~/.cargo/env.
tf_cargo_path() {
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  case ":$PATH:" in
    *":$cargo_bin:"*) ;;
    *) if [ -d "$cargo_bin" ]; then PATH="$cargo_bin:$PATH"; export PATH; fi ;;
  esac
}

tf_require_tools() {
  tf_cargo_path
  local tool
  for tool in cargo rustc node npm; do
    command -v "$tool" >/dev/null 2>&1 \
      || tf_die "'$tool' is not on PATH. Install a Rust toolchain (https://rustup.rs) and Node.js with npm first."
  done
}

tf_apt_installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ]
}

# tf_ensure_apt_packages PKG... — install those of PKG that are not installed yet.
tf_ensure_apt_packages() {
  command -v dpkg-query >/dev/null 2>&1 \
    || tf_die "this script installs system packages with apt; on a non-Debian system install: $*"
  local missing=() pkg
  for pkg in "$@"; do
    tf_apt_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    tf_log "System packages present: $*"
    return 0
  fi
  tf_log "Installing missing system packages: ${missing[*]}"
  if [ "$TF_APT_UPDATED" -eq 0 ]; then
    tf_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    TF_APT_UPDATED=1
  fi
  tf_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Install ui/node_modules with `npm ci` when it is missing or older than ui/package-lock.json.
# A stamp file written after a successful install stands for "node_modules is complete", so an
# interrupted install is redone next time.
tf_ensure_ui_deps() {
  local ui="$TF_ROOT/ui"
  local stamp="$ui/node_modules/.tenfold-npm-ci.stamp"
  [ -f "$ui/package.json" ] || tf_die "ui/package.json not found"
  [ -f "$ui/package-lock.json" ] || tf_die "ui/package-lock.json not found (needed for a reproducible 'npm ci')"
  if [ -d "$ui/node_modules" ] && [ -f "$stamp" ] && [ ! "$ui/package-lock.json" -nt "$stamp" ]; then
    tf_log "UI packages up to date (ui/node_modules)"
    return 0
  fi
  tf_log "Installing UI packages (npm ci in ui/)"
  (cd "$ui" && npm ci --no-audit --no-fund)
  touch "$stamp"
}

tf_build_ui() {
  (cd "$TF_ROOT/ui" && npm run build)
  [ -f "$TF_ROOT/ui/dist/index.html" ] || tf_die "npm run build did not produce ui/dist/index.html"
}

# Where cargo puts its output: $CARGO_TARGET_DIR (relative paths are relative to the repository,
# where we run cargo) or <repo>/target.
tf_target_dir() {
  local dir="${CARGO_TARGET_DIR:-$TF_ROOT/target}"
  case "$dir" in
    /*) printf '%s\n' "$dir" ;;
    *) printf '%s\n' "$TF_ROOT/$dir" ;;
  esac
}

tf_desktop_bin() {
  printf '%s/debug/tenfold-desktop\n' "$(tf_target_dir)"
}

tf_build_desktop() {
  (cd "$TF_ROOT" && cargo build -p tenfold-desktop)
  [ -x "$(tf_desktop_bin)" ] || tf_die "cargo build did not produce $(tf_desktop_bin)"
}

# tf_build_release_keeping_symbols DEST — the release build of tenfold-desktop as scripts/release
# makes it (Tauri's CLI sets the release features), minus the strip, which changes only the final
# link (src-tauri/build.rs): function names and code are the shipped binary's. Copied to DEST,
# because the next release build strips the binary in place.
tf_build_release_keeping_symbols() {
  (cd "$TF_ROOT" && TENFOLD_KEEP_SYMBOLS=1 "$TF_ROOT/ui/node_modules/.bin/tauri" build --no-bundle --ci)
  cp "$(tf_target_dir)/release/tenfold-desktop" "$1"
}

# tf_generate_footprint_practice DIR — generate the practice of TF_FOOTPRINT_* into DIR with the
# release build of tenfold.
tf_generate_footprint_practice() {
  "$(tf_target_dir)/release/tenfold" --data-dir "$1" generate \
    --clients "$TF_FOOTPRINT_CLIENTS" --years "$TF_FOOTPRINT_YEARS" --seed "$TF_FOOTPRINT_SEED"
}

# The list of functions the release link places first (scripts/startup-order, src-tauri/build.rs).
TF_STARTUP_ORDER="$TF_ROOT/src-tauri/startup-order.txt"

# What the names in that list depend on besides the code: a release build names each function
# with a hash of its crate's Cargo metadata, which covers the crate's dependencies and their
# features, so adding a dependency renames every function of the crates above it and the linker,
# finding none of the listed names, places them as if there were no list (the app's own process
# then holds about 6 MiB more). A digest of the desktop app's dependency tree (normal and build
# dependencies, with features; path dependencies without their folder) changes when that happens.
tf_startup_order_dependencies() {
  (cd "$TF_ROOT" && cargo tree --locked -p tenfold-desktop -e normal,build --prefix depth -f '{p} {f}') \
    | sed 's| (/[^)]*)||' | sha256sum | cut -c1-16
}

# Fails when the start-up order was taken for another dependency tree than the current one.
tf_check_startup_order() {
  local taken current
  taken="$(sed -n 's/^# Dependencies: \([0-9a-f]*\).*/\1/p' "$TF_STARTUP_ORDER")"
  current="$(tf_startup_order_dependencies)"
  [ "$taken" = "$current" ] || tf_die "src-tauri/startup-order.txt was taken for other dependencies" \
    "(${taken:-none recorded}, now $current): run scripts/startup-order and commit the new list," \
    "or the release build places its start-up code as if there were no list"
}

# tf_deb_depends_with_declared SHLIBDEPS DECLARED: the libraries dpkg-shlibdeps found, followed by
# each package of the bundler's Depends line that they do not name. The bundler's line holds the
# programs tauri.conf.json declares (xdg-utils: "E-mail the letter" and "Open" run its xdg-email
# and xdg-open) beside two libraries of its own, which dpkg-shlibdeps names again with versions.
tf_deb_depends_with_declared() {
  local found="$1" entry name merged="$1"
  local -a declared
  IFS=',' read -ra declared <<<"$2"
  for entry in "${declared[@]}"; do
    entry="$(printf '%s' "$entry" | sed 's/^ *//; s/ *$//')"
    name="${entry%% *}"
    [ -n "$name" ] || continue
    tf_depends_names_package "$found" "$name" || merged+=", $entry"
  done
  printf '%s\n' "$merged"
}

# tf_depends_names_package DEPENDS NAME: whether a Depends line ("libc6 (>= 2.35), xdg-utils")
# names the package NAME, whatever version it asks for.
tf_depends_names_package() {
  printf '%s\n' "$1" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qxF "$2"
}

# The newest .deb the release script made, or nothing.
tf_release_deb() {
  local newest
  newest="$(find "$(tf_target_dir)/release/bundle/deb" -maxdepth 1 -name '*.deb' -printf '%T@ %p\n' 2>/dev/null \
    | sort -rn | head -n 1 | cut -d' ' -f2- || true)"
  printf '%s\n' "$newest"
}

# Add TF_WINDOWS_TARGET to the Rust toolchain (rustup) when it is missing.
tf_ensure_windows_target() {
  tf_cargo_path
  if rustup target list --installed 2>/dev/null | grep -qx "$TF_WINDOWS_TARGET"; then
    return 0
  fi
  command -v rustup >/dev/null 2>&1 || tf_die "rustup is needed to add the $TF_WINDOWS_TARGET target"
  tf_log "Adding the Rust target $TF_WINDOWS_TARGET (rustup target add)"
  rustup target add "$TF_WINDOWS_TARGET"
}

# rustfmt and Clippy for the lint step: part of rustup's default profile, missing from a minimal one.
tf_ensure_rust_components() {
  tf_cargo_path
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
    return 0
  fi
  command -v rustup >/dev/null 2>&1 || tf_die "rustup is needed to add rustfmt and clippy"
  tf_log "Adding the Rust components rustfmt and clippy (rustup component add)"
  rustup component add rustfmt clippy
}

# Install tauri-driver with cargo when it is not on PATH (the end-to-end harness starts it).
tf_ensure_tauri_driver() {
  tf_cargo_path
  if ! command -v tauri-driver >/dev/null 2>&1; then
    tf_log "Installing tauri-driver (cargo install tauri-driver --locked)"
    cargo install tauri-driver --locked
    tf_cargo_path
    command -v tauri-driver >/dev/null 2>&1 || tf_die "tauri-driver installed but not on PATH"
  fi
}
