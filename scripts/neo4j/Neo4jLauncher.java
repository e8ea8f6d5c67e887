import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs embedded Neo4j Community DBMSes with Bolt on 127.0.0.1 for local use and tests: usually one,
 * several when a test run wants graphs of their own compiled by one JIT (each DBMS has its own
 * home, store, page cache and port; they share the heap and the compiled code).
 *
 * Usage: java -cp CLASSPATH Neo4jLauncher PAGE_CACHE_MB TRANSACTION_TIMEOUT_MS HOME_DIR BOLT_PORT [HOME_DIR BOLT_PORT …]
 *
 * Contract with src/database/local-neo4j.ts:
 *  - prints "READY bolt://127.0.0.1:PORT" on stdout once each DBMS's Bolt accepts connections;
 *  - shuts down cleanly on SIGTERM/SIGINT, and also when its standard input closes,
 *    so that a parent killed with SIGKILL never leaves an orphan holding the store lock.
 * Procedures are loaded from each HOME_DIR/plugins (where APOC core is copied). Settings in a
 * HOME_DIR/neo4j.conf, if there is one, apply to that DBMS (the ones set here take precedence).
 */
public class Neo4jLauncher {
    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length % 2 != 0) {
            System.err.println(
                    "usage: Neo4jLauncher PAGE_CACHE_MB TRANSACTION_TIMEOUT_MS HOME_DIR BOLT_PORT [HOME_DIR BOLT_PORT ...]");
            System.exit(2);
        }
        long pageCacheMb = Long.parseLong(args[0]);
        Duration transactionTimeout = Duration.ofMillis(Long.parseLong(args[1]));

        List<DatabaseManagementService> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(DatabaseManagementService::shutdown), "neo4j-shutdown"));
        for (int i = 2; i < args.length; i += 2) {
            Path home = Path.of(args[i]).toAbsolutePath();
            int port = Integer.parseInt(args[i + 1]);
            started.add(start(home, port, pageCacheMb, transactionTimeout));
            System.out.println("READY bolt://127.0.0.1:" + port);
            System.out.flush();
        }

        // Block until the parent closes our stdin (normal stop or parent death).
        InputStream in = System.in;
        while (in.read() != -1) {
            // Input is ignored; only its end matters.
        }
        System.exit(0);
    }

    private static DatabaseManagementService start(Path home, int port, long pageCacheMb, Duration transactionTimeout) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        Path conf = home.resolve("neo4j.conf");
        if (Files.exists(conf)) builder.loadPropertiesFromFile(conf);
        return builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.plugin_dir, home.resolve("plugins"))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // A runaway query is stopped by the server, whoever sent it.
                .setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout)
                // Bolt's two Netty event loops each wait a quiet period (5 s) for new work before they
                // stop; nothing comes once the connections are closed, so a stop took 10 s for nothing.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }
}
