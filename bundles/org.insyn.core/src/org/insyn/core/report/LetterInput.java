package org.insyn.core.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * R4: a transparency letter to the client. {@code contact} says how to reach the unit to ask what is held
 * (R14), e.g. its postal address and phone number.
 */
public record LetterInput(String clientName, String unitName, String caseworkerName, String contact, LocalDate date, Locale locale) {
    public LetterInput {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(caseworkerName, "caseworkerName");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(locale, "locale");
    }
}
