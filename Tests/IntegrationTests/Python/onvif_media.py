"""ONVIF media (ver10) and Media2 (ver20) against camsim.

Usage: onvif_media.py HOST PORT USER PASSWORD

ver10 goes through onvif-zeep 0.2.12 and its own WSDLs (a fetch from the network fails
the run): the encoder options, SetVideoEncoderConfiguration of the main stream to
640x360 and a refused odd size, the profiles afterwards, the audio configurations, and
GetStreamUri for RTSP and RTSPS. onvif-zeep ships no ver20 WSDL, so Media2 is driven with
raw SOAP 1.2 through `requests`, with a WS-Security digest written here (OASIS
UsernameToken Profile 1.0 §3.1), and every answer read with ElementTree: GetProfiles by
type, GetStreamUri for RtspUnicast and RtspsUnicast, the encoder configurations and
options, and SetVideoEncoderConfiguration of the sub stream to H.265. Prints one JSON object.
"""
import base64
import datetime
import hashlib
import json
import os
import sys
import xml.etree.ElementTree as ET

import requests
import zeep

import onvif_offline  # noqa: E402  (before onvif: WSDLs and schemas from the package only)
from onvif import ONVIFCamera, ONVIFError  # noqa: E402

WSDL_DIR = onvif_offline.WSDL_DIR
NS = {
    "env": "http://www.w3.org/2003/05/soap-envelope",
    "tr2": "http://www.onvif.org/ver20/media/wsdl",
    "tt": "http://www.onvif.org/ver10/schema",
    "ter": "http://www.onvif.org/ver10/error",
}
MEDIA2 = "http://www.onvif.org/ver20/media/wsdl"


def fault_text(call):
    """What `call` raised, or 'accepted' when it did not."""
    try:
        call()
        return "accepted"
    except (ONVIFError, zeep.exceptions.Fault) as error:
        return str(error)


def security_header(user, password):
    """A wsse:Security header with a PasswordDigest UsernameToken:
    Base64(SHA-1(nonce + created + password))."""
    nonce = os.urandom(16)
    created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = base64.b64encode(hashlib.sha1(nonce + created.encode() + password.encode()).digest()).decode()
    wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    profile = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
    return (
        f'<wsse:Security xmlns:wsse="{wsse}" xmlns:wsu="{wsu}"><wsse:UsernameToken>'
        f"<wsse:Username>{user}</wsse:Username>"
        f'<wsse:Password Type="{profile}#PasswordDigest">{digest}</wsse:Password>'
        f"<wsse:Nonce>{base64.b64encode(nonce).decode()}</wsse:Nonce>"
        f"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>"
    )


class Media2:
    """Raw SOAP 1.2 calls to a Media2 service address."""

    def __init__(self, address, user, password):
        self.address, self.user, self.password = address, user, password

    def call(self, operation, body=""):
        """The response element of `operation`, or the fault's subcodes as a string."""
        envelope = (
            f'<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="{NS["env"]}" '
            f'xmlns:tr2="{NS["tr2"]}" xmlns:tt="{NS["tt"]}"><env:Header>'
            f"{security_header(self.user, self.password)}</env:Header><env:Body>"
            f"<tr2:{operation}>{body}</tr2:{operation}></env:Body></env:Envelope>"
        )
        headers = {"Content-Type": f'application/soap+xml; charset=utf-8; action="{MEDIA2}/{operation}"'}
        reply = requests.post(self.address, data=envelope.encode(), headers=headers, timeout=10)
        root = ET.fromstring(reply.content)
        body = root.find("env:Body", NS)
        fault = body.find("env:Fault", NS)
        if fault is not None:
            codes = [value.text for value in fault.iter(f'{{{NS["env"]}}}Value')]
            return {"status": reply.status_code, "fault": "/".join(codes)}
        response = body.find(f"tr2:{operation}Response", NS)
        if response is None:
            raise RuntimeError(f"{operation}: no {operation}Response in {reply.text}")
        return response


