import Testing
@testable import RTSP

/// `isBetweenMessages` tells a server whether a message is partly received, at every byte.
@Suite struct RTSPMessageParserProgressTests {
    @Test
    func requestIsPartlyReceivedUntilItsLastByte() {
        let request = Array("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".utf8)
        var parser = RTSPMessageParser()
        #expect(parser.isBetweenMessages)
        for (index, byte) in request.enumerated() {
            parser.append([byte])
            var events = 0
            while parser.next() != nil { events += 1 }
            let last = index == request.count - 1
            #expect(events == (last ? 1 : 0))
            #expect(parser.isBetweenMessages == last, "after byte \(index)")
        }
    }

    @Test
    func blankLinesBetweenMessagesAreNoProgress() {
        var parser = RTSPMessageParser()
        parser.append(Array("\r\n\r\n".utf8))
        #expect(parser.next() == nil)
        #expect(parser.isBetweenMessages)
    }

    @Test
    func interleavedFrameIsPartlyReceivedUntilItsPayloadEnds() {
        var parser = RTSPMessageParser()
        parser.append([0x24, 1, 0, 4, 0xAA, 0xBB])
        #expect(parser.next() == nil)
        #expect(!parser.isBetweenMessages)
        parser.append([0xCC, 0xDD])
        #expect(parser.next() != nil)
        #expect(parser.isBetweenMessages)
    }
}
