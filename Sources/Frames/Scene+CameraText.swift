extension Scene {
    /// Whether any layer's text shows the camera's name (`{camera}`): such a scene draws a
    /// different picture for each camera, unless the cameras are given one name to show.
    public var drawsCameraName: Bool {
        ([background] + overlays).contains { layer in
            layer.values.values.contains { value in
                if case .template(let template) = value { template.mentionsCameraName } else { false }
            }
        }
    }
}

extension TextTemplate {
    /// Whether the text shows the camera's name (`{camera}`).
    public var mentionsCameraName: Bool {
        segments.contains { if case .camera = $0 { true } else { false } }
    }
}
