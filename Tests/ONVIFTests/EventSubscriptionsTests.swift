@testable import ONVIF
import Testing

@Suite struct EventSubscriptionsTests {
    static let t0: Int64 = 1_795_687_200 * 1_000_000_000
    static let second: Int64 = 1_000_000_000

    static func motion(_ on: Bool, at time: Int64) -> EventMessage {
        EventMessage(topic: .cellMotion, source: EventTopic.cellMotion.videoSourceValues(), state: on, time: time)
    }

    static func input(_ on: Bool, at time: Int64) -> EventMessage {
        EventMessage(topic: .digitalInput, source: ["DigitalInput_1"], state: on, time: time)
    }

    @Test func aNewSubscriptionStartsFromTheCurrentStateThenGetsChanges() throws {
        var events = EventSubscriptions()
        events.observe(camera: "lobby", Self.motion(false, at: Self.t0))
        let subscription = try events.create(camera: "lobby", filter: .all, termination: nil, faults: .init(), at: Self.t0 + Self.second)
        #expect(subscription.termination == Self.t0 + Self.second + EventsLimits.defaultTermination)
        let unchanged = events.observe(camera: "lobby", Self.motion(false, at: Self.t0 + 2 * Self.second))
        #expect(!unchanged, "no change, no message")
        let changed = events.observe(camera: "lobby", Self.motion(true, at: Self.t0 + 3 * Self.second))
        #expect(changed)
        events.observe(camera: "other", Self.motion(true, at: Self.t0 + 3 * Self.second))
        let pull = try events.pull(subscription.id, camera: "lobby", limit: 10, at: Self.t0 + 4 * Self.second)
        #expect(pull.messages.map(\.operation) == [.initialized, .changed])
        #expect(pull.messages.map(\.state) == [false, true])
        #expect(pull.messages[0].time == Self.t0 + Self.second)
        #expect(try events.pull(subscription.id, camera: "lobby", limit: 10, at: Self.t0 + 5 * Self.second).messages.isEmpty)
    }

