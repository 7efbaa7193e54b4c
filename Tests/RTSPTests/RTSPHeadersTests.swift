import Testing
@testable import RTSP

@Suite struct RTSPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndOrdered() {
        var headers: RTSPHeaders = ["CSeq": "1", "Accept": "application/sdp", "accept": "text/plain"]
        #expect(headers["cseq"] == "1")
        #expect(headers["ACCEPT"] == "application/sdp")
        #expect(headers.values("Accept") == ["application/sdp", "text/plain"])
        #expect(headers["Missing"] == nil)
        headers.add("X-Extra", "a")
        #expect(headers.fields.map(\.name) == ["CSeq", "Accept", "accept", "X-Extra"])
    }

    @Test func setReplacesInPlaceAndDropsDuplicates() {
        var headers: RTSPHeaders = ["A": "1", "B": "2", "a": "3", "C": "4"]
        headers.set("A", "9")
        #expect(headers.fields == [
            RTSPHeaderField(name: "A", value: "9"), RTSPHeaderField(name: "B", value: "2"),
            RTSPHeaderField(name: "C", value: "4"),
        ])
        headers.set("D", "5")
        #expect(headers.fields.last == RTSPHeaderField(name: "D", value: "5"))
    }

    @Test func subscriptSetterAndRemove() {
        var headers: RTSPHeaders = ["Session": "abc", "session": "def"]
        headers["SESSION"] = nil
        #expect(headers.isEmpty)
        headers["Server"] = "camsim"
        #expect(headers["server"] == "camsim")
        #expect(headers.contains("SERVER"))
        headers.remove("server")
        #expect(!headers.contains("Server"))
    }

    @Test func continuationAppendsToLastValue() {
        var headers: RTSPHeaders = ["A": "1", "B": "two"]
        headers.appendToLastValue("lines")
        #expect(headers["B"] == "two lines")
    }
}
