# orcheo-db, built from this checkout. Used by docker-compose.yml; alone:
#   docker build -t orcheo-db . && docker run --rm -e ORCHEO_POSTGRES_DSN=... orcheo-db status
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# Code generation starts an embedded PostgreSQL from Maven Central's zonky binaries, as on a developer's machine.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre
COPY --from=build /src/cli/target/orcheo-db.jar /opt/orcheo-db/orcheo-db.jar
WORKDIR /data
ENTRYPOINT ["java", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-jar", "/opt/orcheo-db/orcheo-db.jar"]
CMD ["status"]
