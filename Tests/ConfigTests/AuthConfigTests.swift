import Foundation
import Testing
@testable import Config

@Suite struct AuthConfigTests {
    @Test func usersCameraAuthAndServerAuthDecode() throws {
        setenv("CAMSIM_TEST_PASSWORD", "from-env", 1)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-password-\(getpid())")
        try "from-file\nsecond line\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try parse("""
            server:
              auth: {realm: Lobby Cameras, mode: digest+basic, nonce_lifetime: 30}
            users:
              - {name: admin, password: inline}
              - {name: ops, password_env: CAMSIM_TEST_PASSWORD, cameras: [lobby/*]}
              - {name: svc, password_file: \(file.path)}
            defaults:
              auth: basic
            cameras:
              - path: lobby/a
              - path: open
                auth: none
              - path: hik
                auth: {mode: digest-sha256, realm: HIK}
            """)
        #expect(config.server.auth == AuthSettings(realm: "Lobby Cameras", mode: .digestAndBasic, nonceLifetimeSeconds: 30))
        #expect(config.users.map(\.name) == ["admin", "ops", "svc"])
        #expect(config.users.map(\.password.revealed) == ["inline", "from-env", "from-file"])
        #expect(config.users[1].cameras == ["lobby/*"])
        #expect(config.cameras.map(\.auth) == [
            CameraAuth(mode: .basic), CameraAuth(mode: AuthModeSetting.none), CameraAuth(mode: .digestSHA256, realm: "HIK"),
        ])
    }

    @Test func withoutUsersNothingChanges() throws {
        let config = try parse("cameras:\n  - path: a\n")
        #expect(config.users.isEmpty)
        #expect(config.server.auth == AuthSettings())
        #expect(config.cameras[0].auth == nil)
    }

    static let badFiles: [(String, String, String)] = [
        ("users:\n  - {name: a}\n", "users[0]", "one of 'password', 'password_env' or 'password_file'"),
        ("users:\n  - {name: a, password: x, password_env: Y}\n", "users[0]", "give only one of"),
        ("users:\n  - {password: hunter2}\n", "users[0]", "needs a 'name'"),
        ("users:\n  - {name: 'a:b', password: hunter2}\n", "users[0].name", "without ':'"),
        ("users:\n  - {name: a, password_env: CAMSIM_NO_SUCH_VARIABLE}\n", "users[0].password_env", "not set"),
        ("users:\n  - {name: a, password_file: /no/such/file}\n", "users[0].password_file", "cannot read"),
        ("users:\n  - {name: a, password: hunter2}\n  - {name: a, password: hunter3}\n", "users[1]", "listed twice"),
        ("users:\n  - {name: a, pasword: hunter2}\n", "users[0].pasword", "unknown key"),
        ("cameras:\n  - path: a\n    auth: digset\n", "cameras[0].auth", "unknown auth mode"),
        ("cameras:\n  - path: a\n    auth: {mode: basic, realm: 'a\"b'}\n", "cameras[0].auth.realm", "realm"),
        ("server:\n  auth: {nonce_lifetime: 0}\n", "server.auth.nonce_lifetime", "nonce_lifetime"),
    ]

    @Test(arguments: badFiles)
    func problemsNameTheFieldAndNeverThePassword(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && $0.message.contains(message) }, "\(found)")
        for problem in found {
            #expect(!"\(problem)".contains("hunter"), "\(problem)")
        }
    }

    @Test func passwordsPrintHidden() throws {
        let user = UserConfig(name: "admin", password: Secret("hunter2"))
        for text in ["\(user)", "\(user.password)", String(reflecting: user), String(reflecting: user.password)] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
        var dumped = ""
        dump(CamsimConfig(users: [user]), to: &dumped)
        #expect(!dumped.contains("hunter2"), "\(dumped)")
    }

    @Test func commandLineUsersReplaceFileUsersByName() {
        var config = CamsimConfig(users: [UserConfig(name: "a", password: Secret("1")), UserConfig(name: "b", password: Secret("2"))])
        config.addUsers([UserConfig(name: "a", password: Secret("3"))])
        #expect(config.users.map(\.name) == ["b", "a"])
        #expect(config.users.last?.password.revealed == "3")
    }

    @Test func authChangesNeedNoRestart() throws {
        let old = try parse("cameras:\n  - path: a\n")
        let new = try parse("server:\n  auth: {realm: other}\nusers:\n  - {name: a, password: b}\ncameras:\n  - path: a\n")
        #expect(!ConfigDiff(old: old, new: new).serverChanged)
    }
}
