#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine as on CI: installs what the browser tests need (Debian's
# Chromium and its ChromeDriver, never a downloaded browser) when missing, then runs `mvn -B test`.
# Extra arguments go to Maven (e.g. ./test.sh -Dtest=TriageBrowserTest).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installation de chromium et chromium-driver (paquets Debian) pour les tests du navigateur…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

exec mvn -B test "$@"
