#!/usr/bin/env bash
# Installs the system packages pcsh builds against (libedit-dev, libsqlite3-dev) when they are
# missing. Uses apt-get; runs `apt-get update` only if the first install attempt fails.
set -euo pipefail

packages=(libedit-dev libsqlite3-dev)

if ! command -v dpkg >/dev/null 2>&1; then
    echo "ensure-deps: no dpkg here; make sure ${packages[*]} (or their equivalents) are installed" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "ensure-deps: need root to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
echo "ensure-deps: installing ${missing[*]}"
if ! $sudo apt-get install -y "${missing[@]}"; then
    $sudo apt-get update
    $sudo apt-get install -y "${missing[@]}"
fi
