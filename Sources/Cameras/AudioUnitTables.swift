import Dispatch
import NIOConcurrencyHelpers

/// What a track finds when it asks for its audio unit table.
public enum AudioUnitTableLookup: Sendable {
    /// Replay this table.
    case ready(AudioUnitTable)
    /// Being built: encode live and ask again.
    case building
    /// No table will come (the build failed): encode live for good.
    case unavailable
}

/// The audio unit tables of a process, one per key (codec, rate, channels, bit rate, signal):
/// the first track that asks for a key's table starts building it away from the event loops,
/// tracks encode live until it is ready and replay it from then on. Tables live as long as
/// the registry; a process holds one per audio setting its configuration ever named.
public final class AudioUnitTables<Key: Hashable & Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[Key: AudioUnitTableLookup]>([:])
    private let run: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// - Parameter run: runs a build; by default on a background dispatch queue (tests pass
    ///   one that runs it at once).
    public init(run: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = AudioUnitTables.background) {
        self.run = run
    }

    /// Runs `work` on a global dispatch queue of utility priority.
    public static func background(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .utility).async(execute: work)
    }

    /// The table for `key`; the first call for a key starts `build` (nil or a thrown error:
    /// the key is unavailable) and answers `.building` unless the build ran at once.
    public func table(for key: Key, build: @escaping @Sendable () throws -> AudioUnitTable?) -> AudioUnitTableLookup {
        let start = entries.withLockedValue { entries -> Bool in
            if entries[key] != nil { return false }
            entries[key] = .building
            return true
        }
        if start {
            run {
                let table = try? build()
                self.entries.withLockedValue { $0[key] = table.map(AudioUnitTableLookup.ready) ?? .unavailable }
            }
        }
        return entries.withLockedValue { $0[key] ?? .building }
    }

    /// The table for `key` if it is ready, without starting a build.
    public func readyTable(for key: Key) -> AudioUnitTable? {
        entries.withLockedValue { entries in
            if case .ready(let table)? = entries[key] { return table }
            return nil
        }
    }
}
