import Spelling

extension FaultProfile {
    /// This profile with every schedule `apply:` name resolved into its profile, looked
    /// up in `catalog`, then in ``FaultPresets/named``. A layered profile's own schedule
    /// is dropped (layers do not nest). Loaders call this once, so ``effective(at:)``
    /// never looks a name up while media flows.
    ///
    /// - Throws: one problem per unknown name, naming it.
    public func resolvingLayers(in catalog: [String: FaultProfile]) throws(FaultProfileError) -> FaultProfile {
        guard var schedule, !schedule.timeline.isEmpty else { return self }
        var problems: [FaultProblem] = []
        for index in schedule.timeline.indices {
            guard case .apply(let name, _) = schedule.timeline[index].action else { continue }
            guard var layer = catalog[name] ?? FaultPresets.named[name] else {
                problems.append(FaultProblem(
                    key: "schedule.timeline[\(index)].apply",
                    message: "fault profile '\(name)' is not defined under 'faults:' or built in",
                    suggestion: Spelling.didYouMean(name, in: catalog.keys.sorted() + FaultPresets.names)))
                continue
            }
            layer.schedule = nil
            schedule.timeline[index].action = .apply(name, layer)
        }
        guard problems.isEmpty else { throw FaultProfileError(problems: problems) }
        var resolved = self
        resolved.schedule = schedule
        return resolved
    }
}

extension [String: FaultProfile] {
    /// Every profile of a catalog with its schedule's names resolved against the catalog
    /// itself (and the presets).
    public func resolvingLayers() throws(FaultProfileError) -> [String: FaultProfile] {
        var resolved: [String: FaultProfile] = [:]
        var problems: [FaultProblem] = []
        for (name, profile) in self {
            do {
                resolved[name] = try profile.resolvingLayers(in: self)
            } catch {
                problems += error.problems.map { problem in
                    var named = problem
                    named.key = "faults.\(name).\(problem.key)"
                    return named
                }
            }
        }
        guard problems.isEmpty else { throw FaultProfileError(problems: problems) }
        return resolved
    }
}
