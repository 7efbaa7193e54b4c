import Testing
@testable import Server

/// The fingerprint is SHA-256 over the DER bytes, written like `openssl x509 -fingerprint -sha256`.
@Suite struct CertificateFingerprintTests {
    @Test func emptyInputGivesTheKnownDigest() {
        // SHA-256("") (FIPS 180-4 test vector).
        #expect(CertificateFingerprint(der: []).description == """
            E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55
            """)
    }

    @Test func abcGivesTheKnownDigestWithLeadingZerosKept() {
        // SHA-256("abc") = ba7816bf 8f01cfea ... (FIPS 180-4 example); "01" keeps its zero.
        let text = CertificateFingerprint(der: Array("abc".utf8)).description
        #expect(text.hasPrefix("BA:78:16:BF:8F:01:CF:EA"), "\(text)")
        #expect(text.count == 32 * 3 - 1)
    }
}
