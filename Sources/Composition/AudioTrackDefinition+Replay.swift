import Audio
import Cameras
import Config

extension AudioTrackDefinition {
    /// `makeLive`, wrapped to replay the process's table of `signal`'s encoded units when the
    /// signal repeats within `AudioReplayPlan.maximumSeconds`; `makeLive` itself otherwise.
    /// The table is recorded from a fresh `makeLive()` encoder, its seam on the quietest
    /// unit boundary of the period.
    static func replaying(
        _ key: AudioReplayKey, samplesPerUnit: Int, tables: AudioUnitTables<AudioReplayKey> = AudioReplayKey.tables,
        makeLive: @escaping @Sendable () throws -> any AudioEncoding
    ) -> @Sendable () throws -> any AudioEncoding {
        let rate = key.rate, signal = key.signal
        guard let period = signal.period(rate: rate),
              let unseamed = AudioReplayPlan(signalPeriod: period, samplesPerUnit: samplesPerUnit, rate: rate)
        else { return makeLive }
        let build: @Sendable () throws -> AudioUnitTable? = {
            let sampler = signal.sampler(rate: rate)
            let seam = AudioReplaySeam.quietestUnit(
                unitsPerPeriod: unseamed.unitsPerPeriod, samplesPerUnit: samplesPerUnit, sample: sampler)
            guard let plan = AudioReplayPlan(
                signalPeriod: period, samplesPerUnit: samplesPerUnit, rate: rate, seamUnit: seam)
            else { return nil }
            return try AudioUnitTable.record(plan: plan, encoder: try makeLive())
        }
        return {
            try ReplayingAudioEncoder(lookup: { tables.table(for: key, build: build) }, makeLive: makeLive)
        }
    }
}
