import NIOConcurrencyHelpers

/// The process's shared encoders (`mode: shared`): one `SharedEncoderHub` per key, open
/// while at least one camera stream uses it and closed when the last one lets go. Cameras
/// started at different times, or by different servers in one process, share alike.
public final class SharedEncoders: Sendable {
    /// The encoders of this process.
    public static let process = SharedEncoders()

    private struct Hub {
        var hub: SharedEncoderHub
        var users: Int
    }

    private struct State {
        var hubs: [SharedEncodingKey: Hub] = [:]
        /// Encoders opened per key, ever (keys come from the configuration, so they are few).
        var opens: [SharedEncodingKey: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// The hub of `sized`'s key, opening its encoder if nobody uses one yet.
    func attach(_ sized: StreamDefinition, sharing: SharedEncoding) throws -> SharedEncoderHub {
        let key = sharing.key(of: sized)
        return try state.withLockedValue { state in
            if var entry = state.hubs[key] {
                entry.users += 1
                state.hubs[key] = entry
                return entry.hub
            }
            let source = try sharing.openEncoder(sized)
            guard let encoder = source as? any SceneEncodingSource else {
                source.close()
                throw SharedEncoderError.notSceneEncoded(camera: sized.cameraName, stream: sized.streamName)
            }
            let hub = SharedEncoderHub(key: key, encoder: encoder, definition: sized)
            state.hubs[key] = Hub(hub: hub, users: 1)
            state.opens[key, default: 0] += 1
            return hub
        }
    }

    /// One camera lets go of `hub`; the last one closes its encoder.
    func detach(_ hub: SharedEncoderHub) {
        let last = state.withLockedValue { state -> Bool in
            guard var entry = state.hubs[hub.key], entry.hub === hub else { return false }
            entry.users -= 1
            if entry.users > 0 {
                state.hubs[hub.key] = entry
                return false
            }
            state.hubs[hub.key] = nil
            return true
        }
        if last { hub.close() }
    }

    /// How the encoder of `key` fares: opened how often, used by how many streams now, and
    /// what it has encoded since it last opened.
    public func status(of key: SharedEncodingKey) -> SharedEncoderStatus {
        let (entry, opens) = state.withLockedValue { ($0.hubs[key], $0.opens[key] ?? 0) }
        return SharedEncoderStatus(
            encoderOpens: opens, streams: entry?.users ?? 0, frames: entry?.hub.frames ?? .init())
    }

    /// Encoders open now, over every key.
    public var openEncoders: Int { state.withLockedValue { $0.hubs.count } }
}

/// A shared encoder's figures (`SharedEncoders.status(of:)`).
public struct SharedEncoderStatus: Sendable, Equatable {
    /// Frames and IDRs a shared encoder made since it opened.
    public struct Frames: Sendable, Equatable {
        public var encoded = 0
        public var idrs = 0
    }

    /// Times the key's encoder was opened.
    public var encoderOpens: Int
    /// Camera streams using it now.
    public var streams: Int
    public var frames: Frames
}

/// Why a shared encoder could not open.
public enum SharedEncoderError: Error, CustomStringConvertible {
    /// The stream's source does not draw its scene (a proxy), so there is no picture to share.
    case notSceneEncoded(camera: String, stream: String)

    public var description: String {
        switch self {
        case .notSceneEncoded(let camera, let stream):
            "stream \(camera)/\(stream) does not draw its scene, so it cannot share an encoder"
        }
    }
}
