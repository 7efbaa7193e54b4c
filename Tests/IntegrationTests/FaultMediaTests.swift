import Foundation
import Server
import Testing

extension Integration {
    /// Media faults seen from outside: header rewrites and stripped parameter sets in one
    /// viewer's RTP (its neighbour untouched), and the camera-wide faults that change the
    /// encoder, as ffprobe decodes them.
    @Suite
    struct FaultMediaTests {
        static let yaml = FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("cam")

        /// Whether `packet` carries an SPS or PPS: bare, in a STAP-A, or as a fragment.
        static func carriesParameterSet(_ packet: RTPPacketView) -> Bool {
            switch packet.nalType {
            case 7, 8: return true
            case 24:
                // STAP-A (RFC 6184 §5.7.1): a 16-bit size before each aggregated NAL unit.
                let payload = Array(packet.payload)
                var offset = 1
                while offset + 2 < payload.count {
                    let size = Int(payload[offset]) << 8 | Int(payload[offset + 1])
                    if [7, 8].contains(payload[offset + 2] & 0x1F) { return true }
                    offset += 2 + size
                }
                return false
            case 28: return [7, 8].contains(packet.fragmentHeader?.type ?? 0)
            default: return false
            }
        }

        /// Nanoseconds between the first and last datagram a viewer's RTP tap received.
        static func arrivalSpanNanos(_ viewer: FaultUDPViewer) -> Int64 {
            let arrivals = viewer.rtp.snapshot
            guard let first = arrivals.first, let last = arrivals.last else { return 0 }
            return last.nanos - first.nanos
        }

        /// Seconds of media between the first and last packet held.
        static func span(_ packets: [RTPPacketView]) -> Double {
            guard let first = packets.first, let last = packets.last else { return 0 }
            return Double(Int32(bitPattern: last.timestamp &- first.timestamp)) / 90_000
        }

        @Test
        func urlHeaderRewritesAndStrippedParameterSetsReachOnlyThatViewer() async throws {
            try await FaultRig.with(Self.yaml) { server in
                let faulty = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                let clean = try FaultUDPViewer(port: server.port, url: server.url(forPath: "cam"))
                try faulty.start(query: "ssrc_change=1s&timestamp_jump_at=1s&timestamp_jump_by=-2s"
                                 + "&payload_type_at=1s&payload_type=97&strip_parameter_sets=true")
                try clean.start()
                // Enough for the rewrites at 1 s and two more IDRs (the GOP is 2 s).
                let enough = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.1) {
                    clean.rtpPackets.count > 20 && Self.span(clean.rtpPackets) >= 4.5
                        && faulty.rtpPackets.contains { $0.payloadType == 97 }
                        && Self.arrivalSpanNanos(faulty) >= 3_000_000_000
                }
                faulty.teardown()
                clean.teardown()
                try #require(enough, "too little RTP: faulty \(faulty.rtp.count), clean \(clean.rtp.count) packets")

                let mine = faulty.rtpPackets
                let theirs = clean.rtpPackets
                let switchIndex = try #require(mine.firstIndex { $0.payloadType == 97 })
                let before = mine[..<switchIndex], after = mine[switchIndex...]
                let jump = Int32(bitPattern: after.first!.timestamp &- before.last!.timestamp)
                print("media faults: \(before.count) packets before the switch, \(after.count) after; "
                      + "SSRC \(String(before.last!.ssrc, radix: 16)) -> \(String(after.first!.ssrc, radix: 16)); "
                      + "timestamp step \(jump) ticks; parameter sets faulty \(mine.filter(Self.carriesParameterSet).count), "
                      + "clean \(theirs.filter(Self.carriesParameterSet).count)")

                #expect(!before.isEmpty, "the rewrites started with the first packet, not at 1 s")
                #expect(before.allSatisfy { $0.payloadType == 96 } && after.allSatisfy { $0.payloadType == 97 })
                // The SSRC changes on the same frame as the payload type (both at 1 s).
                let baseSSRC = before.first!.ssrc
                #expect(before.allSatisfy { $0.ssrc == baseSSRC })
                #expect(after.allSatisfy { $0.ssrc == after.first!.ssrc } && after.first!.ssrc != baseSSRC)
                // Back 2 s (180,000 ticks), plus the one or few frame intervals between the packets.
                #expect((-180_000 ..< -150_000).contains(jump), "timestamp step \(jump)")
                #expect(!mine.contains(where: Self.carriesParameterSet), "SPS/PPS reached the viewer that strips them")

                // The other viewer of the same camera sees none of it.
                #expect(theirs.allSatisfy { $0.payloadType == 96 && $0.ssrc == baseSSRC })
                let steps = zip(theirs, theirs.dropFirst()).map { Int32(bitPattern: $1.timestamp &- $0.timestamp) }
                #expect(steps.allSatisfy { $0 >= 0 && $0 < 90_000 }, "the clean viewer's timestamps jumped")
                #expect(theirs.filter(Self.carriesParameterSet).count >= 2, "the clean viewer lost its in-band SPS/PPS")
            }
        }