    @Test func messageLimitLeavesTheRestQueued() throws {
        var events = EventSubscriptions()
        let id = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0).id
        for index in 0..<5 { events.observe(camera: "c", Self.motion(index % 2 == 0, at: Self.t0 + Int64(index))) }
        #expect(try events.pull(id, camera: "c", limit: 2, at: Self.t0 + 10).messages.count == 2)
        #expect(try events.pull(id, camera: "c", limit: 10, at: Self.t0 + 10).messages.count == 3)
    }

    @Test func aFullQueueDropsTheOldest() throws {
        var events = EventSubscriptions()
        let id = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0).id
        let count = EventsLimits.maxQueuedMessages + 10
        for index in 0..<count { events.observe(camera: "c", Self.motion(index % 2 == 0, at: Self.t0 + Int64(index))) }
        #expect(events.subscriptions[id]?.dropped == 10)
        let pull = try events.pull(id, camera: "c", limit: EventsLimits.maxMessageLimit, at: Self.t0 + Self.second)
        #expect(pull.messages.count == EventsLimits.maxQueuedMessages)
        #expect(pull.messages.last?.time == Self.t0 + Int64(count - 1))
        #expect(pull.messages.first?.time == Self.t0 + 10)
    }

    @Test func filtersLetOnlyTheirTopicsThrough() throws {
        var events = EventSubscriptions()
        let filter = try TopicFilter(expression: "tns1:Device/Trigger/DigitalInput", dialect: TopicFilter.Dialect.concrete.rawValue)
        let id = try events.create(camera: "c", filter: filter, termination: nil, faults: .init(), at: Self.t0).id
        events.observe(camera: "c", Self.motion(true, at: Self.t0 + 1))
        events.observe(camera: "c", Self.input(true, at: Self.t0 + 2))
        let pull = try events.pull(id, camera: "c", limit: 10, at: Self.t0 + 3)
        #expect(pull.messages.map(\.topic) == [.digitalInput])
    }

    @Test func expiredAndUnsubscribedPullPointsAreRefused() throws {
        var events = EventSubscriptions()
        let short = try events.create(camera: "c", filter: .all, termination: Self.t0 + 2 * Self.second, faults: .init(), at: Self.t0)
        _ = try events.pull(short.id, camera: "c", limit: 1, at: Self.t0 + Self.second)
        #expect(throws: EventSubscriptions.unknown(short.id)) { try events.pull(short.id, camera: "c", limit: 1, at: Self.t0 + 2 * Self.second) }
        let other = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0)
        #expect(throws: EventSubscriptions.unknown(other.id)) { try events.pull(other.id, camera: "elsewhere", limit: 1, at: Self.t0) }
        try events.unsubscribe(other.id, camera: "c", at: Self.t0 + 1)
        #expect(throws: EventSubscriptions.unknown(other.id)) { try events.pull(other.id, camera: "c", limit: 1, at: Self.t0 + 2) }
        #expect(throws: EventSubscriptions.unknown(other.id)) { try events.unsubscribe(other.id, camera: "c", at: Self.t0 + 2) }
    }

    @Test func renewMovesTheEndAndAPastTimeIsRefused() throws {
        var events = EventSubscriptions()
        let id = try events.create(camera: "c", filter: .all, termination: Self.t0 + 10 * Self.second, faults: .init(), at: Self.t0).id
        let renewed = try events.renew(id, camera: "c", termination: Self.t0 + 30 * Self.second, at: Self.t0 + 5 * Self.second)
        #expect(renewed == Self.t0 + 30 * Self.second)
        _ = try events.pull(id, camera: "c", limit: 1, at: Self.t0 + 20 * Self.second)
        #expect(throws: SOAPFault.self) { try events.renew(id, camera: "c", termination: Self.t0, at: Self.t0 + 21 * Self.second) }
        let capped = try events.renew(id, camera: "c", termination: Self.t0 + 100 * 3600 * Self.second, at: Self.t0 + 21 * Self.second)
        #expect(capped == Self.t0 + 21 * Self.second + EventsLimits.maxTermination)
    }

    @Test func subscriptionsAreBoundedPerCamera() throws {
        var events = EventSubscriptions()
        for _ in 0..<EventsLimits.maxSubscriptionsPerCamera {
            _ = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0)
        }
        #expect(throws: SOAPFault.self) { try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0) }
        _ = try events.create(camera: "d", filter: .all, termination: nil, faults: .init(), at: Self.t0)
        // Once they end, there is room again.
        _ = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0 + EventsLimits.defaultTermination)
    }

    @Test func synchronizationPointResendsTheStateAsInitialized() throws {
        var events = EventSubscriptions()
        events.observe(camera: "c", Self.motion(true, at: Self.t0))
        events.observe(camera: "c", Self.input(false, at: Self.t0))
        let id = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(), at: Self.t0).id
        _ = try events.pull(id, camera: "c", limit: 10, at: Self.t0)
        try events.synchronize(id, camera: "c", at: Self.t0 + Self.second)
        let pull = try events.pull(id, camera: "c", limit: 10, at: Self.t0 + Self.second)
        #expect(pull.messages.map(\.operation) == [.initialized, .initialized])
        #expect(pull.messages.map(\.topic) == [.cellMotion, .digitalInput])
        #expect(pull.messages.map(\.state) == [true, false])
    }

    @Test func eventsStopAfterDeliversNothingLater() throws {
        var events = EventSubscriptions()
        let id = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(stopAfter: 5 * Self.second), at: Self.t0).id
        events.observe(camera: "c", Self.motion(true, at: Self.t0 + 4 * Self.second))
        events.observe(camera: "c", Self.motion(false, at: Self.t0 + 6 * Self.second))
        let pull = try events.pull(id, camera: "c", limit: 10, at: Self.t0 + 7 * Self.second)
        #expect(pull.messages.map(\.state) == [true])
    }

    @Test func eventsLateAreHeldUntilTheirTime() throws {
        var events = EventSubscriptions()
        let id = try events.create(camera: "c", filter: .all, termination: nil, faults: .init(late: 3 * Self.second), at: Self.t0).id
        events.observe(camera: "c", Self.motion(true, at: Self.t0 + Self.second))
        let early = try events.pull(id, camera: "c", limit: 10, at: Self.t0 + 3 * Self.second)
        #expect(early.messages.isEmpty)
        #expect(early.nextDelivery == Self.t0 + 4 * Self.second)
        #expect(try events.pull(id, camera: "c", limit: 10, at: Self.t0 + 4 * Self.second).messages.map(\.state) == [true])
    }

    @Test func subscriptionExpiresAfterEndsItEarlyWhateverItWasTold() throws {
        var events = EventSubscriptions()
        let subscription = try events.create(
            camera: "c", filter: .all, termination: Self.t0 + 60 * Self.second, faults: .init(expiresAfter: 2 * Self.second), at: Self.t0)
        #expect(subscription.termination == Self.t0 + 60 * Self.second, "the client is told the time it asked for")
        _ = try events.pull(subscription.id, camera: "c", limit: 1, at: Self.t0 + Self.second)
        #expect(throws: SOAPFault.self) { try events.pull(subscription.id, camera: "c", limit: 1, at: Self.t0 + 2 * Self.second) }
    }
}
