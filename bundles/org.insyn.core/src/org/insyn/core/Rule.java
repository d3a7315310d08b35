package org.insyn.core;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The rules the product enforces (design/RULES.md). Code that enforces a rule names its id; messages
 * shown to a worker cite the rule with its title in the worker's language.
 */
public enum Rule {
    R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, R17;

    /** The rule's short title, e.g. "Transparency to the client" / "Öppenhet mot klienten". */
    public String title(Locale locale) {
        return ResourceBundle.getBundle("org.insyn.core.rules", locale, Rule.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(name());
    }

    /** "R4 Transparency to the client". */
    public String cite(Locale locale) {
        return name() + " " + title(locale);
    }
}
