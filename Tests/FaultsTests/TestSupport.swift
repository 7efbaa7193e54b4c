@testable import Faults

let ms = FaultTime.millisecond
let sec = FaultTime.second

/// Runs `count` RTP packets of `size` bytes through `model`, one every `spacing` ns from 0.
func run(_ model: inout NetworkFaultModel, count: Int, size: Int = 1200, spacing: Int64 = ms) -> [PacketFate] {
    var fates: [PacketFate] = []
    fates.reserveCapacity(count)
    for index in 0..<count {
        fates.append(model.decide(packet: PacketInfo(index: index, size: size, kind: .rtp), at: Int64(index) * spacing))
    }
    return fates
}

func droppedIndices(_ fates: [PacketFate]) -> [Int] {
    fates.indices.filter { fates[$0].isDropped }
}

/// Lengths of the runs of consecutive drops.
func burstLengths(_ fates: [PacketFate]) -> [Int] {
    var bursts: [Int] = []
    var current = 0
    for fate in fates {
        if fate.isDropped {
            current += 1
        } else if current > 0 {
            bursts.append(current)
            current = 0
        }
    }
    if current > 0 { bursts.append(current) }
    return bursts
}

func meanAndDeviation(_ values: [Double]) -> (mean: Double, sd: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    return (mean, variance.squareRoot())
}
