package org.insyn.testing;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF in-process (greenfield parser). Its JAXB finds its implementation through the thread context class loader,
 * so that is set to this bundle's, which imports it.
 */
public final class VeraPdf {
    private static boolean initialised;

    private VeraPdf() {
    }

    /** The rules of the PDF/A flavour ("3b", "2u", …) the document breaks, each with veraPDF's message; empty when it conforms. */
    public static synchronized List<String> failedRules(byte[] pdf, String flavour) throws Exception {
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
                ValidationResult result = validator.validate(parser);
                return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().toList();
            }
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
