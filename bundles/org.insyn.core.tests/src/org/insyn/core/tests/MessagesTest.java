package org.insyn.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.junit.jupiter.api.Test;

/** Every message in the worker's language, whole: no English word inside a Swedish sentence. */
class MessagesTest {

    @Test
    void whatIsNotFoundIsNamedInTheWorkersLanguage() {
        InsynException e = InsynException.notFound("subject", 7);
        assertEquals("Klient 7 finns inte, eller så får du inte se det.", e.message(Messages.SWEDISH));
        assertEquals("Client 7 does not exist, or you may not see it.", e.message(Locale.ENGLISH));
    }

    @Test
    void everyMessageIsInBothLanguages() throws IOException {
        assertEquals(keys("messages.properties"), keys("messages_sv.properties"));
    }

    private static Set<Object> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(in);
        }
        return new TreeSet<>(p.keySet());
    }
}
