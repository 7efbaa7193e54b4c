import H265Syntax
import Testing
@testable import RTP

@Suite("H265Payloader")
struct H265PayloaderTests {
    static func nal(_ type: UInt8, _ size: Int) -> H265NALSummary {
        H265NALSummary(header: H265NALHeader(type: type), size: size)
    }

    static let vps = nal(H265NALType.videoParameterSet, 24)
    static let sps = nal(H265NALType.sequenceParameterSet, 41)
    static let pps = nal(H265NALType.pictureParameterSet, 6)

    @Test func nalExactlyAtBudgetIsOneSinglePacket() {
        #expect(H265Payloader.plan([Self.nal(1, 100)], budget: 100) == [.init(kind: .single(nal: 0), size: 100)])
    }

    @Test func oneOctetOverBudgetIsTwoFragments() {
        // 99 octets after the two header octets; 97 per fragment (budget minus PayloadHdr and FU header).
        #expect(H265Payloader.plan([Self.nal(1, 101)], budget: 100) == [
            .init(kind: .fragment(nal: 0, bytes: 2..<99, isStart: true, isEnd: false), size: 100),
            .init(kind: .fragment(nal: 0, bytes: 99..<101, isStart: false, isEnd: true), size: 5),
        ])
    }

    @Test func fragmentsCoverTheNALExactly() {
        for size in [5, 50, 997, 1400, 5000] {
            for budget in [4, 5, 17, 100, 1388] {
                let layouts = H265Payloader.plan([Self.nal(19, size)], budget: budget)
                guard size > budget else {
                    #expect(layouts == [.init(kind: .single(nal: 0), size: size)])
                    continue
                }
                var expectedStart = 2
                for (index, layout) in layouts.enumerated() {
                    guard case .fragment(0, let bytes, let isStart, let isEnd) = layout.kind else {
                        Issue.record("not a fragment: \(layout)"); return
                    }
                    #expect(bytes.lowerBound == expectedStart && !bytes.isEmpty)
                    #expect(isStart == (index == 0) && isEnd == (index == layouts.count - 1))
                    #expect(layout.size == bytes.count + 3 && layout.size <= max(budget, 4))
                    expectedStart = bytes.upperBound
                }
                #expect(expectedStart == size)
            }
        }
    }

    @Test func aggregatesLeadingParameterSets() {
        let plan = H265Payloader.plan([Self.vps, Self.sps, Self.pps, Self.nal(20, 500)], budget: 1388)
        #expect(plan == [
            .init(kind: .aggregation(nals: [0, 1, 2]), size: 2 + 2 + 24 + 2 + 41 + 2 + 6),
            .init(kind: .single(nal: 3), size: 500),
        ])
    }

    @Test func aggregationExactlyAtBudget() {
        let budget = 2 + 2 + 24 + 2 + 41 + 2 + 6
        #expect(H265Payloader.plan([Self.vps, Self.sps, Self.pps], budget: budget) == [
            .init(kind: .aggregation(nals: [0, 1, 2]), size: budget),
        ])
        // One octet less: the PPS no longer fits and goes alone.
        #expect(H265Payloader.plan([Self.vps, Self.sps, Self.pps], budget: budget - 1) == [
            .init(kind: .aggregation(nals: [0, 1]), size: budget - 8),
            .init(kind: .single(nal: 2), size: 6),
        ])
    }

    @Test func prefixSEIJoinsTheAggregation() {
        let plan = H265Payloader.plan([Self.vps, Self.sps, Self.pps, Self.nal(39, 10), Self.nal(19, 50)], budget: 1388)
        #expect(plan.map(\.kind) == [.aggregation(nals: [0, 1, 2, 3]), .single(nal: 4)])
    }

    @Test func singleParameterSetIsNotAggregated() {
        // RFC 7798 §4.4.2: an AP carries at least two aggregation units.
        #expect(H265Payloader.plan([Self.pps, Self.nal(1, 50)], budget: 1388).map(\.kind) == [.single(nal: 0), .single(nal: 1)])
    }

    @Test func onlyLeadingParameterSetsAreAggregated() {
        let plan = H265Payloader.plan([Self.nal(1, 30), Self.vps, Self.sps], budget: 1388)
        #expect(plan.map(\.kind) == [.single(nal: 0), .single(nal: 1), .single(nal: 2)])
    }

    @Test func dropsDelimiterFillerAndShortNALs() {
        let plan = H265Payloader.plan([
            Self.nal(H265NALType.accessUnitDelimiter, 3), Self.nal(1, 1), Self.nal(1, 0),
            Self.nal(H265NALType.fillerData, 20), Self.nal(1, 2),
        ], budget: 100)
        #expect(plan == [.init(kind: .single(nal: 4), size: 2)])
    }

    @Test func tinyBudgetIsRaisedToMinimum() {
        let plan = H265Payloader.plan([Self.nal(1, 4)], budget: 0)
        #expect(plan.map(\.size) == [4])
        #expect(H265Payloader.plan([Self.nal(1, 6)], budget: 1).count == 4)
    }
}
