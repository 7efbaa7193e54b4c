/// Built-in fault profiles, usable by name in a configuration (`faults: [lte]`),
/// in `preset:` and in a URL (`?profile=lte`).
///
/// All figures are one-way (camera → viewer). Figures marked * are camsim's
/// own assumptions where the source gives none; the rest come from the source.
///
/// | name | delay | jitter | loss | bandwidth | source |
/// |------|-------|--------|------|-----------|--------|
/// | `none` | – | – | – | – | no faults |
/// | `wifi-good` | 40 ms | 5 ms* | 0.2 % | 30 Mbit/s | Comcast tool, "WIFI (good)" profile: 40 ms, 30000 kbit/s, 0.2 % |
/// | `wifi-congested` | 70 ms | 30 ms* | 2 %, bursts of 3* | 2 Mbit/s | approximately, after the Comcast tool's "DSL (poor)" profile: 70 ms, 2000 kbit/s, 2 % |
/// | `lte` | 35 ms | 10 ms* | – | 12 Mbit/s | WebPageTest "LTE" connectivity: 12/12 Mbit/s, 70 ms RTT (halved for one way) |
/// | `3g` | 250 ms | 30 ms* | 1.5 % | 750 kbit/s | Comcast tool, "3G/HSDPA (good)" profile: 250 ms, 750 kbit/s, 1.5 % |
/// | `satellite` | 280 ms | 10 ms* | 0.2 % | – | delay: one geostationary hop, 2 × 35 786 km ÷ c ≈ 239 ms overhead to ≈ 278 ms at the coverage edge; loss: the Comcast tool's "Satellite" profile (0.2 %) |
/// | `lossy-bursty` | 50 ms* | 10 ms* | 3 %, bursts of 5* | – | no published source: a stress setting with clearly visible multi-packet bursts (Gilbert channel) |
///
/// The README's "Network presets" table carries the same figures (a test keeps them together).
public enum FaultPresets {
    private static func ms(_ value: Int64) -> Int64 { value * FaultTime.millisecond }

    public static let named: [String: FaultProfile] = [
        "none": .empty,
        "wifi-good": FaultProfile(network: NetworkFaultProfile(
            loss: 0.002, delay: ms(40), jitter: ms(5), jitterDistribution: .normal,
            bandwidth: BandwidthSpec(rate: 30_000_000)
        )),
        "wifi-congested": FaultProfile(network: NetworkFaultProfile(
            burstLoss: GilbertElliottParameters(lossRate: 0.02, meanBurst: 3),
            delay: ms(70), jitter: ms(30), jitterDistribution: .normal,
            bandwidth: BandwidthSpec(rate: 2_000_000)
        )),
        "lte": FaultProfile(network: NetworkFaultProfile(
            delay: ms(35), jitter: ms(10), jitterDistribution: .normal,
            bandwidth: BandwidthSpec(rate: 12_000_000)
        )),
        "3g": FaultProfile(network: NetworkFaultProfile(
            loss: 0.015, delay: ms(250), jitter: ms(30), jitterDistribution: .normal,
            bandwidth: BandwidthSpec(rate: 750_000)
        )),
        "satellite": FaultProfile(network: NetworkFaultProfile(
            loss: 0.002, delay: ms(280), jitter: ms(10), jitterDistribution: .normal
        )),
        "lossy-bursty": FaultProfile(network: NetworkFaultProfile(
            burstLoss: GilbertElliottParameters(lossRate: 0.03, meanBurst: 5),
            delay: ms(50), jitter: ms(10), jitterDistribution: .normal
        )),
    ]

    /// Preset names, sorted.
    public static let names: [String] = named.keys.sorted()
}
