import FuzzSeedSupport
import Foundation
import Testing

/// The seeds of the H.265 SPS fuzz target: the SPS vectors of this module's tests.
@Suite struct FuzzSeedTests {
    static let spsSeeds: [[UInt8]] = [
        X265Vectors.sps,
        Array(Data(base64Encoded: "QgEBAWAAAAMAkAAAAwAAAwBdoAKAgC0WW6SkwuagICAggAAAAwCAAAAPBA==")!),
    ]

    @Test func h265SPS() throws {
        try FuzzSeeds.check("h265-sps", Self.spsSeeds)
    }
}
