@testable import Control
import Testing

@Suite struct CameraEventStatesTests {
    /// Each topic's states, by the topic's path.
    static func states(motion: Bool, frozen: Bool, inputs: [Int: Bool] = [:]) -> [String: [Bool]] {
        Dictionary(grouping: CameraEventStates.messages(motion: motion, frozen: frozen, inputs: inputs, at: 0), by: \.topic.rawValue)
            .mapValues { $0.map(\.state) }
    }

    @Test func motionRaisesBothMotionTopics() {
        let states = Self.states(motion: true, frozen: false)
        #expect(states["RuleEngine/CellMotionDetector/Motion"] == [true])
        #expect(states["VideoSource/MotionAlarm"] == [true])
        #expect(states["VideoSource/GlobalSceneChange/ImagingService"] == [false])
    }

    @Test func aFrozenPictureIsTamperingAndStopsMotion() {
        let states = Self.states(motion: true, frozen: true)
        #expect(states["RuleEngine/CellMotionDetector/Motion"] == [false])
        #expect(states["VideoSource/MotionAlarm"] == [false])
        #expect(states["VideoSource/GlobalSceneChange/ImagingService"] == [true])
    }

    @Test func everyDigitalInputIsAPropertyOfItsOwn() {
        let messages = CameraEventStates.messages(motion: false, frozen: false, inputs: [2: true], at: 0)
            .filter { $0.topic.rawValue == "Device/Trigger/DigitalInput" }
        #expect(messages.map(\.source) == [["DigitalInput_1"], ["DigitalInput_2"]])
        #expect(messages.map(\.state) == [false, true])
    }
}