def encoder2(configuration):
    """A tt:VideoEncoder2Configuration as a dict."""
    return {
        "token": configuration.get("token"),
        "encoding": configuration.findtext("tt:Encoding", namespaces=NS),
        "width": int(configuration.findtext("tt:Resolution/tt:Width", namespaces=NS)),
        "height": int(configuration.findtext("tt:Resolution/tt:Height", namespaces=NS)),
        "profile": configuration.get("Profile"),
        "gov_length": configuration.get("GovLength"),
        "children": [child.tag.split("}")[1] for child in configuration],
    }


def extension_tokens(extension):
    """The tokens of a ver10 profile's Extension configurations. zeep lets the schema's
    leading `xs:any namespace="##other"` take the tt: elements too, so they arrive in
    `_value_1` rather than under their own names."""
    if extension is None:
        return []
    named = [extension.AudioOutputConfiguration, extension.AudioDecoderConfiguration]
    found = [item for item in named if item is not None] + list(extension._value_1 or [])
    return [item["token"] for item in found]


def ver10(camera, out):
    media = camera.create_media_service()
    options = media.GetVideoEncoderConfigurationOptions({"ConfigurationToken": "VideoEncoder_main"})
    out["options_h264_sizes"] = [f"{r.Width}x{r.Height}" for r in options.H264.ResolutionsAvailable]
    out["options_h264_profiles"] = list(options.H264.H264ProfilesSupported)
    out["options_frame_rates"] = [options.H264.FrameRateRange.Min, options.H264.FrameRateRange.Max]
    out["options_jpeg_sizes"] = [f"{r.Width}x{r.Height}" for r in options.JPEG.ResolutionsAvailable]

    configuration = media.GetVideoEncoderConfiguration({"ConfigurationToken": "VideoEncoder_main"})
    out["before"] = f"{configuration.Resolution.Width}x{configuration.Resolution.Height}"
    odd = media.GetVideoEncoderConfiguration({"ConfigurationToken": "VideoEncoder_main"})
    odd.Resolution.Width, odd.Resolution.Height = 641, 361
    out["odd_size"] = fault_text(lambda: media.SetVideoEncoderConfiguration({"Configuration": odd, "ForcePersistence": True}))
    configuration.Resolution.Width, configuration.Resolution.Height = 640, 360
    out["set"] = fault_text(
        lambda: media.SetVideoEncoderConfiguration({"Configuration": configuration, "ForcePersistence": True}))

    out["profiles"] = []
    for profile in media.GetProfiles():
        encoder = profile.VideoEncoderConfiguration
        request = media.create_type("GetStreamUri")
        request.ProfileToken = profile.token
        request.StreamSetup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
        out["profiles"].append({
            "token": profile.token,
            "encoding": encoder.Encoding if encoder is not None else None,
            "size": f"{encoder.Resolution.Width}x{encoder.Resolution.Height}" if encoder is not None else None,
            "stream_uri": media.GetStreamUri(request).Uri,
            "snapshot_uri": media.GetSnapshotUri({"ProfileToken": profile.token}).Uri,
            "audio_source": profile.AudioSourceConfiguration.token if profile.AudioSourceConfiguration else None,
            "audio_encoder": profile.AudioEncoderConfiguration.Encoding if profile.AudioEncoderConfiguration else None,
            "extension_tokens": extension_tokens(profile.Extension),
        })
    secure = media.create_type("GetStreamUri")
    secure.ProfileToken = "Profile_main"
    secure.StreamSetup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSPS"}}
    out["ver10_rtsps_uri"] = media.GetStreamUri(secure).Uri

    sources = media.GetAudioSources()
    out["audio_sources"] = [{"token": s.token, "channels": s.Channels} for s in sources]
    out["audio_source_configurations"] = [c.token for c in media.GetAudioSourceConfigurations()]
    out["audio_encoders"] = [
        {"encoding": c.Encoding, "sample_rate": c.SampleRate, "bitrate": c.Bitrate}
        for c in media.GetAudioEncoderConfigurations()
    ]
    out["audio_outputs"] = [o.token for o in media.GetAudioOutputs()]
    out["audio_output_configurations"] = [c.OutputToken for c in media.GetAudioOutputConfigurations()]


