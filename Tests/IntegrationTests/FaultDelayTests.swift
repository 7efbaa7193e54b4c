import Foundation
import Testing

extension Integration {
    /// `?delay=200ms&jitter=20ms`: compared packet by packet with an unfaulted viewer of
    /// the same camera, the faulted viewer's packets arrive 200 ms later with a 20 ms
    /// spread, in order, and its sender reports are delayed with them.
    @Suite
    struct FaultDelayTests {
        static let yaml = FaultRig.serverBlock() + "cameras:\n"
            + FaultRig.camera("cam", stream: "{name: main, size: 640x360, fps: 15, preset: ultrafast}")

        /// Distinct RTP timestamps (frames) among a viewer's RTP packets.
        static func frames(_ viewer: FaultUDPViewer) -> Int {
            Set(viewer.rtpPackets.map(\.timestamp)).count
        }

        @Test
        func delayAndJitterMatchTheRequest() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let url = server.url(forPath: "cam")
                let clean = try FaultUDPViewer(port: server.port, url: url)
                let faulted = try FaultUDPViewer(port: server.port, url: url)
                try clean.start()
                try faulted.start(query: "delay=200ms&jitter=20ms&seed=3")
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.25) {
                    Self.frames(faulted) >= 120
                }
                #expect(enough, "the delayed viewer got \(Self.frames(faulted)) frames in 20 s")
                let srArrived = await Poll.until(timeoutSeconds: 7) {
                    faulted.rtcp.snapshot.contains { RTCPPacketView.split($0.bytes)?.first?.packetType == 200 }
                }
                faulted.teardown()
                clean.teardown()
                for tap in [clean.rtp, clean.rtcp, faulted.rtp, faulted.rtcp] { tap.stop() }

                struct Key: Hashable { var seq: UInt16; var timestamp: UInt32 }
                let cleanPackets = FaultSequenceStats.packets(clean.rtp.snapshot)
                let faultedPackets = FaultSequenceStats.packets(faulted.rtp.snapshot)
                var cleanArrival: [Key: Int64] = [:]
                var firstOfFrame: [UInt32: UInt16] = [:]
                for packet in cleanPackets {
                    cleanArrival[Key(seq: packet.sequence, timestamp: packet.timestamp)] = packet.nanos
                    let previous = firstOfFrame[packet.timestamp]
                    if previous == nil || Int16(bitPattern: packet.sequence &- previous!) < 0 {
                        firstOfFrame[packet.timestamp] = packet.sequence
                    }
                }
                var all: [Double] = []
                var frameStarts: [Double] = []
                for packet in faultedPackets {
                    guard let reference = cleanArrival[Key(seq: packet.sequence, timestamp: packet.timestamp)] else { continue }
                    let milliseconds = Double(packet.nanos - reference) / 1e6
                    all.append(milliseconds)
                    if firstOfFrame[packet.timestamp] == packet.sequence { frameStarts.append(milliseconds) }
                }
                let allSummary = FaultSampleSummary(all)
                let frameSummary = FaultSampleSummary(frameStarts)
                let outOfOrder = zip(faultedPackets, faultedPackets.dropFirst()).filter { $1.extendedSequence < $0.extendedSequence }.count
                print("delay 200ms jitter 20ms: first packet of each frame \(frameSummary) ms; every packet \(allSummary) ms; out of order \(outOfOrder)")

                #expect(frameSummary.count >= 100, "only \(frameSummary.count) frames matched")
                #expect(abs(frameSummary.mean - 200) <= 20, "first packets of frames: \(frameSummary)")
                #expect(abs(frameSummary.standardDeviation - 20) <= 8, "first packets of frames: \(frameSummary)")
                // Without allow_reorder the jitter never reorders: later packets of a frame wait for earlier ones.
                #expect(outOfOrder == 0, "\(outOfOrder) packets arrived out of order")
                #expect(allSummary.mean >= frameSummary.mean - 1, "every packet: \(allSummary), first packets: \(frameSummary)")

                // Sender reports reach the delayed viewer, about 200 ms after the clean
                // viewer got the frame whose RTP timestamp the report carries.
                #expect(srArrived, "no RTCP SR (PT 200) on the delayed viewer's RTCP port within 7 s")
                var lags: [Double] = []
                for arrival in faulted.rtcp.snapshot {
                    guard let rtpTime = RTCPPacketView.split(arrival.bytes)?.first?.senderInfo?.rtpTimestamp,
                          let sequence = firstOfFrame[rtpTime],
                          let reference = cleanArrival[Key(seq: sequence, timestamp: rtpTime)] else { continue }
                    lags.append(Double(arrival.nanos - reference) / 1e6)
                }
                print("delayed SR after the clean viewer's frame: \(lags.map { String(format: "%.1f ms", $0) })")
                #expect(!lags.isEmpty, "no delayed SR carried the RTP timestamp of a frame the clean viewer got")
                for lag in lags { #expect((150...320).contains(lag), "SR lag \(lag) ms") }
            }
        }
    }
}
