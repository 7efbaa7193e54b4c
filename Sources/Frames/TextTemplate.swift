import PTZ

/// A text overlay's template, compiled once when the scene is loaded.
///
/// Text outside braces is copied; `{{` and `}}` stand for literal braces. Placeholders:
///
/// | placeholder        | value                                                            |
/// |--------------------|------------------------------------------------------------------|
/// | `{camera}`         | the camera's name                                                |
/// | `{frame}`          | frame index (0 for the first frame)                              |
/// | `{frame:06}`       | frame index zero-padded to 6 digits (`{frame:6}` pads with spaces)|
/// | `{time:FORMAT}`    | wall-clock time in UTC, FORMAT as in `TimeFormat` (`%f` = ms)    |
/// | `{time}`           | same as `{time:%Y-%m-%d %H:%M:%S.%f}`                            |
/// | `{media_time}`     | media time in seconds with 3 decimals, truncated: `12.345`       |
/// | `{media_time:N}`   | media time truncated to N decimals (0...9); `:0` is whole seconds|
/// | `{timecode}`       | non-drop-frame timecode of the frame index, HH:MM:SS:FF, counting |
/// |                    | round(fps) frames per second: frame 1234 at 30 fps = 00:00:41:04  |
/// | `{fps}`            | frame rate: `30`, or `29.97` when not whole                      |
/// | `{width}`, `{height}` | picture size in pixels                                        |
/// | `{seed}`           | the camera's seed, decimal                                       |
/// | `{pan}`, `{tilt}`, `{zoom}` | the virtual PTZ head's position, 3 decimals (`-0.250`); `-` without one |
///
/// Anything else in braces is an error when the scene is loaded.
public struct TextTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case camera
        case frame(width: Int, zeroPad: Bool)
        case time(TimeFormat)
        case mediaTime(decimals: Int)
        case timecode, fps, width, height, seed
        case pan, tilt, zoom
    }

    /// The names accepted inside braces.
    public static let placeholderNames = ["camera", "frame", "time", "media_time", "timecode", "fps", "width", "height", "seed", "pan", "tilt", "zoom"]

    public let source: String
    let segments: [Segment]

    public init(_ source: String) throws(TemplateError) {
        self.source = source
        var segments: [Segment] = []
        var literal = ""
        var chars = Array(source)
        chars.append("\0")  // sentinel for look-ahead
        var i = 0
        while i < chars.count - 1 {
            let c = chars[i]
            if c == "{" && chars[i + 1] == "{" { literal.append("{"); i += 2; continue }
            if c == "}" && chars[i + 1] == "}" { literal.append("}"); i += 2; continue }
            if c == "}" { throw TemplateError(message: "unmatched } in template \"\(source)\" (write }} for a literal brace)") }
            guard c == "{" else { literal.append(c); i += 1; continue }
            guard let close = chars[(i + 1)...].firstIndex(of: "}"), close < chars.count - 1 else {
                throw TemplateError(message: "unclosed { in template \"\(source)\"")
            }
            let body = String(chars[(i + 1)..<close])
            if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
            segments.append(try Self.placeholder(body))
            i = close + 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    private static func placeholder(_ body: String) throws(TemplateError) -> Segment {
        let name: String, argument: String?
        if let colon = body.firstIndex(of: ":") {
            name = String(body[..<colon])
            argument = String(body[body.index(after: colon)...])
        } else {
            name = body
            argument = nil
        }
        func noArgument(_ s: Segment) throws(TemplateError) -> Segment {
            guard argument == nil else { throw TemplateError(message: "{\(name)} takes no format, got {\(body)}") }
            return s
        }
        switch name {
        case "camera": return try noArgument(.camera)
        case "fps": return try noArgument(.fps)
        case "timecode": return try noArgument(.timecode)
        case "width": return try noArgument(.width)
        case "height": return try noArgument(.height)
        case "seed": return try noArgument(.seed)
        case "pan": return try noArgument(.pan)
        case "tilt": return try noArgument(.tilt)
        case "zoom": return try noArgument(.zoom)
        case "frame":
            guard let argument else { return .frame(width: 0, zeroPad: false) }
            guard let w = Int(argument), w >= 0, w <= 20, argument.allSatisfy(\.isASCII) else {
                throw TemplateError(message: "{frame:\(argument)}: the format must be a width such as 06 (zero-padded) or 6")
            }
            return .frame(width: w, zeroPad: argument.hasPrefix("0"))
        case "media_time":
            guard let argument else { return .mediaTime(decimals: 3) }
            guard let d = Int(argument), (0...9).contains(d) else {
                throw TemplateError(message: "{media_time:\(argument)}: the format must be a number of decimals 0...9")
            }
            return .mediaTime(decimals: d)
        case "time":
            return .time(try TimeFormat(argument ?? "%Y-%m-%d %H:%M:%S.%f"))
        default:
            throw TemplateError(
                message: "unknown placeholder {\(body)}; valid placeholders: "
                    + placeholderNames.map { "{\($0)}" }.joined(separator: ", "))
        }
    }

    /// True when the text can change from frame to frame (frame, time, media time or the PTZ position).
    public var isDynamic: Bool {
        segments.contains {
            switch $0 {
            case .frame, .time, .mediaTime, .timecode, .pan, .tilt, .zoom: true
            default: false
            }
        }
    }

    /// The text for one frame.
    public func render(context: FrameContext, width: Int, height: Int) -> String {
        var out = ""
        out.reserveCapacity(64)
        var civil: CivilTime?
        for segment in segments {
            switch segment {
            case .literal(let s): out += s
            case .camera: out += context.cameraName
            case .frame(let w, let zero):
                let digits = String(context.frameIndex)
                if digits.count < w { out += String(repeating: zero ? "0" : " ", count: w - digits.count) }
                out += digits
            case .time(let format):
                if civil == nil { civil = CivilTime(unixNanos: context.wallClockNanos) }
                format.format(civil!, into: &out)
            case .mediaTime(let decimals):
                out += Self.truncated(context.mediaTime, decimals: decimals)
            case .timecode:
                let base = max(1, Int64(context.frameRate.rounded()))
                let n = max(0, context.frameIndex)
                let seconds = n / base
                appendPadded(Int(seconds / 3600 % 100), 2, &out)
                out += ":"
                appendPadded(Int(seconds / 60 % 60), 2, &out)
                out += ":"
                appendPadded(Int(seconds % 60), 2, &out)
                out += ":"
                appendPadded(Int(n % base), 2, &out)
            case .fps:
                let r = context.frameRate
                out += r == r.rounded() ? String(Int(r)) : Self.truncated(r + 0.005, decimals: 2)
            case .width: out += String(width)
            case .height: out += String(height)
            case .seed: out += String(context.seed)
            case .pan: out += context.ptz.map { PTZVector.format($0.pan) } ?? "-"
            case .tilt: out += context.ptz.map { PTZVector.format($0.tilt) } ?? "-"
            case .zoom: out += context.ptz.map { PTZVector.format($0.zoom) } ?? "-"
            }
        }
        return out
    }

    /// `value` truncated (towards −∞) to `decimals` places, with a small tolerance so that
    /// 0.1 × 3 prints as 0.300 and not 0.299.
    static func truncated(_ value: Double, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale) + 1e-6).rounded(.down)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return "0" }
        let n = Int64(scaled)
        let (whole, frac) = floorDivide(n, scale)
        var out = String(whole)
        if decimals > 0 {
            out += "."
            appendPadded(Int(frac), decimals, &out)
        }
        return out
    }
}

/// A template that could not be compiled.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
