extension ControlAPI {
    /// Every route group, each defined in `ControlAPI+<Group>.swift`. The one place that
    /// lists them: a new group is a new file and one line here.
    func addRouteGroups(to routes: ControlRoutes) {
        addHealthRoutes(to: routes)
        addVersionRoutes(to: routes)
        addOpenAPIRoutes(to: routes)
        addCameraRoutes(to: routes)
        addFaultRoutes(to: routes)
        addActionRoutes(to: routes)
        addEventRoutes(to: routes)
        addConfigRoutes(to: routes)
        addSessionRoutes(to: routes)
        addMetricsRoutes(to: routes)
        addSnapshotRoutes(to: routes)
        addDashboardRoutes(to: routes)
        addONVIFRoutes(to: routes)
        addDigitalInputRoutes(to: routes)
    }
}
