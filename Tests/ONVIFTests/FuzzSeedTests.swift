import FuzzSeedSupport
import Testing

@Suite struct FuzzSeedTests {
    @Test func soapEnvelopeSeeds() throws {
        try FuzzSeeds.check("soap-envelope", texts: XMLGuardTests.cases.map(\.0) + [
            SOAPSamples.getDeviceInformation,
            SOAPSamples.envelope("<GetScopes/>", header: SOAPSamples.security(
                user: "admin", password: "XDL+2E0OGJhPYi//LCD83v5VnRY=", nonce: "AAECAwQFBgcICQoLDA0ODw==",
                created: "2026-11-26T10:00:00Z")),
        ])
    }
}
