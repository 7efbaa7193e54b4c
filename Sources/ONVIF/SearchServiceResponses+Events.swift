extension SearchServiceResponses {
    /// The dialect of a concrete topic path (ONVIF Core, "Topic expression dialects").
    static let concreteSetDialect = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"

    /// One `tt:FindEventResult`: the recording and track, the time, the event as a
    /// notification (`wsnt:NotificationMessageHolderType` with a `tt:Message`; ONVIF Core,
    /// "Notification message format") and whether it is the start state.
    static func event(_ event: RecordingEvent, into w: inout XMLWriter) {
        let time = XSDateTime.format(event.time, milliseconds: event.isDataPresent ? .up : .down)
        w.element("tt:Result") { w in
            w.element("tt:RecordingToken", value: event.recordingToken)
            w.element("tt:TrackToken", value: event.trackToken)
            w.element("tt:Time", value: time)
            w.element("tt:Event") { w in
                w.element("wsnt:Topic", [("Dialect", concreteSetDialect)], value: RecordingEvent.topic)
                w.element("wsnt:Message") { w in
                    w.element("tt:Message", [("UtcTime", time), ("PropertyOperation", event.isStartState ? "Initialized" : "Changed")]) { w in
                        w.element("tt:Source") { w in
                            w.empty("tt:SimpleItem", [("Name", "RecordingToken"), ("Value", event.recordingToken)])
                            w.empty("tt:SimpleItem", [("Name", "Track"), ("Value", event.trackToken)])
                        }
                        w.element("tt:Data") { w in
                            w.empty("tt:SimpleItem", [("Name", "IsDataPresent"), ("Value", event.isDataPresent ? "true" : "false")])
                        }
                    }
                }
            }
            w.element("tt:StartStateEvent", value: event.isStartState ? "true" : "false")
        }
    }
}