        @Test
        func declaredFrameRateIsInTheSPSAndTheSDP() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("declared", faults: "{declared_fps: 10}")
                + FaultRig.camera("honest")
            try await FaultRig.with(yaml) { server in
                let declared = try await FaultRig.frameRates(server, "declared")
                let honest = try await FaultRig.frameRates(server, "honest")
                print("declared_fps 10 on a 15 fps camera: ffprobe \(declared); without: \(honest)")
                // avg_frame_rate comes from the SPS timing, r_frame_rate from the RTP timestamps.
                #expect(declared == "r_frame_rate=15/1|avg_frame_rate=10/1")
                #expect(honest == "r_frame_rate=15/1|avg_frame_rate=15/1")

                let client = try RawRTSPClient(port: server.port)
                let describe = try client.request("DESCRIBE", server.url(forPath: "declared"), headers: [("Accept", "application/sdp")])
                #expect(describe.bodyText.contains("a=framerate:10\r\n"), "SDP: \(describe.bodyText)")
            }
        }

        /// A frozen picture keeps frames coming with the same picture: the decoded motion
        /// stops for the window and resumes after it.
        @Test
        func frozenPictureStopsTheDecodedMotionForItsWindow() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n"
                + FaultRig.camera("stuck", scene: "motion", faults: "{frozen_picture: {at: 2s, for: 2s}}")
            try await FaultRig.with(yaml) { server in
                let frames = try await PictureDecoder.requireFrames(
                    server.url(forPath: "stuck"), width: 320, height: 240, count: 90)
                let steps = zip(frames, frames.dropFirst()).map { $1.meanAbsLumaDifference(from: $0) }
                let still = steps.map { $0 < 0.2 }
                // The longest run of frames that did not change, and what came before and after it.
                var longest = 0..<0
                var start = 0
                for index in 0...still.count {
                    if index == still.count || !still[index] {
                        if index - start > longest.count { longest = start..<index }
                        start = index + 1
                    }
                }
                print("frozen picture: \(longest.count) unchanged frame steps of \(steps.count) (steps \(longest)); "
                      + "moving steps average \(String(format: "%.2f", steps.filter { $0 >= 0.2 }.reduce(0, +) / Double(max(1, steps.filter { $0 >= 0.2 }.count))))")
                // Two seconds at 15 fps is 30 frames; allow for the edges of the window.
                #expect((24...34).contains(longest.count), "longest still run \(longest.count): \(steps)")
                #expect(longest.lowerBound > 0 && longest.upperBound < steps.count, "the motion did not resume: \(steps)")
                #expect(still.filter { $0 }.count - longest.count <= 2, "other frames stood still: \(steps)")
            }
        }

        @Test
        func resolutionChangeReachesTheDecoderMidStream() async throws {
            let yaml = FaultRig.serverBlock() + "cameras:\n"
                + FaultRig.camera("resized", faults: "{resolution_change: {at: 2s, size: 160x120}}")
            try await FaultRig.with(yaml) { server in
                let result = try await Clients.ffprobeRTSP(
                    server.url(forPath: "resized"),
                    ["-select_streams", "v", "-show_entries", "frame=width,height", "-of", "csv=p=0", "-read_intervals", "%+5"])
                #expect(result.succeeded && result.stderr.isEmpty, "\(result)")
                let sizes = result.stdout.split(separator: "\n").compactMap { line -> String? in
                    let fields = line.split(separator: ",")
                    return fields.count >= 2 ? "\(fields[0])x\(fields[1])" : nil
                }
                var runs: [(size: String, frames: Int)] = []
                for size in sizes {
                    if runs.last?.size == size { runs[runs.count - 1].frames += 1 } else { runs.append((size, 1)) }
                }
                print("resolution change: decoded \(runs.map { "\($0.frames) frames at \($0.size)" }.joined(separator: ", then "))")
                #expect(runs.map(\.size) == ["320x240", "160x120"], "\(runs)")
                #expect(runs.allSatisfy { $0.frames >= 10 }, "\(runs)")
            }
        }
    }
}
