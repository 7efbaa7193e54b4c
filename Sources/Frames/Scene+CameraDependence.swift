extension Scene {
    /// Whether any layer's text (a text or QR layer's template) shows the camera's name
    /// (`{camera}`), so the picture differs from one camera to the next.
    public var drawsCameraName: Bool { templates.contains { $0.segments.contains(.camera) } }

    /// Whether the picture depends on the camera's seed: a noise layer, or text showing `{seed}`.
    public var drawsWithSeed: Bool {
        layers.contains { $0.type == .noise } || templates.contains { $0.segments.contains(.seed) }
    }

    private var layers: [LayerSpec] { [background] + overlays }

    private var templates: [TextTemplate] {
        layers.flatMap { layer in
            layer.values.values.compactMap { value in
                if case .template(let template) = value { template } else { nil }
            }
        }
    }
}
