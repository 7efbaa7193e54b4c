/// The layer types a scene may use and the fields each accepts.
///
/// Every layer accepts `type`, `x`, `y`, `width`, `height` (lengths, see `Length`) and
/// `opacity` (0...1; blended by solid, circle, box, ball and text layers, the others are
/// opaque). The region defaults to the whole frame; text is placed by its anchor `x`, `y`
/// instead. Other fields depend on the type (the table in the README's Scenes section lists them);
/// an unknown type or field is an error naming the valid ones.
public enum LayerType: String, Sendable, CaseIterable {
    // Backgrounds and patterns
    case smpteBars = "smpte-bars"
    case smpteHDBars = "smpte-hd-bars"
    case ebuBars = "ebu-bars"
    case solid
    case ramp
    case checkerboard
    case grid
    case zonePlate = "zone-plate"
    case circle
    // Motion
    case box
    case ball
    case scroll
    // Clocks and counters
    case analogClock = "analog-clock"
    case digitalClock = "digital-clock"
    case frameCounter = "frame-counter"
    case secondsCounter = "seconds-counter"
    case text
    // Machine-readable
    case qr
    // Noise and sync
    case noise
    case flash

    /// All type names, for error messages.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Whether this type is a line of text (and takes the text fields).
    var isText: Bool {
        switch self {
        case .text, .digitalClock, .frameCounter, .secondsCounter: true
        default: false
        }
    }

    /// Whether this type draws a template's text (and so needs a `template`).
    var takesTemplate: Bool { isText || self == .qr }

    /// Fields accepted by this type, beyond the common ones.
    var fields: [String: FieldKind] {
        let textFields: [String: FieldKind] = [
            "template": .template, "size": .length, "font": .string, "colour": .colour,
            "align": .choice(TextLayer.Alignment.allCases.map(\.rawValue)),
            "box": .colour, "box_opacity": .unit, "padding": .length,
        ]
        switch self {
        case .smpteBars, .smpteHDBars, .zonePlate: return [:]
        case .ebuBars: return ["amplitude": .choice(["75", "100"])]
        case .solid: return ["colour": .colour]
        case .ramp:
            return ["from": .colour, "to": .colour, "direction": .choice(["horizontal", "vertical"]),
                    "steps": .integer(0...256)]
        case .checkerboard: return ["cell": .length, "colour": .colour, "colour2": .colour]
        case .grid: return ["spacing": .length, "line_width": .integer(1...64), "colour": .colour, "background": .colour]
        case .circle: return ["colour": .colour, "line_width": .integer(0...512), "fill": .colour]
        case .box, .ball:
            return ["size": .length, "colour": .colour, "speed_x": .integer(-1000...1000), "speed_y": .integer(-1000...1000)]
        case .scroll:
            return ["bar_width": .length, "speed": .integer(-1000...1000), "colour": .colour, "colour2": .colour,
                    "direction": .choice(["horizontal", "vertical"])]
        case .analogClock: return ["colour": .colour, "face": .colour, "seconds": .colour]
        case .text, .digitalClock, .frameCounter, .secondsCounter: return textFields
        case .qr:
            return ["template": .template, "module_size": .length,
                    "error_correction": .choice(QRErrorCorrection.allCases.map(\.rawValue)),
                    "quiet_zone": .integer(0...16)]
        case .noise:
            return ["luma": .number(0...50), "chroma": .number(0...50), "gain": .number(0...4),
                    "preset": .choice(["low-light"])]
        case .flash: return ["colour": .colour, "frames": .integer(1...1000)]
        }
    }

    /// The template used when a text-like layer has none.
    var defaultTemplate: String? {
        switch self {
        case .digitalClock: "{time:%H:%M:%S.%f}"
        case .frameCounter: "{frame:06}"
        case .secondsCounter: "{media_time:0}"
        default: nil
        }
    }

    static let commonFields: [String: FieldKind] = [
        "type": .string, "x": .length, "y": .length, "width": .length, "height": .length, "opacity": .unit,
    ]
}

/// What kind of value a field holds.
enum FieldKind: Sendable {
    case length
    case number(ClosedRange<Double>)
    case integer(ClosedRange<Int>)
    case unit  // a number in 0...1
    case colour
    case string
    case template
    case choice([String])
}

/// A field's value after validation.
enum FieldValue: Sendable {
    case length(Length)
    case number(Double)
    case integer(Int)
    case colour(SceneColour)
    case string(String)
    case template(TextTemplate)
}

/// One layer of a scene, validated: its type and typed fields, with source lines.
public struct LayerSpec: Sendable {
    public let type: LayerType
    /// Line of the layer's mapping in the scene file.
    public let line: Int?
    /// Field path prefix used in errors, e.g. `layers[2]`.
    public let path: String
    var values: [String: FieldValue]
    var lines: [String: Int]

    func length(_ key: String) -> Length? {
        if case .length(let v) = values[key] { return v }
        return nil
    }
    func number(_ key: String) -> Double? {
        switch values[key] {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
    func integer(_ key: String) -> Int? {
        if case .integer(let v) = values[key] { return v }
        return nil
    }
    func colour(_ key: String) -> SceneColour? {
        if case .colour(let v) = values[key] { return v }
        return nil
    }
    func string(_ key: String) -> String? {
        if case .string(let v) = values[key] { return v }
        return nil
    }
    func template(_ key: String) -> TextTemplate? {
        if case .template(let v) = values[key] { return v }
        return nil
    }
}
