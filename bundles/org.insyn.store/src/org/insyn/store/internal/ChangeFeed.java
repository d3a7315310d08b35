package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.insyn.core.service.StoreEvent;
import org.postgresql.PGConnection;

/**
 * Shared mode: tells this workspace's listeners (the person's index, the open views) of the changes other processes
 * commit, in commit order, within about a second. A connection of its own LISTENs on the workspace's channel; every
 * wake-up, and every second regardless (a lost notification only delays), it reads the change feed past the last
 * change told. After a lost connection it connects again and reads on from where it was, so nothing is skipped.
 */
final class ChangeFeed implements AutoCloseable {
    private static final int WAIT_MILLIS = 1000;
    private static final int BATCH = 500;
    private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());

    private final StoreWorkspace ws;
    private final String channel;
    private final Thread thread;
    private volatile boolean closed;
    private Connection listening;

    ChangeFeed(StoreWorkspace ws, String channel) {
        this.ws = ws;
        this.channel = channel;
        this.thread = Thread.ofPlatform().daemon().name("insyn-change-feed").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private record Row(long seq, StoreEvent event, String origin) {
    }

    private void run() {
        while (!closed) {
            try {
                if (listening == null) {
                    listening = ws.db().dedicated();
                    Db.execute(listening, "LISTEN " + SharedSchema.quoted(channel));
                }
                // R9: nothing is read for a locked workspace; what came meanwhile is read once it is unlocked
                if (!ws.locked()) {
                    read();
                }
                listening.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
            } catch (SQLException e) {
                disconnect();
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "change feed lost its connection; connecting again", e);
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "change feed", e);
                pause();
            }
        }
        disconnect();
    }

    private void read() throws SQLException {
        for (;;) {
            List<Row> rows = Db.query(listening, "SELECT seq, kind, item_id, case_id, deleted, origin FROM change_feed"
                    + " WHERE seq > ? ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY",
                    rs -> new Row(rs.getLong("seq"), new StoreEvent(StoreEvent.Type.valueOf(rs.getString("kind")),
                            rs.getLong("item_id"), Db.optLong(rs, "case_id"), rs.getBoolean("deleted")), rs.getString("origin")),
                    ws.position());
            if (rows.isEmpty()) {
                return;
            }
            // the own process's changes were told when they committed
            List<StoreEvent> others = rows.stream().filter(r -> !r.origin().equals(ws.origin())).map(Row::event).toList();
            if (!others.isEmpty() && !ws.tell(others)) {
                return; // the workspace locked meanwhile: told again once it is unlocked
            }
            ws.advance(rows.get(rows.size() - 1).seq());
            if (rows.size() < BATCH) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void disconnect() {
        Optional.ofNullable(listening).ifPresent(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
        });
        listening = null;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
