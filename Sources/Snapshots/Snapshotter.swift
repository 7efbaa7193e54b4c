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
/// in parallel on the thread pool. Renderers of streams that are gone are dropped, and at
/// most `capacity` are kept (least recently used first out), which bounds the memory of
/// a dashboard paging through many cameras.
public final class Snapshotter: Sendable {
    /// libjpeg quality of every snapshot.
    public let quality: Int
    /// Most renderers kept at once.
    public let capacity: Int
    private let threadPool: NIOThreadPool
    private let entries = NIOLockedValueBox(Entries())

    private struct Entries {
        var byStream: [ObjectIdentifier: Entry] = [:]
        var uses: UInt64 = 0
    }

    private struct Entry {
        weak var stream: CameraStream?
        let renderer: NIOLockedValueBox<StreamSnapshotRenderer>
        var lastUse: UInt64
    }

    public init(quality: Int = 85, capacity: Int = 32, threadPool: NIOThreadPool = .singleton) {
        precondition(JPEGEncoder.qualities.contains(quality), "JPEG quality must be in \(JPEGEncoder.qualities)")
        precondition(capacity > 0, "a snapshotter keeps at least one renderer")
        self.quality = quality
        self.capacity = capacity
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

    /// How many renderers are kept now (for tests).
    public var rendererCount: Int { entries.withLockedValue { $0.byStream.count } }

    private func renderer(for stream: CameraStream) throws -> NIOLockedValueBox<StreamSnapshotRenderer> {
        let key = ObjectIdentifier(stream)
        return try entries.withLockedValue { entries in
            entries.uses &+= 1
            if let entry = entries.byStream[key], entry.stream === stream {
                entries.byStream[key]!.lastUse = entries.uses
                return entry.renderer
            }
            entries.byStream = entries.byStream.filter { $0.value.stream != nil }
            while entries.byStream.count >= capacity,
                  let oldest = entries.byStream.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                entries.byStream.removeValue(forKey: oldest.key)
            }
            let renderer = NIOLockedValueBox(try StreamSnapshotRenderer(definition: stream.definition, quality: quality))
            entries.byStream[key] = Entry(stream: stream, renderer: renderer, lastUse: entries.uses)
            return renderer
        }
    }
}
