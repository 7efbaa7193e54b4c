extension PTZState {
    /// `SetPreset`: stores the position now under `token` (which must exist) or, with no
    /// token, as a new preset whose token is returned. `name` defaults to the token for a
    /// new preset and keeps the old one for an overwrite; names are unique.
    public mutating func setPreset(token: String?, name: String?, now: Int64) throws(PTZError) -> String {
        if isPanTiltMoving(at: now) || isZoomMoving(at: now) { throw .moving }
        if let name, !Self.isValidName(name) { throw .invalidPresetName }
        let position = position(at: now)
        if let token {
            guard let index = presets.firstIndex(where: { $0.token == token }) else { throw .noToken(token) }
            if let name, presets.contains(where: { $0.name == name && $0.token != token }) { throw .presetExists(name) }
            presets[index].position = position
            if let name { presets[index].name = name }
            return token
        }
        guard presets.count < PTZSettings.maxPresets else { throw .tooManyPresets }
        if let name, presets.contains(where: { $0.name == name }) { throw .presetExists(name) }
        var made: String
        repeat {
            made = "Preset_\(nextPresetNumber)"
            nextPresetNumber += 1
        } while presets.contains { $0.token == made || $0.name == made && name == nil }
        presets.append(PTZPreset(token: made, name: name ?? made, position: position))
        return made
    }

    /// `GotoPreset`.
    public mutating func gotoPreset(token: String, speed: PTZSpeedRequest = PTZSpeedRequest(), now: Int64) throws(PTZError) {
        guard let preset = presets.first(where: { $0.token == token }) else { throw .noToken(token) }
        let goal = preset.position
        try absoluteMove(panTilt: (goal.pan, goal.tilt), zoom: goal.zoom, speed: speed, now: now)
    }

    /// `RemovePreset`.
    public mutating func removePreset(token: String) throws(PTZError) {
        guard let index = presets.firstIndex(where: { $0.token == token }) else { throw .noToken(token) }
        presets.remove(at: index)
    }

    /// 1–64 characters, none of them control characters.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= PTZSettings.maxPresetNameLength
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
