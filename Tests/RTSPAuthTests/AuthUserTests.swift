import Testing
@testable import RTSPAuth

@Suite struct AuthUserTests {
    static let globs: [(String, String, Bool)] = [
        ("bars", "bars", true), ("bars", "bars2", false), ("lobby/*", "lobby/cam-01", true),
        ("lobby/*", "lobby/a/b", false), ("lobby/**", "lobby/a/b", true), ("cam-0?", "cam-07", true),
        ("cam-0?", "cam-10", false), ("*", "a/b", false), ("**", "a/b", true), ("/bars", "bars", true),
        ("*-door", "site-a-door", true), ("BARS", "bars", false),
    ]

    @Test(arguments: globs)
    func globsMatchCameraPaths(pattern: String, path: String, matches: Bool) {
        #expect(AuthUser.glob(pattern, matches: path) == matches)
    }

    @Test func noPatternsMeansEveryCamera() {
        #expect(AuthUser(name: "a", password: "p").mayView("anything/at/all"))
        #expect(!AuthUser(name: "a", password: "p", cameras: ["x"]).mayView("y"))
    }

    @Test func descriptionLeavesThePasswordOut() {
        #expect(!"\(AuthUser(name: "admin", password: "hunter2"))".contains("hunter2"))
    }
}
