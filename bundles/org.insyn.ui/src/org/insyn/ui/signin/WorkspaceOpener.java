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
 * Opens a workspace for a user, with no UI: unlocks the store (embedded H2 in the folder, or a shared PostgreSQL
 * database), finds the user, and opens the search index. A new workspace gets its first account, who holds every
 * role in one unit, so that one person can work in it at once and add others later.
 */
public final class WorkspaceOpener {
    private static final Duration SERVICE_WAIT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(WorkspaceOpener.class.getName());

    /** What the person typed; the passphrase arrays are wiped once the workspace is open. */
    public record Request(Path directory, char[] passphrase, Optional<String> postgresUrl, Optional<String> postgresUser,
            Optional<char[]> postgresPassword, String userId, Optional<FirstAccount> firstAccount) {
        WorkspaceConfig config() {
            return new WorkspaceConfig(directory, passphrase, postgresUrl, postgresUser, postgresPassword);
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

    /** Whether the folder already holds a workspace (its key file); a new one needs its passphrase twice. */
    public static boolean isWorkspace(Path directory) {
        return Files.isRegularFile(directory.resolve("insyn-keys.properties"));
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
            workspace = store.open(config);
        } catch (InsynException e) {
            wipe(request);
            throw new SignInException(e.kind() == InsynException.Kind.INVALID ? Field.PASSPHRASE
                    : request.postgresUrl().isPresent() ? Field.POSTGRES : Field.FOLDER, e);
        }
        try {
            if (workspace.users().isEmpty()) {
                FirstAccount first = request.firstAccount().orElseThrow(() -> new SignInException(Field.USER, "signin.noAccounts"));
                createFirstAccount(workspace, request.userId(), first);
            }
            User user = workspace.users().stream().filter(u -> u.id().equals(request.userId())).findFirst()
                    .orElseThrow(() -> new SignInException(Field.USER, "signin.unknownUser", request.userId()));
            if (!user.enabled()) {
                throw new SignInException(Field.USER, "signin.disabledUser", request.userId());
            }
            return new Opened(workspace, user, index(config, workspace), WorkspaceLocation.of(config));
        } catch (SignInException | RuntimeException e) {
            workspace.close();
            if (e instanceof InsynException ie) {
                throw new SignInException(Field.NONE, ie);
            }
            throw e;
        } finally {
            wipe(request);
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

    private static void createFirstAccount(Workspace workspace, String userId, FirstAccount first) {
        Unit unit = workspace.saveUnit(userId, new Unit(unitId(first.unitName()), first.unitName().strip(), ReviewPolicy.AFTER));
        Set<Role> everyRole = EnumSet.allOf(Role.class);
        workspace.saveUser(userId, new User(userId, first.displayName().strip(), everyRole, Set.of(unit.id()), true));
    }

    /** A unit id from its name: "IFO Rinkeby-Kista" becomes "ifo-rinkeby-kista". */
    static String unitId(String name) {
        String ascii = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "unit" : id.substring(0, Math.min(64, id.length()));
    }

    private static void wipe(Request request) {
        Arrays.fill(request.passphrase(), '\0');
        request.postgresPassword().ifPresent(p -> Arrays.fill(p, '\0'));
    }
}
