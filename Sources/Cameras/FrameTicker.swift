import H264
import NIOConcurrencyHelpers
import NIOCore

/// Something that ticks on an event loop's `FrameTicker`: a stream whose frames cost
/// nothing to make (a loop's), called on the loop once per frame interval.
protocol FrameTickMember: AnyObject, Sendable {
    func frameTickFired()
}

/// One event loop's frame timer for all its cheap streams: a single scheduled task per
/// loop fires once per frame interval for every member of that frame rate, instead of a
/// task per stream (`FrameTickSchedule` decides; this carries it out). Members join
/// and leave on the loop; it holds them until they leave.
final class FrameTicker: @unchecked Sendable {
    let eventLoop: any EventLoop
    private let clock: any MonotonicClock
    /// Loop-confined.
    private var schedule = FrameTickSchedule<Member>()
    private var task: Scheduled<Void>?
    /// Bumped with each arming, so a firing cancelled too late does nothing.
    private var generation = 0

    /// A member, equal by identity.
    struct Member: Hashable, Sendable {
        let object: any FrameTickMember
        static func == (lhs: Member, rhs: Member) -> Bool { lhs.object === rhs.object }
        func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(object)) }
    }

    init(eventLoop: any EventLoop, clock: any MonotonicClock) {
        self.eventLoop = eventLoop
        self.clock = clock
    }

    /// How many members tick now (on the loop).
    var memberCount: Int { schedule.memberCount }

    /// `member` ticks at `rate` from the next frame interval on. Call on the loop.
    func join(_ member: any FrameTickMember, rate: FrameRate) {
        eventLoop.assertInEventLoop()
        apply(schedule.join(Member(object: member), rate: rate, at: clock.nanoseconds()))
    }

    /// `member` ticks no more. Call on the loop.
    func leave(_ member: any FrameTickMember, rate: FrameRate) {
        eventLoop.assertInEventLoop()
        apply(schedule.leave(Member(object: member), rate: rate))
    }

    private func apply(_ timer: FrameTickSchedule<Member>.Timer) {
        switch timer {
        case .keep:
            break
        case .arm(let due):
            task?.cancel()
            generation &+= 1
            let armed = generation
            task = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
                guard armed == self.generation else { return }
                self.fired()
            }
        case .disarm:
            task?.cancel()
            task = nil
            generation &+= 1
        }
    }

    private func fired() {
        task = nil
        let (due, timer) = schedule.fire(at: clock.nanoseconds())
        // Rearmed first: a member that leaves while ticking changes the schedule, not `due`.
        apply(timer)
        for member in due { member.object.frameTickFired() }
    }
}

extension FrameTicker {
    private struct Entry {
        weak var ticker: FrameTicker?
    }

    private static let tickers = NIOLockedValueBox<[ObjectIdentifier: Entry]>([:])

    /// The ticker of `loop`, made on first use with `clock`. The registry holds tickers
    /// weakly: one lives while a stream ticks on it or holds it.
    static func on(_ loop: any EventLoop, clock: any MonotonicClock) -> FrameTicker {
        tickers.withLockedValue { tickers in
            let key = ObjectIdentifier(loop)
            if let ticker = tickers[key]?.ticker, ticker.eventLoop === loop { return ticker }
            tickers = tickers.filter { $0.value.ticker != nil }
            let ticker = FrameTicker(eventLoop: loop, clock: clock)
            tickers[key] = Entry(ticker: ticker)
            return ticker
        }
    }
}
