/// Bounds on the event service's state, so clients that subscribe and never pull, or
/// never unsubscribe, cost a fixed amount of memory.
public enum EventsLimits {
    /// Pull points one camera keeps at once; one more is refused (`CreatePullPointSubscription`'s
    /// fault), until one ends. onvif-zeep opens one each time it connects.
    public static let maxSubscriptionsPerCamera = 16
    /// Pull points the whole process keeps at once.
    public static let maxSubscriptions = 2048
    /// Messages one pull point holds; when full, the oldest is dropped for the newest.
    public static let maxQueuedMessages = 64
    /// A subscription's life when the request names none.
    public static let defaultTermination: Int64 = 60 * 1_000_000_000
    /// The longest life a subscription is given at once (a longer request is shortened).
    public static let maxTermination: Int64 = 3600 * 1_000_000_000
    /// The longest a `PullMessages` waits (a longer `Timeout` is shortened).
    public static let maxPullTimeout: Int64 = 60 * 1_000_000_000
    /// The most messages one `PullMessages` answers.
    public static let maxMessageLimit = 1024
}
