import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
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
 * Runs an embedded Neo4j Community DBMS with Bolt on 127.0.0.1 for local use and tests.
 *
 * Usage: java -cp CLASSPATH Neo4jLauncher.java HOME_DIR BOLT_PORT PAGE_CACHE_MB
 *
 * Contract with scripts/neo4j/local.ts:
 *  - prints "READY bolt://127.0.0.1:PORT" on stdout once Bolt accepts connections;
 *  - shuts down cleanly on SIGTERM/SIGINT, and also when its standard input closes,
 *    so that a parent killed with SIGKILL never leaves an orphan holding the store lock.
 * Procedures are loaded from HOME_DIR/plugins (where APOC core is copied).
 */
public class Neo4jLauncher {
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: Neo4jLauncher HOME_DIR BOLT_PORT PAGE_CACHE_MB TRANSACTION_TIMEOUT_MS");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = Long.parseLong(args[2]);
        Duration transactionTimeout = Duration.ofMillis(Long.parseLong(args[3]));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
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

        Thread stopper = new Thread(dbms::shutdown, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Block until the parent closes our stdin (normal stop or parent death).
        InputStream in = System.in;
        while (in.read() != -1) {
            // Input is ignored; only its end matters.
        }
        System.exit(0);
    }
}
