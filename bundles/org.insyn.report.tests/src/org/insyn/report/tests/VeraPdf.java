package org.insyn.report.tests;

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
 * veraPDF in-process (greenfield parser), as in org.insyn.platform.tests: its JAXB needs the thread context class
 * loader set to a bundle that sees it (BUILD.md pitfall 16).
 */
final class VeraPdf {
    private static boolean initialised;

    private VeraPdf() {
    }

    /** The PDF/A-3b rules the document breaks, each with the message veraPDF gives; empty when it conforms. */
    static synchronized List<String> failedRules(byte[] pdf) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(VeraPdf.class.getClassLoader());
        try {
            if (!initialised) {
                VeraGreenfieldFoundryProvider.initialise();
                initialised = true;
            }
            PDFAFlavour flavour = PDFAFlavour.fromString("3b");
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                    PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().toList();
            }
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
