import Cameras
import JPEG
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Takes JPEG snapshots of camera streams at request time, without touching their
/// encoders: the way a real camera's snapshot URL answers.
///
/// One `StreamSnapshotRenderer` per stream is kept and reused, so a dashboard polling
/// every second does not rebuild scenes and glyph atlases on each request. Requests for
/// one stream run one at a time (its renderer's lock); requests for different streams run
/// in parallel on the thread pool. Renderers of streams that are gone are dropped, and the
/// ones kept hold at most `budgetBytes` of pictures between them (least recently used
/// first out; `StreamSnapshotRenderer.estimatedBytes`), which bounds the memory of a
/// dashboard paging through many cameras whatever their sizes: a 1080p renderer weighs
/// about 6 MB, a 320x240 one about 230 KB.
public final class Snapshotter: Sendable {
    /// libjpeg quality of every snapshot.
    public let quality: Int
    /// Most bytes the kept renderers may hold together; one renderer is always kept,
    /// however large.
    public let budgetBytes: Int
    private let threadPool: NIOThreadPool
    private let entries = NIOLockedValueBox(Entries())

    /// 64 MiB: ten 1080p streams, or a few hundred small ones.
    public static let defaultBudgetBytes = 64 << 20

    private struct Entries {
        var byStream: [ObjectIdentifier: Entry] = [:]
        var uses: UInt64 = 0
        var bytes: Int { byStream.values.reduce(0) { $0 + $1.bytes } }
    }

    private struct Entry {
        weak var stream: CameraStream?
        let renderer: NIOLockedValueBox<StreamSnapshotRenderer>
        let bytes: Int
        var lastUse: UInt64
    }

    public init(quality: Int = 85, budgetBytes: Int = Snapshotter.defaultBudgetBytes, threadPool: NIOThreadPool = .singleton) {
        precondition(JPEGEncoder.qualities.contains(quality), "JPEG quality must be in \(JPEGEncoder.qualities)")
        precondition(budgetBytes > 0, "a snapshotter keeps at least one renderer")
        self.quality = quality
        self.budgetBytes = budgetBytes
        self.threadPool = threadPool
    }

    /// The stream's current picture as a JPEG, shrunk to `width` if given (see `SnapshotScale`).
    public func snapshot(of stream: CameraStream, width: Int? = nil) async throws -> Snapshot {
        let moment = try await stream.pictureMoment().get()
        let renderer = try renderer(for: stream)
        return try await threadPool.runIfActive {
            try renderer.withLockedValue { try $0.snapshot(at: moment, width: width) }
        }
    }

    /// How many renderers are kept now, and their estimated bytes (for tests).
    public var rendererCount: Int { entries.withLockedValue { $0.byStream.count } }
    public var rendererBytes: Int { entries.withLockedValue { $0.bytes } }

    private func renderer(for stream: CameraStream) throws -> NIOLockedValueBox<StreamSnapshotRenderer> {
        let key = ObjectIdentifier(stream)
        return try entries.withLockedValue { entries in
            entries.uses &+= 1
            if let entry = entries.byStream[key], entry.stream === stream {
                entries.byStream[key]!.lastUse = entries.uses
                return entry.renderer
            }
            entries.byStream = entries.byStream.filter { $0.value.stream != nil }
            let bytes = StreamSnapshotRenderer.estimatedBytes(of: stream.definition.size)
            var kept = entries.bytes
            while kept + bytes > budgetBytes,
                  let oldest = entries.byStream.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                entries.byStream.removeValue(forKey: oldest.key)
                kept -= oldest.value.bytes
            }
            let renderer = NIOLockedValueBox(try StreamSnapshotRenderer(definition: stream.definition, quality: quality))
            entries.byStream[key] = Entry(stream: stream, renderer: renderer, bytes: bytes, lastUse: entries.uses)
            return renderer
        }
    }
}
