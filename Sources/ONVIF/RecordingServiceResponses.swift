/// The recording control service's answers (ONVIF Recording Control Service Specification;
/// recording.wsdl, types from onvif.xsd in the schema's sequence order).
enum RecordingServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: RecordingOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("trc:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// The answer to `operation` given the camera's recordings.
    static func respond(
        _ operation: RecordingOperation, request: XMLNode, device: ONVIFDevice, recordings: [ONVIFRecording], into w: inout XMLWriter
    ) throws(SOAPFault) {
        switch operation {
        case .getRecordings: self.recordings(recordings, into: &w)
        default: try respond(operation, request: request, device: device, into: &w)
        }
    }

    /// `trc:Capabilities`: recordings are made by the configuration, not by clients.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("trc:Capabilities", [
            ("DynamicRecordings", "false"), ("DynamicTracks", "false"), ("MaxRecordingJobs", "0"), ("Options", "false"),
        ])
    }

    /// `GetRecordings`: each recording with its configuration and tracks (`tt:GetRecordingsResponseItem`).
    static func recordings(_ recordings: [ONVIFRecording], into w: inout XMLWriter) {
        w.element("trc:GetRecordingsResponse") { w in
            for recording in recordings {
                w.element("trc:RecordingItem") { w in
                    w.element("tt:RecordingToken", value: recording.token)
                    w.element("tt:Configuration") { w in
                        source(recording.source, into: &w)
                        w.element("tt:Content", value: recording.content)
                        // Zero: the device sets no limit on how long data is kept (tt:RecordingConfiguration).
                        w.element("tt:MaximumRetentionTime", value: "PT0S")
                    }
                    w.element("tt:Tracks") { w in
                        for track in recording.tracks {
                            w.element("tt:Track") { w in
                                w.element("tt:TrackToken", value: track.token)
                                w.element("tt:Configuration") { w in
                                    w.element("tt:TrackType", value: track.type.rawValue)
                                    w.element("tt:Description", value: track.description)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `tt:Source` (`tt:RecordingSourceInformation`).
    static func source(_ source: ONVIFRecording.Source, into w: inout XMLWriter) {
        w.element("tt:Source") { w in
            w.element("tt:SourceId", value: source.sourceId)
            w.element("tt:Name", value: source.name)
            w.element("tt:Location", value: source.location)
            w.element("tt:Description", value: source.description)
            w.element("tt:Address", value: source.address)
        }
    }
}
