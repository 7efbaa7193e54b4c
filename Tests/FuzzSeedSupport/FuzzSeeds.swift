import Foundation
import Testing

/// The committed seed corpora of the fuzz targets, `Fuzz/Seeds/<target>/`, made from the
/// unit tests' case tables (each test module checks the targets of its own tables): one file per input, named by a hash of its bytes. A table change
/// without `make fuzz-seeds` (which sets CAMSIM_WRITE_FUZZ_SEEDS and rewrites the folders)
/// fails the check.
public enum FuzzSeeds {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Seeds", isDirectory: true)

    /// FNV-1a (64 bits) of the bytes, in hexadecimal.
    public static func fileName(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Expects the seed folder of `target` to hold exactly `inputs`, or rewrites it.
    public static func check(_ target: String, _ inputs: [[UInt8]]) throws {
        let folder = directory.appendingPathComponent(target, isDirectory: true)
        let expected = Set(inputs.map(fileName))
        if ProcessInfo.processInfo.environment["CAMSIM_WRITE_FUZZ_SEEDS"] != nil {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for input in inputs { try Data(input).write(to: folder.appendingPathComponent(fileName(input))) }
            return
        }
        var found: Set<String> = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(fileName(bytes) == name, "Fuzz/Seeds/\(target)/\(name) was edited by hand")
            found.insert(name)
        }
        #expect(found == expected, "Fuzz/Seeds/\(target) does not match the case tables: run `make fuzz-seeds`")
    }

    public static func check(_ target: String, texts: [String]) throws {
        try check(target, texts.map { Array($0.utf8) })
    }
}
