import Cameras
import Snapshots
import Testing

@Suite
struct SnapshotScaleTests {
    @Test(arguments: [
        (1280, 720, nil, 1280, 720),
        (1280, 720, 320, 320, 180),
        (1280, 720, 321, 320, 180),
        (1280, 720, 1280, 1280, 720),
        (1280, 720, 4000, 1280, 720),
        (640, 480, 100, 100, 76),  // 75 rounds up to even
        (1920, 1080, 16, 16, 10),  // 9 rounds up to even
        (640, 360, 17, 16, 10),
    ] as [(Int, Int, Int?, Int, Int)])
    func outputSizeKeepsAspectAndEvenness(_ c: (Int, Int, Int?, Int, Int)) {
        let size = SnapshotScale.outputSize(of: PictureSize(width: c.0, height: c.1), width: c.2)
        #expect(size == PictureSize(width: c.3, height: c.4))
    }

    @Test
    func allowedWidthsAreBounded() {
        #expect(!SnapshotScale.allowedWidths.contains(0))
        #expect(!SnapshotScale.allowedWidths.contains(15))
        #expect(SnapshotScale.allowedWidths.contains(16))
        #expect(!SnapshotScale.allowedWidths.contains(100_000))
    }
}
