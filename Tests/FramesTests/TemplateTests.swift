import Testing
@testable import Frames

@Suite("Text templates and time formatting")
struct TemplateTests {
    @Test func placeholders() throws {
        var c = context(frame: 42, fps: 25, seed: 7, camera: "lobby")
        c.wallClockNanos = startNanos + 3_723_045_999_999  // 01:02:03.045999999
        let t = try TextTemplate("{camera} {time:%Y-%m-%d %H:%M:%S.%f} #{frame} {frame:06} {frame:4} {media_time} {media_time:0} {fps} {width}x{height} {seed} {{x}}")
        #expect(t.render(context: c, width: 640, height: 360)
            == "lobby 2026-01-01 01:02:03.045 #42 000042   42 1.680 1 25 640x360 7 {x}")
        #expect(t.isDynamic)
        #expect(try !TextTemplate("{camera} {fps} {width} {seed}").isDynamic)
    }

    @Test func timecode() throws {
        let t = try TextTemplate("{timecode}")
        #expect(t.render(context: context(frame: 1234, fps: 30), width: 2, height: 2) == "00:00:41:04")
        #expect(t.render(context: context(frame: 25 * 3661 + 24, fps: 25), width: 2, height: 2) == "01:01:01:24")
        #expect(t.isDynamic)
    }

    @Test func fractionalFrameRate() throws {
        let c = context(frame: 0, fps: 30000.0 / 1001)
        #expect(try TextTemplate("{fps}").render(context: c, width: 2, height: 2) == "29.97")
    }

    @Test(arguments: ["{nope}", "{frame:x}", "{time:%Q}", "{camera:upper}", "{media_time:12}", "{unclosed", "stray }"])
    func invalidTemplatesFail(source: String) {
        #expect(throws: TemplateError.self) { try TextTemplate(source) }
    }

    @Test func unknownPlaceholderListsValidOnes() {
        do {
            _ = try TextTemplate("{camrea}")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("{camrea}"))
            #expect(error.message.contains("{camera}"))
        }
    }

    @Test(arguments: [
        // (nanoseconds since the epoch, expected "%F %T.%f %j %a %b %s")
        (Int64(0), "1970-01-01 00:00:00.000 001 Thu Jan 0"),
        (Int64(951_782_400_123_000_000), "2000-02-29 00:00:00.123 060 Tue Feb 951782400"),
        (Int64(1_767_225_599_999_999_999), "2025-12-31 23:59:59.999 365 Wed Dec 1767225599"),
        (Int64(4_107_542_400_000_000_000), "2100-03-01 00:00:00.000 060 Mon Mar 4107542400"),
        (Int64(-1_000_000), "1969-12-31 23:59:59.999 365 Wed Dec -1"),
    ])
    func civilTime(nanos: Int64, expected: String) throws {
        var out = ""
        try TimeFormat("%F %T.%f %j %a %b %s").format(CivilTime(unixNanos: nanos), into: &out)
        #expect(out == expected)
    }

    @Test func percentEscapesAndZone() throws {
        var out = ""
        try TimeFormat("%H%% %z %Z %y").format(CivilTime(unixNanos: startNanos), into: &out)
        #expect(out == "00% +0000 UTC 26")
    }
}
