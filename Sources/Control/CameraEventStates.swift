import ONVIF

/// A camera's event properties at one moment, from what drives them: motion (its
/// `events.motion` schedule, or its scene's moving objects), a frozen picture (tampering,
/// which also stops motion: nothing moves in a frozen picture) and its digital inputs.
enum CameraEventStates {
    /// The digital inputs every camera has (`DigitalInput_1`, `DigitalInput_2`).
    static let digitalInputs = 1...2

    /// Every property's message at `time` (nanoseconds since 1970).
    static func messages(motion: Bool, frozen: Bool, inputs: [Int: Bool], at time: Int64) -> [EventMessage] {
        let moving = motion && !frozen
        var messages = [
            EventMessage(topic: .cellMotion, source: EventTopic.cellMotion.videoSourceValues(), state: moving, time: time),
            EventMessage(topic: .motionAlarm, source: EventTopic.motionAlarm.videoSourceValues(), state: moving, time: time),
            EventMessage(topic: .globalSceneChange, source: EventTopic.globalSceneChange.videoSourceValues(), state: frozen, time: time),
        ]
        for number in digitalInputs {
            messages.append(EventMessage(topic: .digitalInput, source: [inputToken(number)], state: inputs[number] ?? false, time: time))
        }
        return messages
    }

    /// The token of digital input `number`.
    static func inputToken(_ number: Int) -> String { "DigitalInput_\(number)" }
}
