package org.insyn.core.redact;

/** R12: the kinds of personal detail scrubbed from text that leaves the product. */
public enum PersonalDetail {
    /** Personal identity number, 10 or 12 digits, checked by date and Luhn. */
    PERSONNUMMER,
    /** Coordination number: like a personnummer with the day plus 60. */
    SAMORDNINGSNUMMER,
    /** Swedish phone numbers: 08-, 07x-, other area codes, +46. */
    PHONE,
    EMAIL,
    /** Street addresses and postcodes with a town. */
    ADDRESS,
    /** The names of the case's subject and relatives. */
    NAME,
    /** Terms a user asked to have scrubbed. */
    TERM
}
