package org.notifyoncamel.antivirus;

/** What a virus scan found. A scan that could not be done throws {@link VirusScanException} instead. */
public sealed interface ScanResult {

    /** Nothing found. */
    record Clean() implements ScanResult {
    }

    /** A virus (or the EICAR test file): the scanner's signature name, e.g. {@code Eicar-Signature}. */
    record Infected(String signature) implements ScanResult {
    }

    static ScanResult clean() {
        return new Clean();
    }
}
