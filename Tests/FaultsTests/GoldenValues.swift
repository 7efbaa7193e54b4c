/// Outputs pinned from one run of the models; a change means decisions changed.
enum GoldenValues {
    /// `NetworkFaultProfile(loss: 0.1)`, seed 42, 100 packets.
    static let lossTenPercentSeed42 = [3, 9, 13, 15, 26, 46, 52, 58, 61, 87, 95]
    /// Gilbert channel with 5 % loss in bursts of 3, seed 7, 400 packets.
    static let burstSeed7 = [8, 65, 199, 260, 261, 262, 263, 298, 330, 338, 339, 346, 347, 348]
}
