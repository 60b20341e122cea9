#!/usr/bin/env bash
# Installs the Debian packages the integration tests run for real. Idempotent; quiet when present.
set -euo pipefail

need=()
python3 -m pytest --version >/dev/null 2>&1 || /usr/bin/python3 -m pytest --version >/dev/null 2>&1 || need+=(python3-pytest)
command -v go >/dev/null 2>&1 || need+=(golang-go)
command -v cargo >/dev/null 2>&1 || need+=(cargo)
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
# Maven runs offline against Debian's own repository: surefire, JUnit 5 and the build plugins.
[ -d /usr/share/maven-repo/org/apache/maven/surefire ] || need+=(libsurefire-java)
[ -d /usr/share/maven-repo/org/junit/jupiter ] || need+=(junit5)
[ -d /usr/share/maven-repo/org/apache/maven/plugins/maven-compiler-plugin ] || need+=(libmaven-compiler-plugin-java)
[ -d /usr/share/maven-repo/org/apache/maven/plugins/maven-resources-plugin ] || need+=(libmaven-resources-plugin-java)

if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Fail loudly here rather than let the integration tests skip.
python3 -m pytest --version || /usr/bin/python3 -m pytest --version
go version
cargo --version
mvn -v >/dev/null && echo "maven: ok"
