import ONVIF
import Testing

@Suite struct XSDateTimeTests {
    @Test func parsesZonesAndFractions() {
        let base: Int64 = 1_795_687_200 * 1_000_000_000  // 2026-11-26T10:00:00Z
        #expect(XSDateTime.parse("2026-11-26T10:00:00Z") == base)
        #expect(XSDateTime.parse("2026-11-26T10:00:00") == base)
        #expect(XSDateTime.parse("2026-11-26T11:00:00+01:00") == base)
        #expect(XSDateTime.parse("2026-11-26T10:00:00.25Z") == base + 250_000_000)
        #expect(XSDateTime.format(base) == "2026-11-26T10:00:00Z")
        for bad in ["2026-02-30T10:00:00Z", "2026-11-26 10:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T10:00:00.Z", "2026-11-26T10:00:00+1:00", "", "9999-12-31T23:59:59Z", "1677-01-01T00:00:00Z"] {
            #expect(XSDateTime.parse(bad) == nil, "\(bad)")
        }
    }
}
