extension ControlAPI {
    /// Every route group, each defined in `ControlAPI+<Group>.swift`. The one place that
    /// lists them: a new group is a new file and one line here.
    func addRouteGroups(to routes: ControlRoutes) {
        addHealthRoutes(to: routes)
        addSessionRoutes(to: routes)
        addMetricsRoutes(to: routes)
        addSnapshotRoutes(to: routes)
        addDashboardRoutes(to: routes)
    }
}
