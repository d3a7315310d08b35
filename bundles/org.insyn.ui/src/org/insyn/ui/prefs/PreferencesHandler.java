package org.insyn.ui.prefs;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.insyn.core.model.Role;
import org.insyn.core.service.SearchService;
import org.insyn.ui.SignedIn;

/** Window › Preferences (Ctrl+Shift+P): the language, the sources and their keys, the timestamp authority, units, accounts and retention. */
public class PreferencesHandler {
    @CanExecute
    public boolean canExecute(@Optional SignedIn signedIn) {
        return signedIn != null;
    }

    @Execute
    public void execute(Shell shell, SignedIn signedIn, @Optional SearchService search) {
        boolean administrator = signedIn.role() == Role.ADMINISTRATOR;
        new PreferencesDialog(shell, List.of(new LanguagePane(), new SourcesPane(search == null ? List.of() : search.sources(), administrator,
                signedIn.workspace()),
                new TimestampPane(administrator), new UnitsPane(signedIn.workspace(), administrator),
                new AccountsPane(signedIn.workspace(), administrator), new RetentionPane(signedIn))).open();
    }
}
