import FuzzSeedSupport
import Testing
@testable import RTSPAuth

/// The seeds of the authentication fuzz targets match the case tables of this module.
@Suite struct FuzzSeedTests {
    @Test func wwwAuthenticate() throws {
        try FuzzSeeds.check("www-authenticate", texts: AuthHeaderValueTests.challenges.map(\.0)
            + AuthHeaderValueTests.garbage.map(\.0) + DigestTests.challenges.map(\.1))
    }

    @Test func authorization() throws {
        try FuzzSeeds.check("authorization", texts: AuthHeaderValueTests.credentials.map(\.0)
            + DigestTests.credentials.map(\.0) + DigestTests.badCredentials.map(\.0))
    }
}
