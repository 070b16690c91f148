# One image for every wirewatch service; docker-compose.yml picks the command.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schema schema
COPY broker broker
COPY ingest ingest
COPY enrich enrich
COPY alerts alerts
COPY app app
RUN ./mvnw -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/wirewatch
COPY --from=build /src/app/target/wirewatch.jar ./
COPY --from=build /src/app/target/lib ./lib
COPY app/src/main/resources/samples ./samples
RUN useradd --system --home /opt/wirewatch wirewatch && mkdir -p /var/lib/wirewatch && chown wirewatch /var/lib/wirewatch
USER wirewatch
ENTRYPOINT ["java", "-jar", "/opt/wirewatch/wirewatch.jar"]
