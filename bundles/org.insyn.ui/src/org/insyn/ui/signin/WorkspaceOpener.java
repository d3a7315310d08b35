package org.insyn.ui.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.ui.Services;
import org.insyn.ui.SignedIn.WorkspaceLocation;
import org.insyn.ui.signin.SignInException.Field;

/**
 * Opens a workspace for a user, with no UI: signs them in to the store (embedded H2 in the folder, or a shared
 * PostgreSQL database) with their own password (R9) and opens the search index. A new workspace gets its first
 * account, who holds every role in one unit, so that one person can work in it at once and add others later.
 */
public final class WorkspaceOpener {
    private static final Duration SERVICE_WAIT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(WorkspaceOpener.class.getName());

    /** What the person typed; the password arrays are wiped once the workspace is open. */
    public record Request(Path directory, char[] password, Optional<String> postgresUrl, Optional<String> postgresUser,
            Optional<char[]> postgresPassword, String userId, Optional<FirstAccount> firstAccount) {
        WorkspaceConfig config() {
            return new WorkspaceConfig(directory, postgresUrl, postgresUser, postgresPassword, SignInDefaults.idleLock());
        }
    }

    /** The first account of a new workspace: the person's name and the name of their unit. */
    public record FirstAccount(String displayName, String unitName) {
    }

    /** An opened workspace and the user who signed in to it. */
    public record Opened(Workspace workspace, User user, Optional<SearchIndex> index, WorkspaceLocation location) {
        public void close() {
            index.ifPresent(SearchIndex::close);
            workspace.close();
        }
    }

    /** Whether the folder already holds a workspace (its accounts' key file); a new one needs the first password twice. */
    public static boolean isWorkspace(Path directory) {
        return Files.isRegularFile(directory.resolve("accounts.keys"));
    }

    public Opened open(Request request) throws SignInException {
        if (!request.userId().matches("[A-Za-z0-9._-]{1,64}")) {
            throw new SignInException(Field.USER, "signin.badUser");
        }
        WorkspaceProvider store = Services.await(WorkspaceProvider.class, SERVICE_WAIT)
                .orElseThrow(() -> new SignInException(Field.NONE, "signin.noStore"));
        WorkspaceConfig config = request.config();
        Workspace workspace;
        try {
            if (store.isNew(config)) {
                FirstAccount first = request.firstAccount().orElseThrow(() -> new SignInException(Field.NAME, "signin.noName"));
                workspace = createFirstAccount(store, config, request, first);
            } else {
                workspace = store.signIn(config, request.userId(), request.password());
            }
        } catch (InsynException e) {
            throw new SignInException(switch (e.kind()) {
                case INVALID -> Field.PASSWORD;
                case LOCKED -> Field.USER;
                case STORAGE -> request.postgresUrl().isPresent() ? Field.POSTGRES : Field.FOLDER;
                default -> Field.NONE;
            }, e);
        } finally {
            wipe(request);
        }
        try {
            return new Opened(workspace, workspace.user(), index(config, workspace), WorkspaceLocation.of(config));
        } catch (InsynException e) {
            workspace.close();
            throw new SignInException(Field.NONE, e);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** The index is derived from the store: when it cannot be opened the worker can still work, only not search notes. */
    private static Optional<SearchIndex> index(WorkspaceConfig config, Workspace workspace) {
        try {
            return Services.await(SearchIndexProvider.class, SERVICE_WAIT).map(provider -> provider.open(config, workspace, (done, total) -> {
            }));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the search index of " + config.directory() + " could not be opened", e);
            return Optional.empty();
        }
    }

    /** The first account, its administrator, holds every role in its own unit, which it then makes. */
    private static Workspace createFirstAccount(WorkspaceProvider store, WorkspaceConfig config, Request request, FirstAccount first) {
        String unitId = unitId(first.unitName());
        Set<Role> everyRole = EnumSet.allOf(Role.class);
        Workspace workspace = store.create(config, new User(request.userId(), first.displayName().strip(), everyRole, Set.of(unitId), true),
                request.password());
        try {
            workspace.saveUnit(new Unit(unitId, first.unitName().strip(), ReviewPolicy.AFTER));
            return workspace;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** A unit id from its name: "IFO Rinkeby-Kista" becomes "ifo-rinkeby-kista". */
    static String unitId(String name) {
        String ascii = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "unit" : id.substring(0, Math.min(64, id.length()));
    }

    private static void wipe(Request request) {
        Arrays.fill(request.password(), '\0');
        request.postgresPassword().ifPresent(p -> Arrays.fill(p, '\0'));
    }
}
