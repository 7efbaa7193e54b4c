import CEpoll
import Glibc

/// A level-triggered epoll set whose events carry a caller's 64-bit token.
final class Epoll {
    private let fd: Int32
    private var events: [epoll_event]

    init(capacity: Int = 1024) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(fd >= 0, "epoll_create1: errno \(errno)")
        events = Array(repeating: epoll_event(), count: capacity)
    }

    deinit { close(fd) }

    static let readable = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
    static let writable = EPOLLOUT.rawValue
    static let hangUp = EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue

    func add(_ socket: Int32, events mask: UInt32, token: UInt64) {
        control(EPOLL_CTL_ADD, socket, mask, token)
    }

    func modify(_ socket: Int32, events mask: UInt32, token: UInt64) {
        control(EPOLL_CTL_MOD, socket, mask, token)
    }

    func remove(_ socket: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, socket, &event)
    }

    /// Waits up to `milliseconds` and hands each ready token and its event mask to `body`.
    func wait(milliseconds: Int32, _ body: (UInt64, UInt32) -> Void) {
        let count = events.withUnsafeMutableBufferPointer {
            epoll_wait(fd, $0.baseAddress, Int32($0.count), milliseconds)
        }
        guard count > 0 else { return }
        for index in 0..<Int(count) {
            body(events[index].data.u64, events[index].events)
        }
    }

    private func control(_ operation: Int32, _ socket: Int32, _ mask: UInt32, _ token: UInt64) {
        var event = epoll_event()
        event.events = mask
        event.data.u64 = token
        let result = epoll_ctl(fd, operation, socket, &event)
        precondition(result == 0, "epoll_ctl: errno \(errno)")
    }
}
