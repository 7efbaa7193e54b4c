import H264
import Testing
@testable import Cameras

@Suite("Loop cursor and plan")
struct LoopCursorTests {
    /// 30 frames, an IDR every 10.
    static func cursor(at position: Int = 0) -> LoopCursor {
        LoopCursor(frameCount: 30, randomAccessFrames: [0, 10, 20], position: position)
    }

    @Test func framesRunOnAndWrapAtTheLoopsEnd() {
        var cursor = Self.cursor(at: 28)
        #expect((0..<4).map { _ in cursor.advance(randomAccess: false) } == [28, 29, 0, 1])
    }

    @Test func aStartingViewerJumpsToTheNearestIDR() {
        var back = Self.cursor(at: 13)
        #expect(back.advance(randomAccess: true) == 10)
        #expect(back.advance(randomAccess: false) == 11)
        var forward = Self.cursor(at: 17)
        #expect(forward.advance(randomAccess: true) == 20)
        var onIDR = Self.cursor(at: 20)
        #expect(onIDR.advance(randomAccess: true) == 20)
    }

    @Test func theNearestIDRAfterTheLastGOPIsTheLoopsStart() {
        var cursor = Self.cursor(at: 27)
        #expect(cursor.advance(randomAccess: true) == 0)
        #expect(cursor.advance(randomAccess: false) == 1)
        // Equally far either way: back, so no picture is skipped.
        #expect(Self.cursor().nearestRandomAccess(to: 25) == 20)
        #expect(Self.cursor().nearestRandomAccess(to: 5) == 0)
    }

    @Test func aLoopIsWholeGOPsWithItsFirstFrameAnIDR() {
        let settings = EncoderSettings(width: 64, height: 64, frameRate: FrameRate(numerator: 15), gop: 15)
        #expect(LoopPlan(seconds: 10, encoder: settings) == LoopPlan(frameCount: 150, gop: 15))
        var uneven = settings
        uneven.gop = 40
        #expect(LoopPlan(seconds: 10, encoder: uneven) == LoopPlan(frameCount: 160, gop: 40))
        #expect(LoopPlan(seconds: 10, encoder: uneven).gopExceedsRecommendation(framesPerSecond: 15))
        var longer = settings
        longer.gop = 400
        #expect(LoopPlan(seconds: 2, encoder: longer) == LoopPlan(frameCount: 30, gop: 30))
    }

    @Test func anAllIDRLoopHasAnEvenFrameCount() {
        let settings = EncoderSettings(width: 64, height: 64, frameRate: FrameRate(7.5), gop: 1)
        // 1.2 s at 7.5 fps is 9 frames; consecutive IDRs across the seam need an even count.
        #expect(LoopPlan(seconds: 1.2, encoder: settings) == LoopPlan(frameCount: 10, gop: 1))
    }

    @Test func cameraNumbersBecomeHashesSoATemplatesCamerasShareALoop() {
        #expect(LoopSettings.cameraText(for: "cam-017") == "cam-#")
        #expect(LoopSettings.cameraText(for: "cam-018") == "cam-#")
        #expect(LoopSettings.cameraText(for: "site2-door14") == "site#-door#")
        #expect(LoopSettings.cameraText(for: "lobby") == "lobby")
    }
}

extension LoopPlan {
    init(frameCount: Int, gop: Int) {
        self.init(seconds: 1, encoder: EncoderSettings(width: 2, height: 2, frameRate: FrameRate(numerator: 1), gop: 1))
        self.frameCount = frameCount
        self.gop = gop
    }
}
