package org.insyn.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Locale;

import org.insyn.core.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleTest {
    static final Locale SV = Locale.of("sv");

    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyRuleHasASwedishAndAnEnglishTitle(Rule rule) {
        String en = rule.title(Locale.ENGLISH);
        String sv = rule.title(SV);
        assertFalse(en.isBlank());
        assertFalse(sv.isBlank());
        assertNotEquals(en, sv, "Swedish title of " + rule + " is not translated");
    }

    @Test
    void citeNamesTheIdAndTheTitle() {
        assertEquals("R4 Transparency to the client", Rule.R4.cite(Locale.ENGLISH));
        assertEquals("R4 Öppenhet mot klienten", Rule.R4.cite(SV));
    }

    @Test
    void seventeenRulesAsInTheDesign() {
        assertEquals(17, Rule.values().length);
        assertEquals(17, Arrays.stream(Rule.values()).map(r -> r.title(Locale.ENGLISH)).distinct().count());
    }
}
