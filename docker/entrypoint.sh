#!/bin/sh
# The server image's entrypoint (also run by ops-tests with a jar built here).
#   entrypoint.sh              the server, in the role SIGHTLINE_ROLE says (api, worker, scheduler, all)
#   entrypoint.sh migrate      migrate the metadata store and exit (the chart's pre-install/pre-upgrade Job)
#   entrypoint.sh healthcheck  exit 0 when this container's server is live (the image's HEALTHCHECK)
# SIGHTLINE_JAR: the jar (default /opt/sightline/server.jar); JAVA_TOOL_OPTIONS: the JVM's options.
set -eu
JAR="${SIGHTLINE_JAR:-/opt/sightline/server.jar}"

case "${1:-}" in
  healthcheck)
    # no curl in the JRE image: the jar asks, without starting Spring (a light JVM: no heap percentage)
    JAVA_TOOL_OPTIONS= exec java -XX:TieredStopAtLevel=1 -Xmx32m -jar "$JAR" healthcheck \
      "http://127.0.0.1:${SIGHTLINE_PORT:-5000}/actuator/health/liveness"
    ;;
  migrate)
    shift
    exec java -jar "$JAR" migrate "$@"
    ;;
  "")
    case "${SIGHTLINE_ROLE:-all}" in
      all|api|worker|scheduler) ;;
      *) echo "entrypoint: SIGHTLINE_ROLE must be all, api, worker or scheduler, not '${SIGHTLINE_ROLE}'" >&2; exit 64 ;;
    esac
    exec java -jar "$JAR"
    ;;
  *)
    # anything else is a command to run instead (a shell for debugging, say)
    exec "$@"
    ;;
esac
