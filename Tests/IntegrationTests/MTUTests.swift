import Foundation
import Testing

extension Integration {
    /// `mtu` is the size of the IP datagram: an RTP packet is at most mtu − 28 bytes over
    /// IPv4 and mtu − 48 over IPv6 (the IP and UDP headers), over UDP and in interleaved
    /// frames alike, and full FU-A fragments use the whole budget.
    @Suite
    struct MTUTests {
        static let mtu = 600

        /// The largest RTP packet a server on `family`'s loopback address may send.
        static func budget(_ family: LoopbackFamily) -> Int {
            switch family {
            case .ipv4: mtu - 20 - 8
            case .ipv6: mtu - 40 - 8
            }
        }

        /// A server on `family`'s loopback address with a small MTU and a camera whose every
        /// picture (noise) is larger than one packet.
        static func yaml(_ family: LoopbackFamily) -> String {
            "server: {bind: \"\(family.host)\", port: 0, mtu: \(mtu)}\ncameras:\n"
                + FaultRig.camera("busy", scene: "noise", stream: "{name: main, size: 320x240, fps: 15, bitrate: 2M, preset: ultrafast}")
        }

        /// Sizes of the RTP packets `next` returns (nil ends early): at least 150, and until
        /// one has the full budget, for at most 10 s.
        static func collectSizes(budget: Int, _ next: (_ timeoutSeconds: Double) -> [UInt8]?) -> [Int] {
            var sizes: [Int] = []
            var full = false
            let deadline = Date().addingTimeInterval(10)
            while deadline.timeIntervalSinceNow > 0, sizes.count < 150 || !full {
                guard let packet = next(deadline.timeIntervalSinceNow) else { break }
                #expect(RTPPacketView(packet) != nil, "not an RTP packet: \(packet.count) bytes")
                sizes.append(packet.count)
                full = full || packet.count == budget
            }
            return sizes
        }

        static func expectWithinBudget(_ sizes: [Int], _ family: LoopbackFamily, _ transport: String) {
            let budget = budget(family)
            let largest = sizes.max() ?? 0
            let over = sizes.filter { $0 > budget }.count
            let full = sizes.filter { $0 == budget }.count
            print("mtu \(mtu), \(transport) over \(family): \(sizes.count) RTP packets, largest \(largest) bytes, \(full) of the full \(budget), \(over) over it")
            #expect(sizes.count >= 150, "\(transport) over \(family): only \(sizes.count) RTP packets")
            #expect(over == 0, "\(transport) over \(family): \(over) of \(sizes.count) RTP packets exceed \(budget) bytes; largest \(largest)")
            #expect(full > 0, "\(transport) over \(family): no RTP packet of the full \(budget) bytes; largest \(largest)")
        }

        @Test(arguments: [LoopbackFamily.ipv4, .ipv6])
        func udpPacketsFitTheDatagram(family: LoopbackFamily) async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.yaml(family))) { server in
                let (rtp, rtcp) = try UDPReceiver.bindPair(family: family)
                let client = try RawRTSPClient(port: server.port, family: family)
                _ = try client.describeSetupPlay(
                    server.url(forPath: "busy"), transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                let sizes = Self.collectSizes(budget: Self.budget(family)) { rtp.receive(timeoutSeconds: $0) }
                Self.expectWithinBudget(sizes, family, "UDP")
            }
        }

        @Test(arguments: [LoopbackFamily.ipv4, .ipv6])
        func interleavedPacketsUseTheSameBudget(family: LoopbackFamily) async throws {
            try await ConfigServer.with(try ConfigServer.parse(Self.yaml(family))) { server in
                let client = try RawRTSPClient(port: server.port, family: family)
                _ = try client.describeSetupPlay(
                    server.url(forPath: "busy"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                let sizes = Self.collectSizes(budget: Self.budget(family)) { timeout in
                    // Channel 1 carries RTCP; nil (timed out or closed) ends the collection.
                    while let frame = try? client.readFrame(timeoutSeconds: timeout) {
                        if frame.channel == 0 { return frame.payload }
                    }
                    return nil
                }
                Self.expectWithinBudget(sizes, family, "interleaved")
            }
        }
    }
}
