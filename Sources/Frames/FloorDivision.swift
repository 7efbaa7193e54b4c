/// `a` divided by `b` (b > 0) rounded towards minus infinity, and the remainder, which
/// is then never negative: the division that times and phases before zero need.
@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
    var q = a / b, r = a % b
    if r < 0 { q -= 1; r += b }
    return (q, r)
}
