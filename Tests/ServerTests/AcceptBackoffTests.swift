import Glibc
import NIOCore
import Testing
@testable import Server

@Suite struct AcceptBackoffTests {
    @Test(arguments: [EMFILE, ENFILE, ENOBUFS, ENOMEM])
    func runningOutOfResourcesPausesAccepting(code: CInt) {
        #expect(AcceptBackoff.delay(afterErrno: code) == AcceptBackoff.pause)
        #expect(AcceptBackoff.delay(after: IOError(errnoCode: code, reason: "accept")) == AcceptBackoff.pause)
    }

    @Test(arguments: [ECONNABORTED, EPERM, EPROTO])
    func aConnectionsOwnFailureDoesNot(code: CInt) {
        #expect(AcceptBackoff.delay(afterErrno: code) == nil)
    }
}

@Suite struct AcceptBackoffDescriptorTests {
    @Test
    func onlyRunningOutOfDescriptorsGivesUpTheSpare() {
        #expect(AcceptBackoff.isOutOfDescriptors(EMFILE))
        #expect(AcceptBackoff.isOutOfDescriptors(ENFILE))
        #expect(!AcceptBackoff.isOutOfDescriptors(ENOBUFS))
        #expect(!AcceptBackoff.isOutOfDescriptors(ECONNABORTED))
    }
}
