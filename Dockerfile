# syntax=docker/dockerfile:1
# The Sightline server image: one jar, three roles (SIGHTLINE_ROLE = api, worker, scheduler or all).
#   docker build -t sightline/server:0.1.0 .
# (docs/operations/install-kubernetes.md; the Helm chart in helm/sightline runs it)

# --- build: the server jar, from the same Maven build as `./sightline test`
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# every module's pom: Maven reads the whole reactor even when it builds only the server
COPY pom.xml ./
COPY common/pom.xml common/pom.xml
COPY server/pom.xml server/pom.xml
COPY desktop-client/pom.xml desktop-client/pom.xml
COPY installer/pom.xml installer/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY ops-tests/pom.xml ops-tests/pom.xml
COPY common/src common/src
COPY server/src server/src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl server -am -DskipTests package \
 && cp server/target/sightline-server-*-exec.jar /src/server.jar

# --- run: a JRE only, a non-root user, a read-only root filesystem is enough (data and /tmp are volumes)
FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 sightline \
 && useradd --system --uid 10001 --gid sightline --home-dir /data --shell /usr/sbin/nologin sightline \
 && mkdir -p /data && chown sightline:sightline /data
COPY --from=build /src/server.jar /opt/sightline/server.jar
COPY docker/entrypoint.sh /opt/sightline/entrypoint.sh
ENV SIGHTLINE_ROLE=all \
    SIGHTLINE_PORT=5000 \
    SIGHTLINE_DATA_DIR=/data \
    SIGHTLINE_JAR=/opt/sightline/server.jar \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
WORKDIR /data
VOLUME ["/data", "/tmp"]
EXPOSE 5000
# liveness, which every role serves (workers and schedulers serve only /actuator)
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD ["/opt/sightline/entrypoint.sh", "healthcheck"]
ENTRYPOINT ["/opt/sightline/entrypoint.sh"]
