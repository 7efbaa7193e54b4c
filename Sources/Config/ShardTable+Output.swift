import Foundation

extension ShardTable {
    /// The JSON `camsim shards --json` prints (keys sorted, one object):
    /// `{"shards": N, "url_pattern": "rtsp://…{shard}…/{path}", "pods": [{"shard", "host",
    /// "cameras"}], "cameras": [{"path", "shard", "url", "rtsps_url"?}]}`.
    public var json: String {
        struct Document: Encodable {
            let shards: Int
            let urlPattern: String
            let pods: [Pod]
            let cameras: [Camera]
            enum CodingKeys: String, CodingKey { case shards, urlPattern = "url_pattern", pods, cameras }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, integers and optionals only: encoding cannot fail.
        let data = (try? encoder.encode(Document(shards: count, urlPattern: urlPattern, pods: pods, cameras: cameras)))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The table `camsim shards` prints: each pod with its camera count, then each camera's
    /// shard and URL, in configuration order.
    public var text: String {
        var lines = ["\(cameras.count) \(cameras.count == 1 ? "camera" : "cameras") on \(count) "
            + "\(count == 1 ? "shard" : "shards"): \(urlPattern)", ""]
        lines += Self.columns([["shard", "cameras", "host"]] + pods.map { [String($0.shard), String($0.cameras), $0.host] })
        lines.append("")
        lines += Self.columns([["shard", "path", "url"]] + cameras.map { camera in
            [String(camera.shard), camera.path, camera.url] + (camera.secureURL.map { [$0] } ?? [])
        })
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows padded to aligned columns (the last column unpadded).
    static func columns(_ rows: [[String]]) -> [String] {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
