import FuzzSupport
import RTSP

/// `text/parameters` bodies (RFC 2326 §10.8, §10.9): names and values come out trimmed and on
/// one line, and writing them back one a line parses to the same parameters.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parsed = TextParameters(parsing: FuzzInput.bytes(data, size))
    var body = ""
    for parameter in parsed.parameters {
        for text in [parameter.name, parameter.value ?? ""] {
            invariant(!text.contains(where: \.isNewline), "a line break inside \(text.debugDescription)")
            invariant(text.first.map { $0 != " " && $0 != "\t" } ?? true, "untrimmed \(text.debugDescription)")
            invariant(text.last.map { $0 != " " && $0 != "\t" } ?? true, "untrimmed \(text.debugDescription)")
        }
        invariant(!parameter.name.contains(":"), "a colon in the name \(parameter.name.debugDescription)")
        invariant(!(parameter.name.isEmpty && parameter.value == nil), "an empty line kept")
        body += parameter.name + (parameter.value.map { ": " + $0 } ?? "") + "\r\n"
    }
    invariant(TextParameters(parsing: Array(body.utf8)) == parsed, "round trip of \(body.debugDescription)")
    return 0
}
