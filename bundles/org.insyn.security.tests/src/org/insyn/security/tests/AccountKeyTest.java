package org.insyn.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.insyn.security.AccountKey;
import org.insyn.security.Argon2idParams;
import org.insyn.security.KeyDerivation;
import org.insyn.security.WrongPasswordException;
import org.junit.jupiter.api.Test;

class AccountKeyTest {
    /** Cheap parameters keep the tests fast; the real cost is measured by the benchmark. */
    static final Argon2idParams FAST = new Argon2idParams(1024, 1, 1);
    final byte[] master = AccountKey.newMasterKey();

    @Test
    void R9_rightPasswordOpensTheMasterKeyAndAWrongOneDoesNot() throws Exception {
        AccountKey key = AccountKey.wrap(master, "Sommar-2026!".toCharArray(), FAST);
        assertArrayEquals(master, key.unwrap("Sommar-2026!".toCharArray()));
        assertThrows(WrongPasswordException.class, () -> key.unwrap("sommar-2026!".toCharArray()));
        assertThrows(WrongPasswordException.class, () -> key.unwrap(new char[0]));
    }

    @Test
    void R9_passwordIsNotStoredInTheEncodedKey() {
        String stored = AccountKey.wrap(master, "hemligt-lösenord".toCharArray(), FAST).encode();
        assertFalse(stored.contains("hemligt"));
        assertTrue(stored.startsWith("argon2id$m=1024,t=1,p=1$"), stored);
        assertFalse(Arrays.equals(Base64.getDecoder().decode(stored.substring(stored.lastIndexOf('$') + 1)), master),
                "the master key is stored wrapped, not in clear");
    }

    @Test
    void R9_eachAccountWrapsTheSameMasterKeyItsOwnWay() throws Exception {
        AccountKey anna = AccountKey.wrap(master, "anna-lösen".toCharArray(), FAST);
        AccountKey sara = AccountKey.wrap(master, "sara-lösen".toCharArray(), FAST);
        assertNotEquals(anna.encode(), sara.encode());
        assertArrayEquals(anna.unwrap("anna-lösen".toCharArray()), sara.unwrap("sara-lösen".toCharArray()));
        assertThrows(WrongPasswordException.class, () -> anna.unwrap("sara-lösen".toCharArray()));
    }

    @Test
    void passwordChangeKeepsTheMasterKeyAndRetiresTheOldPassword() throws Exception {
        AccountKey before = AccountKey.wrap(master, "gammalt".toCharArray(), FAST);
        AccountKey after = before.rewrap("gammalt".toCharArray(), "nytt-lösen".toCharArray(), FAST);
        assertArrayEquals(master, after.unwrap("nytt-lösen".toCharArray()));
        assertThrows(WrongPasswordException.class, () -> after.unwrap("gammalt".toCharArray()));
        assertThrows(WrongPasswordException.class, () -> before.rewrap("fel".toCharArray(), "x".toCharArray(), FAST));
    }

    @Test
    void encodedKeyRoundTrips() throws Exception {
        AccountKey key = AccountKey.wrap(master, "åäö ÅÄÖ".toCharArray(), FAST);
        AccountKey read = AccountKey.decode(key.encode());
        assertEquals(key, read);
        assertArrayEquals(master, read.unwrap("åäö ÅÄÖ".toCharArray()));
    }

    @Test
    void tamperedKeyOrLoweredCostIsRefused() {
        String stored = AccountKey.wrap(master, "lösen".toCharArray(), FAST).encode();
        String lowered = stored.replace("m=1024,t=1", "m=1024,t=2");
        assertThrows(WrongPasswordException.class, () -> AccountKey.decode(lowered).unwrap("lösen".toCharArray()));
        char[] chars = stored.toCharArray();
        int last = chars.length - 2;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';
        assertThrows(WrongPasswordException.class, () -> AccountKey.decode(new String(chars)).unwrap("lösen".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> AccountKey.decode("bcrypt$whatever"));
    }

    @Test
    void derivedKeysDifferPerPurposeAndAreStable() {
        byte[] db = KeyDerivation.derive(master, KeyDerivation.DATABASE);
        byte[] blobs = KeyDerivation.derive(master, KeyDerivation.BLOBS);
        assertEquals(32, db.length);
        assertFalse(Arrays.equals(db, blobs));
        assertArrayEquals(db, KeyDerivation.derive(master, KeyDerivation.DATABASE));
        assertFalse(Arrays.equals(db, KeyDerivation.derive(AccountKey.newMasterKey(), KeyDerivation.DATABASE)));
    }

    @Test
    void weakParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParams(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParams(65536, 0, 1));
    }
}
