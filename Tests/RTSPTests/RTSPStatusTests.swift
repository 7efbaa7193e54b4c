import Testing
@testable import RTSP

@Suite struct RTSPStatusTests {
    static let named: [(RTSPStatus, Int, String)] = [
        (.ok, 200, "OK"), (.badRequest, 400, "Bad Request"), (.unauthorized, 401, "Unauthorized"),
        (.notFound, 404, "Not Found"), (.methodNotAllowed, 405, "Method Not Allowed"),
        (.notAcceptable, 406, "Not Acceptable"), (.requestTimeout, 408, "Request Time-out"),
        (.requestEntityTooLarge, 413, "Request Entity Too Large"),
        (.requestURITooLarge, 414, "Request-URI Too Large"),
        (.parameterNotUnderstood, 451, "Parameter Not Understood"),
        (.notEnoughBandwidth, 453, "Not Enough Bandwidth"), (.sessionNotFound, 454, "Session Not Found"),
        (.methodNotValidInThisState, 455, "Method Not Valid in This State"),
        (.invalidRange, 457, "Invalid Range"),
        (.aggregateOperationNotAllowed, 459, "Aggregate operation not allowed"),
        (.unsupportedTransport, 461, "Unsupported transport"),
        (.internalServerError, 500, "Internal Server Error"), (.notImplemented, 501, "Not Implemented"),
        (.serviceUnavailable, 503, "Service Unavailable"),
        (.rtspVersionNotSupported, 505, "RTSP Version not supported"),
        (.optionNotSupported, 551, "Option not supported"),
    ]

    @Test(arguments: named)
    func codeAndPhrase(status: RTSPStatus, code: Int, phrase: String) {
        #expect(status.code == code)
        #expect(status.reasonPhrase == phrase)
        #expect(RTSPStatus(code: code) == status)
    }

    @Test func unknownCodesGetAGenericPhrase() {
        #expect(RTSPStatus(code: 499).reasonPhrase == "Client Error")
        #expect(RTSPStatus(code: 599).reasonPhrase == "Server Error")
        #expect(RTSPStatus(code: 200, reasonPhrase: "Fine").description == "200 Fine")
    }
}
