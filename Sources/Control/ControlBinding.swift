import Synchronization

/// The one-time outcome of binding the control listener, awaited by any number of callers.
final class ControlBinding: Sendable {
    private enum State {
        case waiting([CheckedContinuation<ControlAddress, any Error>])
        case bound(ControlAddress)
        case failed(any Error)
    }

    private let state = Mutex(State.waiting([]))

    var isResolved: Bool {
        state.withLock { if case .waiting = $0 { return false } else { return true } }
    }

    /// Records the listener's address (missing parts stay unknown until `wait` fills them in).
    func resolve(host: String?, port: Int?) {
        let address = ControlAddress(host: host ?? "", port: port ?? 0)
        let waiters = state.withLock { state -> [CheckedContinuation<ControlAddress, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = .bound(address)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: address) }
    }

    /// Records a failure; later waiters get it too. A recorded address is kept.
    func fail(_ error: any Error) {
        let waiters = state.withLock { state -> [CheckedContinuation<ControlAddress, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = .failed(error)
            return waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    func wait(fallbackHost: String) async throws -> ControlAddress {
        var address = try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                switch state {
                case .waiting(let waiters): state = .waiting(waiters + [continuation])
                case .bound(let address): continuation.resume(returning: address)
                case .failed(let error): continuation.resume(throwing: error)
                }
            }
        }
        if address.host.isEmpty { address.host = fallbackHost }
        return address
    }
}