def media2(camera, user, password, out):
    services = camera.devicemgmt.GetServices({"IncludeCapability": False})
    address = next(s.XAddr for s in services if s.Namespace == MEDIA2)
    out["media2_xaddr"] = address
    m2 = Media2(address, user, password)

    profiles = m2.call("GetProfiles", "<tr2:Type>All</tr2:Type>")
    out["media2_profiles"] = []
    for profile in profiles.findall("tr2:Profiles", NS):
        configurations = profile.find("tr2:Configurations", NS)
        out["media2_profiles"].append({
            "token": profile.get("token"),
            "configurations": [child.tag.split("}")[1] for child in configurations],
            "encoder": encoder2(configurations.find("tr2:VideoEncoder", NS)),
            "audio_encoding": configurations.findtext("tr2:AudioEncoder/tt:Encoding", namespaces=NS),
        })
    bare = m2.call("GetProfiles")
    out["media2_bare_profile_children"] = [child.tag.split("}")[1] for child in bare.find("tr2:Profiles", NS)]

    def uri(protocol, token="Profile_main"):
        reply = m2.call("GetStreamUri", f"<tr2:Protocol>{protocol}</tr2:Protocol><tr2:ProfileToken>{token}</tr2:ProfileToken>")
        return reply if isinstance(reply, dict) else reply.findtext("tr2:Uri", namespaces=NS)

    out["media2_uri"] = {p: uri(p) for p in ("RtspUnicast", "RTSP", "RtspOverHttp", "RtspsUnicast", "Carrier-Pigeon")}
    out["media2_snapshot"] = m2.call(
        "GetSnapshotUri", "<tr2:ProfileToken>Profile_sub</tr2:ProfileToken>").findtext("tr2:Uri", namespaces=NS)

    options = m2.call("GetVideoEncoderConfigurationOptions", "<tr2:ConfigurationToken>VideoEncoder_sub</tr2:ConfigurationToken>")
    out["media2_options"] = [
        {"encoding": o.findtext("tt:Encoding", namespaces=NS), "profiles": o.get("ProfilesSupported")}
        for o in options.findall("tr2:Options", NS)
    ]
    sub = m2.call("GetVideoEncoderConfigurations", "<tr2:ConfigurationToken>VideoEncoder_sub</tr2:ConfigurationToken>")
    current = encoder2(sub.find("tr2:Configurations", NS))
    out["media2_sub_before"] = current

    def set_encoder(encoding, profile, width, height):
        body = (
            f'<tr2:Configuration token="VideoEncoder_sub" GovLength="20" Profile="{profile}">'
            f"<tt:Name>sub</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>{encoding}</tt:Encoding>"
            f"<tt:Resolution><tt:Width>{width}</tt:Width><tt:Height>{height}</tt:Height></tt:Resolution>"
            '<tt:RateControl ConstantBitRate="false"><tt:FrameRateLimit>10</tt:FrameRateLimit>'
            "<tt:BitrateLimit>400</tt:BitrateLimit></tt:RateControl><tt:Quality>5</tt:Quality></tr2:Configuration>"
        )
        reply = m2.call("SetVideoEncoderConfiguration", body)
        return reply if isinstance(reply, dict) else "accepted"

    out["media2_main10"] = set_encoder("H265", "Main10", current["width"], current["height"])
    out["media2_set_h265"] = set_encoder("H265", "Main", current["width"], current["height"])
    after = m2.call("GetVideoEncoderConfigurations", "<tr2:ConfigurationToken>VideoEncoder_sub</tr2:ConfigurationToken>")
    out["media2_sub_after"] = encoder2(after.find("tr2:Configurations", NS))
    out["media2_sub_uri"] = uri("RtspUnicast", "Profile_sub")
    audio = m2.call("GetAudioEncoderConfigurations").find("tr2:Configurations", NS)
    out["media2_audio_encoder"] = [child.tag.split("}")[1] for child in audio]
    outputs = m2.call("GetAudioOutputConfigurations")
    out["media2_audio_outputs"] = [c.get("token") for c in outputs.findall("tr2:Configurations", NS)]


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    out = {}
    camera = ONVIFCamera(host, port, user, password, wsdl_dir=WSDL_DIR, no_cache=True)
    ver10(camera, out)
    media2(camera, user, password, out)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
