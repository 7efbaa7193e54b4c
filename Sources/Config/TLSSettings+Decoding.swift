import Foundation

extension TLSSettings {
    static let keys = ["port", "cert", "key"]

    /// Decodes the `server.tls` mapping. The files must be readable now; whether they
    /// hold a certificate and its key is checked when the server loads them.
    init(field: YAMLField) {
        self.init()
        // `tls: {}` (or an empty `tls:` mapping) turns RTSPS on with every default.
        guard let map = field.mapping(allowedKeys: TLSSettings.keys) else { return }
        if let field = map["port"], let value = field.int() {
            if let message = Limits.port(value) { field.fail(message) } else { port = value }
        }
        certificatePath = map["cert"].flatMap { TLSSettings.readableFile($0, holding: "certificate") }
        keyPath = map["key"].flatMap { TLSSettings.readableFile($0, holding: "private key") }
        switch (map.has("cert"), map.has("key")) {
        case (true, false): map.fail("cert is set without key: give both, or neither for a self-signed certificate")
        case (false, true): map.fail("key is set without cert: give both, or neither for a self-signed certificate")
        default: break
        }
    }

    /// The path in `field` when it names a readable file, else nil with the problem reported.
    private static func readableFile(_ field: YAMLField, holding what: String) -> String? {
        guard let path = field.string(expected: "the path of a PEM \(what) file") else { return nil }
        guard !path.isEmpty else {
            field.fail("\(what) path must not be empty")
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            field.fail("\(what) file '\(path)' does not exist")
            return nil
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            field.fail("\(what) file '\(path)' is not a readable file")
            return nil
        }
        return path
    }
}
