package org.insyn.platform.tests;

import java.io.ByteArrayInputStream;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** In-process veraPDF (greenfield parser). */
final class VeraPdf {
    private static boolean initialised;

    static synchronized boolean isCompliant(byte[] pdf, String flavour) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(VeraPdf.class.getClassLoader());
        try {
            if (!initialised) {
                VeraGreenfieldFoundryProvider.initialise();
                initialised = true;
            }
            PDFAFlavour f = PDFAFlavour.fromString(flavour);
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), f);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(f, false)) {
                ValidationResult r = validator.validate(parser);
                if (!r.isCompliant()) {
                    r.getTestAssertions().stream().limit(5).forEach(a -> System.out.println("veraPDF: " + a.getRuleId() + " " + a.getMessage()));
                }
                return r.isCompliant();
            }
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
