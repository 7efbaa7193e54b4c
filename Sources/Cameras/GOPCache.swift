/// The access units of the last group of pictures, from its IDR on, bounded in bytes, so
/// a viewer joining a proxied stream starts at once from that IDR instead of waiting for
/// the upstream's next one (which a proxy cannot ask for).
///
/// A GOP that outgrows the bound is dropped whole and nothing is kept until the next
/// IDR: half a GOP cannot be decoded. Units before the first IDR are not kept either.
struct GOPCache<Unit> {
    /// Most bytes kept.
    let byteLimit: Int
    /// The cached GOP in arrival order; the first is an IDR unless empty.
    private(set) var units: [Unit] = []
    private(set) var bytes = 0
    /// The current GOP outgrew `byteLimit` and was dropped; cleared by the next IDR.
    private(set) var overflowed = false

    /// 8 MiB: a few seconds of a 4K camera's GOP, and a bound on what a slow viewer can pin.
    static var defaultByteLimit: Int { 8 << 20 }

    init(byteLimit: Int = GOPCache.defaultByteLimit) {
        self.byteLimit = byteLimit
    }

    /// Adds the newest access unit: an IDR starts a new GOP, another unit extends the
    /// current one if it fits.
    mutating func append(_ unit: Unit, isIDR: Bool, bytes size: Int) {
        if isIDR {
            units.removeAll(keepingCapacity: true)
            bytes = 0
            overflowed = false
        } else if units.isEmpty {
            return  // no IDR to start from
        }
        guard bytes + size <= byteLimit else {
            units.removeAll(keepingCapacity: true)
            bytes = 0
            overflowed = true
            return
        }
        units.append(unit)
        bytes += size
    }

    /// Forgets everything (the upstream went away: its next GOP starts afresh).
    mutating func clear() {
        units.removeAll()
        bytes = 0
        overflowed = false
    }
}
