/// ver10's audio: the camera's `audio:` track as one audio source with one encoder
/// configuration, and its `backchannel:` as one audio output (ONVIF Media Service
/// Specification, "Audio source", "Audio encoder", "Audio output"; onvif.xsd sequence
/// order). A camera without them answers empty lists.
extension MediaServiceResponses {
    static func audioSources(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetAudioSourcesResponse") { w in
            if let track = device.audio.track {
                w.element("trt:AudioSources", [("token", MediaAudio.sourceToken)]) { w in
                    w.element("tt:Channels", value: "\(track.channels)")
                }
            }
        }
    }

    static func audioSourceConfigurations(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetAudioSourceConfigurationsResponse") { w in
            if device.audio.track != nil { audioSourceConfiguration(device, element: "trt:Configurations", into: &w) }
        }
    }

    static func audioEncoderConfigurations(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetAudioEncoderConfigurationsResponse") { w in
            if let track = device.audio.track {
                audioEncoderConfiguration(track, device: device, element: "trt:Configurations", into: &w)
            }
        }
    }

    static func audioOutputs(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetAudioOutputsResponse") { w in
            if device.audio.hasOutput { w.empty("trt:AudioOutputs", [("token", MediaAudio.outputToken)]) }
        }
    }

    static func audioOutputConfigurations(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetAudioOutputConfigurationsResponse") { w in
            if device.audio.hasOutput { audioOutputConfiguration(device, element: "trt:Configurations", into: &w) }
        }
    }

    /// `tt:AudioSourceConfiguration`, shared by every profile.
    static func audioSourceConfiguration(_ device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", MediaAudio.sourceConfigurationToken)]) { w in
            w.element("tt:Name", value: MediaAudio.sourceConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:SourceToken", value: MediaAudio.sourceToken)
        }
    }

    /// ver10's `tt:AudioEncoderConfiguration`: Bitrate in kbit/s, SampleRate in kHz.
    static func audioEncoderConfiguration(_ track: MediaAudio.Track, device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", MediaAudio.encoderConfigurationToken)]) { w in
            w.element("tt:Name", value: MediaAudio.encoderConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:Encoding", value: track.encoding.ver10Name)
            w.element("tt:Bitrate", value: "\(track.bitrate)")
            w.element("tt:SampleRate", value: "\(track.sampleRate / 1000)")
            noMulticast(into: &w)
            w.element("tt:SessionTimeout", value: "PT60S")
        }
    }

    /// `tt:AudioOutputConfiguration` of the backchannel, at full level.
    static func audioOutputConfiguration(_ device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", MediaAudio.outputConfigurationToken)]) { w in
            w.element("tt:Name", value: MediaAudio.outputConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:OutputToken", value: MediaAudio.outputToken)
            w.element("tt:OutputLevel", value: "100")
        }
    }

    /// `tt:AudioDecoderConfiguration` of the backchannel.
    static func audioDecoderConfiguration(_ device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", MediaAudio.decoderConfigurationToken)]) { w in
            w.element("tt:Name", value: MediaAudio.decoderConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
        }
    }

    /// A `tt:MulticastConfiguration` that announces none (address 0.0.0.0, port 0).
    static func noMulticast(into w: inout XMLWriter) {
        w.element("tt:Multicast") { w in
            w.element("tt:Address") { w in
                w.element("tt:Type", value: "IPv4")
                w.element("tt:IPv4Address", value: "0.0.0.0")
            }
            w.element("tt:Port", value: "0")
            w.element("tt:TTL", value: "1")
            w.element("tt:AutoStart", value: "false")
        }
    }
}
