# Sourced by the bench scripts: need COMMAND [DEBIAN-PACKAGE] installs the package when the
# command is missing (Debian's apt, as .ci/run does).
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends "${2:-$1}"
  fi
}
