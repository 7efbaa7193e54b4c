import Testing
@testable import Server

/// Address literals become the 4 or 16 network-order bytes of a subjectAltName iPAddress.
@Suite struct IPAddressBytesTests {
    @Test(arguments: [
        ("127.0.0.1", [127, 0, 0, 1]),
        ("192.168.10.254", [192, 168, 10, 254]),
        ("::1", [UInt8](repeating: 0, count: 15) + [1]),
        ("[::1]", [UInt8](repeating: 0, count: 15) + [1]),
        ("fe80::2", [0xFE, 0x80] + [UInt8](repeating: 0, count: 13) + [2]),
    ] as [(String, [UInt8])])
    func literalsParse(text: String, bytes: [UInt8]) {
        #expect(IPAddressBytes.parse(text) == bytes)
    }

    @Test(arguments: ["localhost", "", "256.1.1.1", "1.2.3", "fe80::1%eth0", "camsim.local"])
    func namesAndNonsenseDoNot(text: String) {
        #expect(IPAddressBytes.parse(text) == nil)
    }
}
