# One lean image for the separate wirewatch services (topics, ingest, enrich, alerts); docker-compose.yml builds
# it once and picks the command per service. It carries the command and the client libraries only: the embedded
# broker's Kafka server modules and Scala are left out (profile service-image of app/pom.xml), so `wirewatch run`
# and `wirewatch bench` do not work in it; run those from the repository (./wirewatch).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schema schema
COPY broker broker
COPY ingest ingest
COPY nlp nlp
COPY tools tools
COPY enrich enrich
COPY alerts alerts
COPY app app
RUN ./mvnw -B -q -DskipTests -Pservice-image -pl app -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/wirewatch
RUN useradd --system --home /opt/wirewatch wirewatch && mkdir -p /var/lib/wirewatch && chown wirewatch /var/lib/wirewatch
COPY --from=build /src/app/target/service-lib ./lib
COPY --from=build /src/app/target/wirewatch.jar ./
COPY app/src/main/resources/samples ./samples
USER wirewatch
ENTRYPOINT ["java", "-jar", "/opt/wirewatch/wirewatch.jar"]
