package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.InsynException;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.Justification;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.RetentionRule;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Window › Preferences: what each person may change, kept where the product reads it, and used. */
@ExtendWith(ScreenshotOnFailure.class)
class PreferencesUiTest {
    private final Bot bot = new Bot();

    /** A test that failed with the dialog open leaves it to the next one closed. */
    @AfterEach
    void closeTheDialog() {
        if (bot.isShowing(PreferencesPage.KEY)) {
            bot.click(bot.byKey(org.eclipse.swt.widgets.Button.class, PreferencesPage.KEY + ".cancel"));
        }
    }

    /** The Check button asks each (demo) source once and puts what it found beside it, before anyone's first search fails. */
    @Test
    void checkingTheSourcesSaysThatEachDemoSourceWorks() {
        SignInPage.switchTo(bot, Fixture.ADMINISTRATOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("sources");
        org.eclipse.swt.widgets.Table sources = prefs.table("sources.list");
        prefs.click("sources.check");
        // one request per source, sequentially and with the client's polite gap per site: allow for a loaded machine
        try {
            Bot.waitFor(() -> bot.sync(() -> java.util.Arrays.stream(sources.getItems()).allMatch(i -> List.of("Works", "Fungerar")
                    .contains(i.getText(2)))), 90_000, "every demo source checked and working");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + bot.sync(() -> java.util.Arrays.stream(sources.getItems())
                    .map(i -> i.getText(0) + " = " + i.getText(2)).toList()), e);
        }
        prefs.cancel();
    }

