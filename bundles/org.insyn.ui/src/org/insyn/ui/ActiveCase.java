package org.insyn.ui;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.insyn.core.model.CaseFile;

/**
 * The case the worker works on, shared by the parts through the application context under {@link #KEY}. Parts
 * follow it with {@code @Inject @Optional void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile c)}; null means
 * no case is chosen (e.g. after sign-out). Set it with {@link #set}, on the application context, so that every
 * window's parts see the same case.
 */
public final class ActiveCase {
    public static final String KEY = "org.insyn.ui.activeCase";

    private ActiveCase() {
    }

    public static void set(IEclipseContext application, CaseFile caseFile) {
        application.set(KEY, caseFile);
    }

    public static java.util.Optional<CaseFile> of(IEclipseContext context) {
        return java.util.Optional.ofNullable((CaseFile) context.get(KEY));
    }
}
