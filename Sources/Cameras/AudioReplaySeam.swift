/// Where a replayed period wraps: the unit boundary of the period around which the signal is
/// quietest. A transform codec's unit overlaps its neighbours (AAC's MDCT spans two units and
/// the encoder looks one unit ahead), so the wrap joins two units encoded apart; where the
/// signal is silent two units either side (the gap between beeps) the units are the same
/// bytes either way and the join is exact.
public enum AudioReplaySeam {
    /// The unit s in 0 ..< `unitsPerPeriod` whose boundary with unit s − 1 has the smallest
    /// peak |sample| over the four units around it (s − 2 ..< s + 2) (the first such one; 0 for an even signal
    /// such as a tone). `sample` is the signal at an index from the origin.
    public static func quietestUnit(
        unitsPerPeriod: Int64, samplesPerUnit: Int, sample: (Int64) -> Int16
    ) -> Int64 {
        let unit = Int64(samplesPerUnit)
        var best: (unit: Int64, peak: Int) = (0, Int.max)
        for candidate in 0..<max(1, unitsPerPeriod) {
            var peak = 0
            for n in ((candidate - 2) * unit)..<((candidate + 2) * unit) {
                peak = max(peak, abs(Int(sample(n))))
                if peak >= best.peak { break }
            }
            if peak < best.peak { best = (candidate, peak) }
            if peak == 0 { break }
        }
        return best.unit
    }
}
