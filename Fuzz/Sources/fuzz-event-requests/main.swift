import FuzzSupport
import ONVIF

/// The event service's arguments: xs:durations, termination times and topic expressions in
/// every dialect never trap and stay inside their limits; a topic filter that is accepted
/// lets at least one topic through; a SOAP body read as each stateful request never traps
/// and its pull arguments stay bounded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventRequests(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    if let duration = XSDuration.parse(text) {
        invariant(duration >= 0 && duration <= XSDuration.maxNanoseconds, "duration \(duration) out of range")
    }
    _ = TerminationTimeValue.resolve(text, now: 1_795_687_200_000_000_000)
    for dialect in [nil] + TopicFilter.Dialect.allCases.map(\.rawValue) {
        if let filter = try? TopicFilter(expression: text, dialect: dialect) {
            invariant(EventTopic.allCases.contains(where: filter.matches), "an accepted filter matches no topic")
        }
    }
    if let envelope = try? SOAPEnvelope.parse(bytes) {
        let body = envelope.operation
        _ = try? EventsRequests.createPullPoint(body, now: 0)
        _ = try? EventsRequests.renew(body, now: 0)
        if let pull = try? EventsRequests.pull(body) {
            invariant(pull.timeout <= EventsLimits.maxPullTimeout && pull.limit <= EventsLimits.maxMessageLimit, "unbounded pull")
        }
    }
    return 0
}
