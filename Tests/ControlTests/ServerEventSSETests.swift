@testable import Control
import Foundation
import Server
import Testing

/// Events as server-sent events (HTML Living Standard §9.2.6).
struct ServerEventSSETests {
    @Test func anEventIsItsNameAndOneLineOfFlatJSON() throws {
        let event = ServerEvent(
            .sessionEnded, camera: "lobby/door", session: "A1B2",
            details: ["packets_sent": .int(812), "reason": .string("teardown"), "added": .strings(["x"])],
            time: Date(timeIntervalSince1970: 1_795_665_311.25))
        let text = String(buffer: event.serverSentEvent)
        #expect(text.hasPrefix("event: session_ended\ndata: {"))
        #expect(text.hasSuffix("}\n\n"))
        #expect(text.split(separator: "\n").count == 2, "the data must be one line: \(text)")
        let data = try #require(text.split(separator: "\n").last?.dropFirst("data: ".count))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "session_ended")
        #expect(object["camera"] as? String == "lobby/door" && object["session"] as? String == "A1B2")
        #expect(object["packets_sent"] as? Int == 812 && object["added"] as? [String] == ["x"])
        #expect(object["time"] as? String == "2026-11-26T03:55:11.250Z")
    }
}
