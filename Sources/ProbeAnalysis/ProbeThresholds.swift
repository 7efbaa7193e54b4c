/// Limits a probed session must meet (`--max-loss`, `--min-fps`, `--max-ttff`); each
/// unmet one is a failure reason in words. A figure that was never measured fails its
/// limit: no frames means no frame rate to meet `--min-fps`.
public struct ProbeThresholds: Hashable, Sendable {
    /// Largest acceptable `loss_pct`.
    public var maxLossPct: Double?
    /// Smallest acceptable measured `fps`.
    public var minFPS: Double?
    /// Largest acceptable `ttff_ms`.
    public var maxTTFFMs: Double?

    public init(maxLossPct: Double? = nil, minFPS: Double? = nil, maxTTFFMs: Double? = nil) {
        self.maxLossPct = maxLossPct
        self.minFPS = minFPS
        self.maxTTFFMs = maxTTFFMs
    }

    public var isEmpty: Bool { maxLossPct == nil && minFPS == nil && maxTTFFMs == nil }

    /// The reasons `report` fails these limits; empty when it meets them all.
    public func failures(of report: ProbeReport) -> [String] {
        var reasons: [String] = []
        if let maxLossPct, report.lossPct > maxLossPct {
            reasons.append("loss \(ProbeFormat.number(report.lossPct)) % is above --max-loss \(ProbeFormat.number(maxLossPct))")
        }
        if let minFPS {
            if let fps = report.fps {
                if fps < minFPS { reasons.append("\(ProbeFormat.number(fps)) fps is below --min-fps \(ProbeFormat.number(minFPS))") }
            } else {
                reasons.append("no frame rate measured (--min-fps \(ProbeFormat.number(minFPS)))")
            }
        }
        if let maxTTFFMs {
            if let ttff = report.ttffMs {
                if ttff > maxTTFFMs {
                    reasons.append("first IDR after \(ProbeFormat.number(ttff)) ms, above --max-ttff \(ProbeFormat.number(maxTTFFMs))")
                }
            } else {
                reasons.append("no complete IDR frame arrived (--max-ttff \(ProbeFormat.number(maxTTFFMs)))")
            }
        }
        return reasons
    }

    /// Applies `failures(of:)` to the report.
    public func evaluate(_ report: inout ProbeReport) {
        report.failures = failures(of: report)
    }
}

