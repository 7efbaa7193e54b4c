import FuzzSeedSupport
import ProbeAnalysis
import Testing

@Suite("QRTimecode")
struct QRTimecodeTests {
    /// Texts the timecode scene writes, and the fuzz target's seeds.
    static let valid = ["2026-11-26T10:15:00.033Z 1", "2024-02-29T23:59:59.999Z", "1999-12-31T23:59:60.000Z 123456"]

    @Test func seedsMatchTheValidTexts() throws {
        try FuzzSeeds.check("qr-timecode", texts: Self.valid)
        #expect(Self.valid.allSatisfy { QRTimecode.parse($0) != nil })
    }

    @Test func readsTheTimecodeScenesText() throws {
        let code = try #require(QRTimecode.parse("2026-11-26T10:15:00.033Z 1"))
        // `date -u -d 2026-11-26T10:15:00Z +%s` is 1795688100.
        #expect(code.unixMilliseconds == 1_795_688_100_033)
        #expect(code.frame == 1)
        #expect(QRTimecode.parse("2024-02-29T23:59:59.999Z")?.unixMilliseconds == 1_709_251_199_999)
        #expect(QRTimecode.parse("2024-02-29T23:59:59.999Z")?.frame == nil)
    }

    @Test(arguments: [
        "", "2026-11-26 10:15:00.033Z 1", "2026-13-26T10:15:00.033Z 1", "2025-02-29T10:15:00.033Z 1",
        "2026-11-26T24:15:00.033Z 1", "2026-11-26T10:15:00.033Z x",
        "2026-11-26T10:15:00.033Z 1 ", "2026-11-26T10:15:00.03Z 12", "2026-11-26T10:15:00.033Z 12345678901234567890",
    ])
    func refusesAnythingElse(_ text: String) {
        #expect(QRTimecode.parse(text) == nil)
    }
}