    /**
     * An API key (masked) and the timestamp authority go to the instance preferences that org.insyn.web and
     * org.insyn.capture read (their own tests show them used from there); a bad address is said and nothing is saved.
     */
    @Test
    void anAdministratorSetsAnApiKeyAndTheTimestampAuthorityWhichAreKept() {
        SignInPage.switchTo(bot, Fixture.ADMINISTRATOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("sources");
        Text key = prefs.text("sources.youtube.apiKey");
        assertTrue(bot.sync(() -> (key.getStyle() & SWT.PASSWORD) != 0), "an API key is masked");
        prefs.set("sources.youtube.apiKey", "AIza-test-key").set("sources.discourse.url", "ftp://forum.example.org");
        prefs.tab("timestamp").set("timestamp.url", "http://127.0.0.1:9/tsa");
        assertEquals("Discourse forum address: write a web address that starts with http:// or https:// (not \"ftp://forum.example.org\").",
                prefs.saveRefused());
        assertFalse(PreferencesPage.saved("org.insyn.web").containsKey("youtube.apiKey"), "nothing saved while a field is wrong");
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, PreferencesPage.KEY), Bot.screenshotDir().resolve("preferences-sources.png"));
        prefs.set("sources.discourse.url", "https://forum.example.org").save();
        try {
            assertEquals("AIza-test-key", PreferencesPage.saved("org.insyn.web").getProperty("youtube.apiKey"));
            assertEquals("https://forum.example.org", PreferencesPage.saved("org.insyn.web").getProperty("discourse.url"));
            assertEquals("http://127.0.0.1:9/tsa", PreferencesPage.saved("org.insyn.capture").getProperty("tsa.url"));
            PreferencesPage again = PreferencesPage.open(bot).tab("sources");
            assertEquals("AIza-test-key", bot.text(again.text("sources.youtube.apiKey")));
            again.cancel();
        } finally {
            // the other tests capture without an authority: an empty field removes the setting
            PreferencesPage.open(bot).tab("sources").set("sources.youtube.apiKey", "").set("sources.discourse.url", "").tab("timestamp")
                    .set("timestamp.url", "").save();
        }
        assertFalse(PreferencesPage.saved("org.insyn.web").containsKey("youtube.apiKey"));
        assertFalse(PreferencesPage.saved("org.insyn.capture").containsKey("tsa.url"));
    }

    /** Settings of the whole workspace are an administrator's: a supervisor sees them and may not change them. */
    @Test
    void workspaceWideSettingsAreOnlyAnAdministratorsToChange() {
        SignInPage.switchTo(bot, Fixture.SUPERVISOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("sources");
        assertFalse(prefs.enabled("sources.youtube.apiKey"));
        assertTrue(prefs.label("sources.administratorsOnly").startsWith("These settings apply to everyone"));
        prefs.tab("timestamp");
        assertFalse(prefs.enabled("timestamp.url"));
        prefs.tab("units");
        assertFalse(prefs.enabled("units.name"));
        prefs.tab("accounts");
        assertFalse(prefs.enabled("accounts.name"));
        assertTrue(prefs.enabled("accounts.own.current"), "everyone changes their own password");
        prefs.tab("retention");
        assertTrue(prefs.enabled("retention.days"), "a supervisor sets the retention of her units");
        prefs.cancel();
    }

    /** The language is everyone's own; it is kept where the launch script reads it for the next start. */
    @Test
    void theLanguageChosenIsKeptForTheNextStart() {
        SignInPage.switchTo(bot, Fixture.FIELD_WORKER);
        PreferencesPage.open(bot).tab("language").choose("language.en").save();
        assertEquals("en", PreferencesPage.saved("org.insyn.ui").getProperty("language"));
        PreferencesPage prefs = PreferencesPage.open(bot);
        assertTrue(bot.sync(() -> prefs.radio("language.en").getSelection()));
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, PreferencesPage.KEY), Bot.screenshotDir().resolve("preferences-language.png"));
        prefs.choose("language.sv").save();
        assertEquals("sv", PreferencesPage.saved("org.insyn.ui").getProperty("language"));
    }

    /** R2: an administrator adds a unit with its review policy and changes it; each change is on the audit trail. */
    @Test
    void anAdministratorAddsAUnitAndChangesItsReviewPolicy() {
        SignInPage.switchTo(bot, Fixture.ADMINISTRATOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("units");
        bot.select(prefs.table("units.table"), item -> item.getText(1).startsWith("(new unit"), "the new unit's row");
        prefs.set("units.id", "öst x").set("units.name", "IFO Öster");
        assertEquals("A unit id is 1 to 64 letters (a-z, A-Z), digits, '.', '_' or '-' (not \"öst x\").", prefs.saveRefused());
        prefs.set("units.id", "east");
        prefs.choose("units.policy", "After: a search runs at once and is reviewed afterwards");
        prefs.save();
        try (Casework work = new Casework()) {
            assertEquals(Optional.of(new Unit("east", "IFO Öster", ReviewPolicy.AFTER)),
                    work.workspace(Fixture.ADMINISTRATOR.id()).units().stream().filter(u -> u.id().equals("east")).findFirst());
        }
        prefs = PreferencesPage.open(bot).tab("units");
        bot.select(prefs.table("units.table"), item -> item.getText(0).equals("east"), "the unit east");
        prefs.choose("units.policy", "Before: a search waits for a supervisor's approval");
        prefs.save();
        try (Casework work = new Casework()) {
            assertEquals(ReviewPolicy.BEFORE, work.workspace(Fixture.ADMINISTRATOR.id()).units().stream().filter(u -> u.id().equals("east")).findFirst().orElseThrow()
                    .reviewPolicy());
            assertEquals(2, work.workspace(Fixture.ADMINISTRATOR.id()).audit().entries(Optional.empty(), 0, 100_000).stream()
                    .filter(e -> e.action() == AuditAction.UNIT_SAVED && e.target().equals("unit:east") && e.actorId().equals("adam")).count());
        }
    }

    /**
     * R9: an administrator makes an account with its roles, unit and first password; its owner signs in with it and
     * changes it to her own; the administrator changes her roles and disables the account, which can then no longer
     * open the workspace. It stays in the list, since the audit trail names it; every step is on the trail.
     */
    @Test
    void anAdministratorMakesChangesAndDisablesAnAccountAndItsOwnerChangesHerPassword() {
        SignInPage.switchTo(bot, Fixture.ADMINISTRATOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("accounts");
        bot.select(prefs.table("accounts.table"), item -> item.getText(1).startsWith("(new account"), "the new account's row");
        prefs.set("accounts.id", "nina").set("accounts.name", "Nina Nord");
        assertEquals("Give the account nina at least one role.", prefs.saveRefused());
        prefs.tick("accounts.role.INVESTIGATOR", true);
        bot.check(prefs.table("accounts.unitChoice"), item -> item.getText().equals(Fixture.NORTH.name()), true, "the unit north");
        assertEquals("Type a password for the account nina: it signs in with it.", prefs.saveRefused());
        prefs.set("accounts.password", "kort");
        assertEquals("A password needs at least 10 characters.", prefs.saveRefused());
        prefs.set("accounts.password", Fixture.PASSWORD).save();
        try (Casework work = new Casework()) {
            assertEquals(new User("nina", "Nina Nord", Set.of(Role.INVESTIGATOR), Set.of("north"), true),
                    work.workspace("nina").user());
        }

        Fixture.Account nina = new Fixture.Account("nina", "Nina Nord", Role.INVESTIGATOR, "Investigator", Fixture.NORTH);
        SignInPage.switchTo(bot, nina);
        prefs = PreferencesPage.open(bot).tab("accounts");
        assertFalse(prefs.enabled("accounts.name"), "only an administrator keeps accounts");
        prefs.set("accounts.own.current", Fixture.PASSWORD).set("accounts.own.new", "ninas eget lösenord").set("accounts.own.repeat", "ninas eget");
        assertEquals("Type the same new password twice.", prefs.saveRefused());
        prefs.set("accounts.own.repeat", "ninas eget lösenord").save();
        WorkspaceConfig config = WorkspaceConfig.embedded(Fixture.workspace());
        try (Workspace own = Fixture.store().signIn(config, "nina", "ninas eget lösenord".toCharArray())) {
            assertEquals("nina", own.user().id());
        }

        SignInPage.switchTo(bot, Fixture.ADMINISTRATOR);
        prefs = PreferencesPage.open(bot).tab("accounts");
        bot.select(prefs.table("accounts.table"), item -> item.getText(0).equals("nina"), "the account nina");
        prefs.tick("accounts.role.SUPERVISOR", true).tick("accounts.enabled", false).save();
        try (Workspace refused = Fixture.store().signIn(config, "nina", "ninas eget lösenord".toCharArray())) {
            fail("a disabled account opened the workspace");
        } catch (InsynException refused) {
            assertTrue(refused.message(java.util.Locale.ENGLISH).endsWith("Wrong user name or password."), refused.getMessage());
        }
        try (Casework work = new Casework()) {
            Workspace admin = work.workspace(Fixture.ADMINISTRATOR.id());
            assertEquals(Optional.of(new User("nina", "Nina Nord", Set.of(Role.INVESTIGATOR, Role.SUPERVISOR), Set.of("north"), false)),
                    admin.accounts().list().stream().filter(u -> u.id().equals("nina")).findFirst());
            assertEquals(List.of(AuditAction.USER_SAVED, AuditAction.PASSWORD_CHANGED, AuditAction.USER_SAVED, AuditAction.ACCOUNT_DISABLED),
                    admin.audit().entries(Optional.empty(), 0, 100_000).stream().filter(e -> e.target().equals("user:nina"))
                            .filter(e -> e.action() != AuditAction.SIGNED_IN).map(e -> e.action()).toList());
        }
        PreferencesPage list = PreferencesPage.open(bot).tab("accounts");
        assertTrue(bot.rows(list.table("accounts.table")).contains(List.of("nina", "Nina Nord", "Investigator, Supervisor", "IFO Norr", "Disabled")));
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, PreferencesPage.KEY), Bot.screenshotDir().resolve("preferences-accounts.png"));
        list.cancel();
    }

    /** R10: a supervisor sets how long minor-importance material of her unit is kept, and puts a case on legal hold and lifts it. */
    @Test
    void aSupervisorSetsTheRetentionPeriodAndPlacesAndLiftsALegalHold() {
        long caseId;
        try (Casework work = new Casework()) {
            Justification j = work.clientCase("anna", "north", "Överklagat beslut", "Berit Beritsson", ReasonCategory.OTHER);
            caseId = j.caseId().orElseThrow();
        }
        SignInPage.switchTo(bot, Fixture.SUPERVISOR);
        PreferencesPage prefs = PreferencesPage.open(bot).tab("retention");
        bot.select(prefs.table("retention.schedule"), item -> item.getText(0).equals("IFO Norr") && item.getText(1).equals("Minor importance"),
                "north's minor-importance rule");
        prefs.set("retention.days", "30");
        bot.select(prefs.table("retention.holds"), item -> item.getText(0).equals("Överklagat beslut"), "the case");
        prefs.set("retention.reason", "Beslutet är överklagat till förvaltningsrätten.");
        prefs.click("retention.place");
        assertEquals("The case Överklagat beslut is on legal hold.", prefs.waitForLabel("retention.done", "hold"));
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, PreferencesPage.KEY), Bot.screenshotDir().resolve("preferences-retention.png"));
        try (Casework work = new Casework()) {
            assertTrue(work.workspace("sara").session().retention().hold(caseId).isPresent(), "placed at once");
        }
        prefs.save();
        try (Casework work = new Casework()) {
            RetentionRule north = work.workspace("sara").session().retention().schedule().stream()
                    .filter(r -> r.unitId().equals("north") && r.recordClass() == RecordClass.MINOR_IMPORTANCE).findFirst().orElseThrow();
            assertEquals(Optional.of(30), north.daysAfterClosing());
            assertEquals(Optional.of("sara"), north.changedBy());
        }
        prefs = PreferencesPage.open(bot).tab("retention");
        bot.select(prefs.table("retention.holds"), item -> item.getText(0).equals("Överklagat beslut"), "the case");
        prefs.set("retention.reason", "Domen har vunnit laga kraft.").click("retention.lift");
        assertEquals("The legal hold on Överklagat beslut is lifted.", prefs.waitForLabel("retention.done", "lifted"));
        prefs.cancel();
        try (Casework work = new Casework()) {
            assertFalse(work.workspace("sara").session().retention().hold(caseId).isPresent());
        }
    }
}
