# Neo4j 5.26 Community with the analytics' change feed (scripts/neo4j/ChangeFeed.java), a kernel
# extension that Neo4j loads from its plugins folder: every transaction, from any client, records
# what it touched, so the API keeps today's coverage answers current (README, "the kept analytics").
FROM maven:3.9-eclipse-temurin-17 AS change-feed
WORKDIR /build
COPY scripts/neo4j/pom.xml scripts/neo4j/ChangeFeed.java ./
RUN mvn -q -B dependency:build-classpath -Dmdep.outputFile=classpath.txt \
 && mkdir classes \
 && javac -cp "$(cat classpath.txt)" -d classes ChangeFeed.java \
 && jar cf orggraph-change-feed.jar -C classes .

FROM neo4j:5.26-community
COPY --from=change-feed /build/orggraph-change-feed.jar /var/lib/neo4j/plugins/orggraph-change-feed.jar
