import FuzzSeedSupport
import Testing

/// The seeds of the SPS fuzz target are the SPS NAL units of this module's case table.
@Suite struct FuzzSeedTests {
    @Test func h264SPS() throws {
        try FuzzSeeds.check("h264-sps", H264SequenceParameterSetTests.cases.map { hexBytes($0.hex) })
    }
}
