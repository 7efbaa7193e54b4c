import Composition
import Foundation
import Testing

extension Integration {
    /// Reloading the configuration while viewers watch: an added camera appears, a
    /// removed one ends its session with RTCP BYE and a clean close and then answers
    /// 404, a changed one restarts with its new settings, and an unchanged one goes on
    /// streaming without a hiccup.
    @Suite
    struct HotReloadTests {
        static let fps = 10

        /// One 320x240 (or `size`) camera entry of a `cameras:` list.
        static func camera(_ path: String, size: String = "320x240") -> String {
            """
              - path: \(path)
                scene: smpte-clock
                streams:
                  - {name: main, size: \(size), fps: \(fps), preset: ultrafast}

            """
        }

        static let before = "server: {bind: 127.0.0.1, port: 0}\ncameras:\n"
            + camera("keep") + camera("remove") + camera("change")
        static let after = "server: {bind: 127.0.0.1, port: 0}\ncameras:\n"
            + camera("keep") + camera("change", size: "640x360") + camera("added")

        /// Waits up to `seconds` for `recorder`'s connection to end, then checks that an RTCP
        /// BYE came first and the end was a clean EOF.
        static func expectByeThenClose(_ recorder: ViewerRecorder, _ name: String, seconds: Double = 5) async {
            let ended = await Poll.until(timeoutSeconds: seconds) { recorder.ended != nil }
            #expect(ended, "the \(name) viewer's connection stayed open \(seconds) s after the reload")
            let bye = recorder.byeReceived
            #expect(bye != nil, "the \(name) viewer got no RTCP BYE (PT 203) on channel 1 before its connection ended; RTCP types seen: \(Set(recorder.rtcpTypes).sorted())")
            guard case .endOfStream(let closedAt)? = recorder.ended else {
                if let ending = recorder.ended { Issue.record("the \(name) viewer's connection did not end cleanly: \(ending)") }
                return
            }
            if let bye { #expect(bye <= closedAt, "the \(name) viewer's BYE came after the close") }
        }

        @Test
        func reloadAddsRemovesAndRestartsWithoutDisturbingOthers() async throws {
            let old = try ConfigServer.parse(Self.before)
            let new = try ConfigServer.parse(Self.after)
            try await ConfigServer.with(old) { server in
                let keepStream = try #require(server.stream(atPath: "keep"))
                var recorders: [String: ViewerRecorder] = [:]
                defer { recorders.values.forEach { $0.stop() } }
                for path in ["keep", "remove", "change"] {
                    let viewer = try InterleavedViewer(port: server.port)
                    try viewer.play(server.url(forPath: path))
                    recorders[path] = ViewerRecorder(viewer)
                }
                let keep = try #require(recorders["keep"])
                let remove = try #require(recorders["remove"])
                let change = try #require(recorders["change"])

                // At least 1.5 s of steady playback on keep, and every viewer receiving.
                let playing = await Poll.until(timeoutSeconds: 15) {
                    keep.accessUnits.count >= 3 * Self.fps / 2 && !remove.accessUnits.isEmpty && !change.accessUnits.isEmpty
                }
                try #require(playing, "viewers did not start: keep \(keep.accessUnits.count), remove \(remove.accessUnits.count), change \(change.accessUnits.count) access units")
                let keepOpensBefore = keepStream.counters.snapshot.encoderOpens

                let reloadStart = Date()
                let summary = try await server.reload(from: old, to: new, scenes: TestServer.scenes())
                let reloadEnd = Date()
                print("hot reload: \(summary) in \(String(format: "%.3f", reloadEnd.timeIntervalSince(reloadStart))) s")
                #expect(summary.added == ["added"], "\(summary)")
                #expect(summary.removed == ["remove"], "\(summary)")
                #expect(summary.restarted == ["change"], "\(summary)")
                #expect(summary.unchanged == 1, "\(summary)")

                // Removed and changed cameras: BYE, then a clean close.
                await Self.expectByeThenClose(remove, "remove")
                await Self.expectByeThenClose(change, "change")

                // The removed camera is gone; the added one answers.
                let probe = try RawRTSPClient(port: server.port)
                let gone = try probe.request("DESCRIBE", server.url(forPath: "remove"), headers: [("Accept", "application/sdp")])
                #expect(gone.status == 404, "DESCRIBE of the removed camera: \(gone)")
                let added = try probe.request("DESCRIBE", server.url(forPath: "added"), headers: [("Accept", "application/sdp")])
                #expect(added.status == 200, "DESCRIBE of the added camera: \(added)")

                // The unchanged camera: the same stream, kept streaming through the reload.
                let windowStart = reloadStart.addingTimeInterval(-1)
                let windowEnd = reloadEnd.addingTimeInterval(2)
                let covered = await Poll.until(timeoutSeconds: 10) { (keep.accessUnits.last ?? .distantPast) >= windowEnd }
                #expect(covered, "keep stopped receiving: last access unit at \(keep.accessUnits.last.map { $0.timeIntervalSince(reloadEnd) } ?? -1) s after the reload")
                let window = keep.accessUnits.filter { $0 >= windowStart && $0 <= windowEnd }
                let gaps = zip(window.dropFirst(), window).map { $0.timeIntervalSince($1) }
                let maxGap = gaps.max() ?? .infinity
                let span = windowEnd.timeIntervalSince(windowStart)
                print("hot reload: keep got \(window.count) access units in \(String(format: "%.2f", span)) s around the reload, max gap \(String(format: "%.0f", maxGap * 1000)) ms, \(keep.lostPackets) RTP packets missing")
                #expect(maxGap <= 2.0 / Double(Self.fps), "keep had a \(Int(maxGap * 1000)) ms gap between access units around the reload")
                #expect(Double(window.count) >= 0.9 * span * Double(Self.fps), "keep got only \(window.count) access units in \(span) s")
                #expect(keep.lostPackets == 0, "keep lost \(keep.lostPackets) RTP packets")
                #expect(keep.ended == nil, "keep's connection ended: \(keep.ended.map(String.init(describing:)) ?? "")")
                #expect(server.stream(atPath: "keep") === keepStream, "the unchanged camera was replaced")
                #expect(keepStream.counters.snapshot.encoderOpens == keepOpensBefore, "the unchanged camera reopened its encoder")

                // ffprobe sees the added camera and the changed camera's new size.
                let addedStream = try await FFprobeTests.probe(server.url(forPath: "added"), transport: "tcp")
                #expect(addedStream.codec_name == "h264" && addedStream.width == 320 && addedStream.height == 240, "added: \(addedStream)")
                let changed = try await FFprobeTests.probe(server.url(forPath: "change"), transport: "tcp")
                #expect(changed.codec_name == "h264" && changed.width == 640 && changed.height == 360, "change after reload: \(changed)")
            }
        }
    }
}
