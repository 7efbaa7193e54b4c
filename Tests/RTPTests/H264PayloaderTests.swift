import Randomness
import H264Syntax
import Testing
@testable import RTP

@Suite("H264Payloader")
struct H264PayloaderTests {
    static func nal(_ type: UInt8, _ size: Int, nri: UInt8 = 3) -> H264NALSummary {
        H264NALSummary(header: H264NALHeader(nri: nri, type: type), size: size)
    }

    static let idr = H264NALType.idrSlice
    static let sps = H264NALType.sequenceParameterSet
    static let pps = H264NALType.pictureParameterSet
    static let sei = H264NALType.sei

    @Test func nalExactlyAtBudgetIsOneSinglePacket() {
        let plan = H264Payloader.plan([Self.nal(Self.idr, 100)], budget: 100)
        #expect(plan == [H264PayloadLayout(kind: .single(nal: 0), size: 100)])
    }

    @Test func oneOctetOverBudgetIsTwoFragments() {
        // 100 octets after the NAL header: 98 fill the first fragment, 2 go in the second.
        let plan = H264Payloader.plan([Self.nal(Self.idr, 101)], budget: 100)
        #expect(plan == [
            H264PayloadLayout(kind: .fuA(nal: 0, bytes: 1..<99, isStart: true, isEnd: false), size: 100),
            H264PayloadLayout(kind: .fuA(nal: 0, bytes: 99..<101, isStart: false, isEnd: true), size: 4),
        ])
    }

    @Test func manyFragmentsCoverTheNALExactly() {
        let plan = H264Payloader.plan([Self.nal(Self.idr, 1000)], budget: 100)
        #expect(plan.count == 11)  // 999 octets, 98 per fragment
        var expectedStart = 1
        for (index, layout) in plan.enumerated() {
            guard case .fuA(let nal, let bytes, let isStart, let isEnd) = layout.kind else {
                Issue.record("expected FU-A, got \(layout.kind)")
                return
            }
            #expect(nal == 0)
            #expect(bytes.lowerBound == expectedStart)
            #expect(isStart == (index == 0))
            #expect(isEnd == (index == plan.count - 1))
            #expect(layout.size == bytes.count + 2)
            #expect(layout.size == (index < 10 ? 100 : 21))
            expectedStart = bytes.upperBound
        }
        #expect(expectedStart == 1000)
    }

    @Test func aggregatesLeadingParameterSets() {
        let plan = H264Payloader.plan([Self.nal(Self.sps, 10), Self.nal(Self.pps, 4), Self.nal(Self.idr, 50)], budget: 100)
        #expect(plan == [
            H264PayloadLayout(kind: .stapA(nals: [0, 1]), size: 1 + 12 + 6),
            H264PayloadLayout(kind: .single(nal: 2), size: 50),
        ])
    }

    @Test func stapAExactlyAtBudget() {
        // 1 + (2 + 60) + (2 + 35) = 100
        let plan = H264Payloader.plan([Self.nal(Self.sps, 60), Self.nal(Self.pps, 35)], budget: 100)
        #expect(plan == [H264PayloadLayout(kind: .stapA(nals: [0, 1]), size: 100)])
    }

    @Test func noStapAWhenItWouldNotFit() {
        // A STAP-A would need 1 + (2 + 60) + (2 + 36) = 101 octets.
        let plan = H264Payloader.plan([Self.nal(Self.sps, 60), Self.nal(Self.pps, 36), Self.nal(Self.idr, 10)], budget: 100)
        #expect(plan == [
            H264PayloadLayout(kind: .single(nal: 0), size: 60),
            H264PayloadLayout(kind: .single(nal: 1), size: 36),
            H264PayloadLayout(kind: .single(nal: 2), size: 10),
        ])
    }

    @Test func stapATakesWhatFitsAndSendsTheRestAlone() {
        let plan = H264Payloader.plan([Self.nal(Self.sei, 40), Self.nal(Self.sps, 40), Self.nal(Self.pps, 40)], budget: 100)
        #expect(plan == [
            H264PayloadLayout(kind: .stapA(nals: [0, 1]), size: 85),
            H264PayloadLayout(kind: .single(nal: 2), size: 40),
        ])
    }

    @Test func dropsDelimiterFillerAndEmptyNALs() {
        let plan = H264Payloader.plan([
            Self.nal(H264NALType.accessUnitDelimiter, 2, nri: 0),
            Self.nal(Self.sps, 10),
            H264NALSummary(header: H264NALHeader(rawValue: 0), size: 0),
            Self.nal(Self.pps, 4),
            Self.nal(Self.idr, 50),
            Self.nal(H264NALType.fillerData, 30, nri: 0),
        ], budget: 100)
        #expect(plan == [
            H264PayloadLayout(kind: .stapA(nals: [1, 3]), size: 19),
            H264PayloadLayout(kind: .single(nal: 4), size: 50),
        ])
    }

    @Test func onlyLeadingParameterSetsAreAggregated() {
        let plan = H264Payloader.plan([Self.nal(Self.idr, 10), Self.nal(Self.sei, 5), Self.nal(Self.sei, 5)], budget: 100)
        #expect(plan.map(\.kind) == [.single(nal: 0), .single(nal: 1), .single(nal: 2)])
    }

    @Test func singleParameterSetIsNotAggregated() {
        let plan = H264Payloader.plan([Self.nal(Self.sps, 10), Self.nal(Self.idr, 10)], budget: 100)
        #expect(plan.map(\.kind) == [.single(nal: 0), .single(nal: 1)])
    }

    @Test func emptyAccessUnitHasNoPayloads() {
        #expect(H264Payloader.plan([], budget: 100).isEmpty)
        #expect(H264Payloader.plan([Self.nal(H264NALType.accessUnitDelimiter, 2)], budget: 100).isEmpty)
    }

    @Test func tinyBudgetIsRaisedToMinimum() {
        let plan = H264Payloader.plan([Self.nal(Self.idr, 4)], budget: 0)
        #expect(plan.map(\.size) == [3, 3, 3])  // one octet of NAL data per fragment
    }

    @Test func everyPayloadFitsTheBudget() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let budget = Int.random(in: 3...1500, using: &random)
            let nals = (0..<Int.random(in: 0...8, using: &random)).map { _ in
                Self.nal(UInt8.random(in: 1...12, using: &random), Int.random(in: 0...5000, using: &random))
            }
            for layout in H264Payloader.plan(nals, budget: budget) {
                #expect(layout.size <= budget)
            }
        }
    }
}
