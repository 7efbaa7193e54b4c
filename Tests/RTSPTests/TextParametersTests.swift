import Testing
@testable import RTSP

@Suite struct TextParametersTests {
    static let cases: [(body: String, parameters: [TextParameters.Parameter])] = [
        ("", []),
        ("\r\n\r\n", []),
        ("packets_received\r\njitter\r\n", [.init(name: "packets_received"), .init(name: "jitter")]),
        ("barparam: barstuff\r\n", [.init(name: "barparam", value: "barstuff")]),
        ("  loss :\t20 \nclear:\n", [.init(name: "loss", value: "20"), .init(name: "clear", value: "")]),
        ("respond: SETUP:503\r", [.init(name: "respond", value: "SETUP:503")]),
    ]

    @Test(arguments: cases.indices)
    func parses(index: Int) {
        let (body, expected) = Self.cases[index]
        #expect(TextParameters(parsing: Array(body.utf8)).parameters == expected)
    }
}
