package org.notifyoncamel.antivirus;

/**
 * Scans content for viruses. The one implementation speaks clamd's INSTREAM protocol ({@link ClamdScanner}) to a
 * real clamd in production and to {@link ClamdSimulator} in development and tests (ADR 0121); another engine plugs
 * in behind this interface.
 */
public interface VirusScanner {

    ScanResult scan(byte[] content) throws VirusScanException;
}
