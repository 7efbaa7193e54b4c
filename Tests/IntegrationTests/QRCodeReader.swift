import Foundation
import Testing

/// Reads QR codes out of decoded pictures with zbar's `zbarimg` (Debian: zbar-tools),
/// a reader camsim shares no code with.
enum QRCodeReader {
    static func zbarimg() throws -> String {
        try #require(ClientProcess.resolve("zbarimg"), "zbarimg must be installed (Debian: zbar-tools)")
    }

    /// The text of the QR code in each picture (nil where zbar found none), in order.
    /// The luma planes are written as PGM files and read by one zbarimg run, QR codes only.
    static func read(_ frames: [PictureFrame]) async throws -> [String?] {
        let zbarimg = try zbarimg()
        let directory = PictureDecoder.scratchFile("qr")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, frame) in frames.enumerated() {
            let url = directory.appendingPathComponent(String(format: "%05d.pgm", index))
            var data = Data("P5\n\(frame.width) \(frame.height)\n255\n".utf8)
            data.append(contentsOf: frame.bytes[0..<(frame.width * frame.height)])
            try data.write(to: url)
            paths.append(url.path)
        }
        let result = await ClientProcess.run(
            zbarimg, ["--nodbus", "--xml", "-q", "-Sdisable", "-Sqrcode.enable"] + paths, timeoutSeconds: 120)
        // 0: something was read; 4: nothing was (and the XML says so per file).
        try #require(!result.timedOut && (result.exitCode == 0 || result.exitCode == 4), "zbarimg failed\n\(result)")
        return try paths.map { path in try Self.text(for: path, in: result.stdout) }
    }

    /// The first symbol's data in the XML block of one source file.
    static func text(for path: String, in xml: String) throws -> String? {
        guard let source = xml.range(of: "<source href='\(path)'>") else { return nil }
        let rest = xml[source.upperBound...]
        let block = rest[..<(rest.range(of: "</source>")?.lowerBound ?? rest.endIndex)]
        guard let open = block.range(of: "<data><![CDATA["),
              let close = block[open.upperBound...].range(of: "]]></data>")
        else { return nil }
        return String(block[open.upperBound..<close.lowerBound])
    }
}
