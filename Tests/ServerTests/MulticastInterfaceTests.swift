import NIOCore
import Testing
@testable import Server

/// `server.multicast.interface` names a device of this host by name or IPv4 address.
@Suite struct MulticastInterfaceTests {
    @Test func loopbackByNameAndByAddress() throws {
        let devices = try System.enumerateDevices()
        let byName = try MulticastInterface.resolve("lo", among: devices)
        #expect(byName.address.description == "127.0.0.1")
        #expect(byName.device.name == "lo")
        #expect(byName.inAddr.s_addr == UInt32(0x7F00_0001).bigEndian)
        let byAddress = try MulticastInterface.resolve("127.0.0.1", among: devices)
        #expect(byAddress.device.name == "lo")
    }

    @Test(arguments: ["no-such-interface0", "192.0.2.254", "", "::1"])
    func unknownInterfacesAreNamed(text: String) throws {
        let devices = try System.enumerateDevices()
        #expect(throws: MulticastInterface.Problem.self) { try MulticastInterface.resolve(text, among: devices) }
        do {
            _ = try MulticastInterface.resolve(text, among: devices)
        } catch {
            #expect(error.description.contains("'\(text)'"))
        }
    }
}
