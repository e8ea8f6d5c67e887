import java.util.LinkedHashSet;
import java.util.Set;
import org.neo4j.annotations.service.ServiceProvider;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * The change feed of the incremental analytics (src/coverage/kept): every committed transaction that
 * changes domain data, whoever sent it, also writes one (:AnalyticsChange) node naming what it
 * touched, in the same transaction, so the feed and the data commit together or not at all.
 *
 * A Neo4j kernel extension: the embedded launcher has it on its classpath, and a Neo4j server loads
 * it from its plugins folder (docker-compose). What it records (read by cypher/analytics/):
 *  - touched: element ids of nodes created, changed, or at either end of a relationship created,
 *    deleted or changed (a deleted node is gone, but its relationships' other ends remain);
 *  - moved: element ids of regions whose every cell below must be recomputed: their place in the
 *    tree changed (PART_OF, status, level, code), or a work team's station there (STATIONED_IN)
 *    came or went, which the villages below it read (a deleted team leaves only the region to name);
 *  - deletedRegions: codes of deleted regions, whose kept answers must go.
 * Derived labels (Analytics*) and the audit trail are not data: changes to them alone record nothing.
 * A transaction whose metadata has analytics = "rebuild" (the bulk loader, restore) records
 * nothing either: it ends with a rebuild of everything.
 */
public class ChangeFeed extends TransactionEventListenerAdapter<Object> {
    private static final Label CHANGE = Label.label("AnalyticsChange");
    private static final Label REGION = Label.label("Region");
    private static final Set<String> PLACE_KEYS = Set.of("status", "level", "code");
    /** Relationships to a region that the rules of every village below it read. */
    private static final Set<String> REACHING_BELOW = Set.of("STATIONED_IN");

    private static boolean derived(String label) {
        return label.startsWith("Analytics") || label.equals("AuditEntry");
    }

    private static boolean derived(Node node) {
        for (Label label : node.getLabels()) if (derived(label.name())) return true;
        return false;
    }

    @Override
    public Object beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        if ("rebuild".equals(data.metaData().get("analytics"))) return null;
        Set<String> touched = new LinkedHashSet<>();
        Set<String> moved = new LinkedHashSet<>();
        Set<String> deletedRegions = new LinkedHashSet<>();
        boolean unreadable = false;
        try {
            for (Node node : data.createdNodes()) if (!derived(node)) touched.add(node.getElementId());
            for (LabelEntry entry : data.assignedLabels()) touch(data, entry.node(), entry.label().name(), touched);
            for (LabelEntry entry : data.removedLabels()) touch(data, entry.node(), entry.label().name(), touched);
            for (PropertyEntry<Node> entry : data.assignedNodeProperties()) changed(data, entry, touched, moved);
            for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
                if (data.isDeleted(entry.entity())) {
                    if (entry.key().equals("code") && wasRegion(data, entry.entity())) deletedRegions.add(String.valueOf(entry.previouslyCommittedValue()));
                } else {
                    changed(data, entry, touched, moved);
                }
            }
            for (Relationship rel : data.createdRelationships()) linked(data, rel, touched, moved);
            for (Relationship rel : data.deletedRelationships()) linked(data, rel, touched, moved);
            for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) linked(data, entry.entity(), touched, moved);
            for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) {
                if (!data.isDeleted(entry.entity())) linked(data, entry.entity(), touched, moved);
            }
        } catch (RuntimeException e) {
            // Never fail the writer's transaction: ask for a rebuild instead.
            unreadable = true;
        }
        if (!unreadable && touched.isEmpty() && moved.isEmpty() && deletedRegions.isEmpty()) return null;
        Node change = transaction.createNode(CHANGE);
        change.setProperty("touched", touched.toArray(new String[0]));
        change.setProperty("moved", moved.toArray(new String[0]));
        change.setProperty("deletedRegions", deletedRegions.toArray(new String[0]));
        change.setProperty("rebuild", unreadable);
        change.setProperty("at", java.time.ZonedDateTime.now());
        return null;
    }

    private static boolean wasRegion(TransactionData data, Node node) {
        for (LabelEntry entry : data.removedLabels()) if (entry.node().equals(node) && entry.label().equals(REGION)) return true;
        return false;
    }

    private static void touch(TransactionData data, Node node, String label, Set<String> touched) {
        if (derived(label) || data.isDeleted(node) || derived(node)) return;
        touched.add(node.getElementId());
    }

    private static void changed(TransactionData data, PropertyEntry<Node> entry, Set<String> touched, Set<String> moved) {
        Node node = entry.entity();
        if (derived(node)) return;
        if (node.hasLabel(REGION) && PLACE_KEYS.contains(entry.key())) moved.add(node.getElementId());
        else touched.add(node.getElementId());
    }

    /**
     * A relationship's surviving ends are touched; a child region gaining or losing its parent has
     * moved, and so has, for what is below it, a region gaining or losing a work team.
     */
    private static void linked(TransactionData data, Relationship rel, Set<String> touched, Set<String> moved) {
        Node start = rel.getStartNode();
        Node end = rel.getEndNode();
        boolean startAlive = !data.isDeleted(start);
        boolean endAlive = !data.isDeleted(end);
        if ((startAlive && derived(start)) || (endAlive && derived(end))) return;
        if (rel.getType().name().equals("PART_OF") && startAlive) moved.add(start.getElementId());
        else if (startAlive) touched.add(start.getElementId());
        if (endAlive && REACHING_BELOW.contains(rel.getType().name())) moved.add(end.getElementId());
        else if (endAlive) touched.add(end.getElementId());
    }

    /** Registers the feed on every user database (not on the system database). */
    @ServiceProvider
    public static class Extension extends ExtensionFactory<Extension.Dependencies> {
        public interface Dependencies {
            GraphDatabaseAPI database();

            DatabaseManagementService databaseManagementService();
        }

        /**
         * Neo4j 5.26's Cypher planner has three objects (Avoid, Neutral, Prefer) of a Scala trait whose
         * initializer reads all three, so each object's class initializer waits for the others': two
         * queries planned at once on a fresh JVM (clients reconnecting after a restart) can each start
         * one and wait for the other for ever, and every later query that plans an expand waits behind
         * them (hung, though Bolt answers). Initialized here, on the thread that loads the extensions,
         * before Bolt accepts any query; a Neo4j without them has nothing to do.
         */
        static {
            try {
                Class.forName(
                        "org.neo4j.cypher.internal.compiler.planner.logical.idp.expandSolverStep$IntoVsAllHeuristic$Avoid$",
                        true,
                        Extension.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // Another Neo4j version: nothing to initialize.
            }
        }

        public Extension() {
            super(ExtensionType.DATABASE, "orggraph-change-feed");
        }

        @Override
        public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
            String name = dependencies.database().databaseName();
            DatabaseManagementService dbms = dependencies.databaseManagementService();
            ChangeFeed feed = new ChangeFeed();
            return new LifecycleAdapter() {
                @Override
                public void start() {
                    if (!name.equals("system")) dbms.registerTransactionEventListener(name, feed);
                }

                @Override
                public void shutdown() {
                    if (!name.equals("system")) dbms.unregisterTransactionEventListener(name, feed);
                }
            };
        }
    }
}
